import { afterAll, beforeAll, expect, it } from 'vitest';
import { initialState } from '../../src/conversation/state.js';
import { ConversationRaceError } from '../../src/conversation/store/turn-rows.js';
import { ChatBusyError } from '../../src/conversation/turn-queue.js';
import { describeOnEachEngine } from '../helpers/engines.js';
import type { TestApp } from '../helpers/test-app.js';

describeOnEachEngine('the conversation store writes a turn', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await engine.createApp();
  });
  afterAll(async () => t?.close());

  const turn = (conversation: ReturnType<TestApp['app']['conversations']['unstored']>, text: string) => ({
    conversation,
    inbound: { channel: 'web' as const, externalUserId: conversation.externalUserId, text },
    replies: [
      { type: 'text' as const, text: `答：${text}` },
      { type: 'text' as const, text: '还有别的问题吗？' },
    ],
    state: initialState(),
    mode: 'bot' as const,
    locale: 'zh-CN' as const,
  });

  it('creates the conversation with its first turn, and reads it back by user and by id', async () => {
    const store = t.app.conversations;
    const fresh = store.unstored('web', 'turn-rider-1');
    expect(await store.find('web', 'turn-rider-1')).toBeUndefined();
    await store.saveTurn(turn(fresh, '加班费怎么算'));
    const found = await store.find('web', 'turn-rider-1');
    expect(found).toMatchObject({ id: fresh.id, isNew: false, stored: true, mode: 'bot', locale: 'zh-CN' });
    expect((await store.findById(fresh.id))?.externalUserId).toBe('turn-rider-1');

    await store.saveTurn(turn(found!, '周末加班呢'));
    const history = await store.history(fresh.id);
    expect(history.map((m) => m.text)).toEqual([
      '加班费怎么算',
      '答：加班费怎么算',
      '还有别的问题吗？',
      '周末加班呢',
      '答：周末加班呢',
      '还有别的问题吗？',
    ]);
    // Sealed at rest.
    const raw = await t.app.prisma.message.findFirstOrThrow({ where: { conversationId: fresh.id } });
    expect(raw.text).not.toContain('加班');
  });

  it('refuses a second first turn for the same user and writes nothing of it', async () => {
    const store = t.app.conversations;
    await store.saveTurn(turn(store.unstored('web', 'turn-rider-2'), '第一句'));
    const rival = store.unstored('web', 'turn-rider-2');
    await expect(store.saveTurn(turn(rival, '另一个第一句'))).rejects.toBeInstanceOf(ConversationRaceError);
    expect(await t.app.prisma.message.count({ where: { conversationId: rival.id } })).toBe(0);
    expect(await t.app.prisma.conversation.count({ where: { externalUserId: 'turn-rider-2' } })).toBe(1);
  });

  it('queues the replies in the outbox in the same transaction for an out-of-band channel', async () => {
    const store = t.app.conversations;
    const fresh = store.unstored('wecom', 'turn-kf-1');
    const before = Date.now();
    await store.saveTurn({ ...turn(fresh, '你好'), queueFor: 'wecom' });
    const after = Date.now();
    const queued = await t.app.delivery.pending(fresh.id);
    expect(queued).toHaveLength(1);
    expect(JSON.parse(queued[0]!.payload)).toEqual([
      { type: 'text', text: '答：你好' },
      { type: 'text', text: '还有别的问题吗？' },
    ]);
    const row = await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: fresh.id } });
    // Dates written by the raw statements read back through Prisma as the moment they were
    // (not hours off, as a timestamp written in local time would be).
    expect(row.lastMessageAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.lastMessageAt.getTime()).toBeLessThanOrEqual(after);
  });

  it('queues a later turn’s replies in the outbox too, and an overtaken one queues nothing', async () => {
    const store = t.app.conversations;
    await store.saveTurn({ ...turn(store.unstored('wecom', 'turn-kf-2'), '你好'), queueFor: 'wecom' });
    const read = (await store.find('wecom', 'turn-kf-2'))!;
    const stale = (await store.find('wecom', 'turn-kf-2'))!;
    await store.saveTurn({ ...turn(read, '加班费怎么算'), queueFor: 'wecom' });
    await expect(
      store.saveTurn({ ...turn(stale, '被抢先的一句'), queueFor: 'wecom' }),
    ).rejects.toBeInstanceOf(ConversationRaceError);
    const queued = await t.app.delivery.pending(read.id);
    expect(queued.map((row) => JSON.parse(row.payload)[0].text)).toEqual(['答：你好', '答：加班费怎么算']);
    const texts = (await store.history(read.id)).filter((m) => m.direction === 'in').map((m) => m.text);
    expect(texts).toEqual(['你好', '加班费怎么算']);
  });

  it('refuses a turn saved over a read another write has overtaken, and writes nothing of it', async () => {
    const store = t.app.conversations;
    await store.saveTurn(turn(store.unstored('web', 'turn-rider-3'), '第一句'));
    // Two instances read the same conversation at the same version …
    const readOnA = (await store.find('web', 'turn-rider-3'))!;
    const readOnB = (await store.find('web', 'turn-rider-3'))!;
    expect(readOnB.version).toBe(readOnA.version);
    // … A saves first; B's save over the same version must not overwrite A's state.
    await store.saveTurn(turn(readOnA, 'A 的一句'));
    await expect(store.saveTurn(turn(readOnB, 'B 的一句'))).rejects.toBeInstanceOf(ConversationRaceError);
    const texts = (await store.history(readOnA.id)).filter((m) => m.direction === 'in').map((m) => m.text);
    expect(texts).toEqual(['第一句', 'A 的一句']);
    expect((await store.find('web', 'turn-rider-3'))!.version).toBe(readOnA.version + 1);
  });

  it('counts a person taking the chat as a write: a turn read before it is refused', async () => {
    const store = t.app.conversations;
    await store.saveTurn(turn(store.unstored('web', 'turn-rider-4'), '第一句'));
    const read = (await store.find('web', 'turn-rider-4'))!;
    expect(await store.setMode(read.id, 'human')).toBe(true);
    await expect(store.saveTurn(turn(read, '还在吗'))).rejects.toBeInstanceOf(ConversationRaceError);
    expect((await store.find('web', 'turn-rider-4'))!.mode).toBe('human');
  });

  it('runs a turn again when another instance wrote the conversation under it: a takeover is not undone', async () => {
    const store = t.app.conversations;
    const first = await t.app.chat.handle({ channel: 'web', externalUserId: 'turn-rider-5', text: '你好' });
    const id = first.conversationId;
    // Instance B (another process on the same database) hands the chat to a person between this
    // instance's read and its save: the first read is stale by the time the turn saves.
    const findById = store.findById.bind(store);
    let reads = 0;
    store.findById = async (conversationId: string) => {
      const read = await findById(conversationId);
      reads += 1;
      if (reads === 1) await store.setMode(conversationId, 'human');
      return read;
    };
    try {
      const result = await t.app.chat.handle(
        { channel: 'web', externalUserId: 'turn-rider-5', text: '加班费怎么算' },
        { conversationId: id },
      );
      expect(reads).toBe(2);
      // The retried turn saw the person's takeover: forwarded to staff, no bot answer, mode kept.
      expect(result.mode).toBe('human');
      expect(result.replies).toEqual([]);
    } finally {
      store.findById = findById;
    }
    expect((await store.findById(id))!.mode).toBe('human');
    const inbound = (await store.history(id)).filter((m) => m.direction === 'in').map((m) => m.text);
    expect(inbound).toEqual(['你好', '加班费怎么算']);
  });

  it('answers busy, writing nothing, when the conversation is overtaken on every try', async () => {
    const store = t.app.conversations;
    const first = await t.app.chat.handle({ channel: 'web', externalUserId: 'turn-rider-6', text: '你好' });
    const findById = store.findById.bind(store);
    let reads = 0;
    store.findById = async (conversationId: string) => {
      const read = await findById(conversationId);
      reads += 1;
      // Another instance writes after each of this instance's reads.
      await store.setMode(conversationId, reads % 2 ? 'waiting' : 'bot');
      return read;
    };
    try {
      await expect(
        t.app.chat.handle(
          { channel: 'web', externalUserId: 'turn-rider-6', text: '还在吗' },
          { conversationId: first.conversationId },
        ),
      ).rejects.toBeInstanceOf(ChatBusyError);
      expect(reads).toBe(4);
    } finally {
      store.findById = findById;
    }
    const inbound = (await store.history(first.conversationId)).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => m.text)).toEqual(['你好']);
  });
});
