import { afterAll, beforeAll, expect, it } from 'vitest';
import { createChannelLease } from '../../src/channels/channel-lease.js';
import { describeOnEachEngine } from '../helpers/engines.js';
import { chat, type TestApp } from '../helpers/test-app.js';

describeOnEachEngine('a wage complaint from the chat to a routed ticket', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await engine.createApp();
  });
  afterAll(async () => t?.close());

  it('files a numbered ticket at the right office from three chat turns, sealed at rest', async () => {
    const say = (text: string) => chat(t.app, { channelUserId: 'engine-rider', text });
    const first = await say(
      '我是美团骑手，在浦东新区张江站送餐，站长拖欠我3个月工资一共一万二，我叫李强，电话138 1234 5678',
    );
    expect(first.replies[0]!.text).toContain('12,000元');
    expect((await say('确认')).replies[0]!.text).toContain('同意');
    const receipt = (await say('同意')).replies[0]!;
    expect(receipt.type).toBe('ticket');
    expect(receipt.ticket.number).toMatch(/^GY-\d{8}-\d{4}$/);
    expect(receipt.ticket.office).toMatchObject({ name: '上海市浦东新区总工会', regionCode: '310115' });

    const stored = await t.app.tickets.get(receipt.ticket.number);
    expect(stored).toMatchObject({
      claimantName: '李强',
      phone: '13812345678',
      amountYuan: 12000,
      periodMonths: 3,
      conversationId: first.conversationId,
    });
    const row = await t.app.prisma.ticket.findUniqueOrThrow({ where: { number: receipt.ticket.number } });
    expect(JSON.stringify(row)).not.toContain('13812345678');
    const history = await t.app.conversations.history(first.conversationId);
    expect(history.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual([
      history[0]!.text,
      '确认',
      '同意',
    ]);
    expect(history[0]!.text).toContain('李强');
  });

  it('keeps the wechaty lease with one holder of two racing for it, until it lapses', async () => {
    let clock = Date.parse('2026-12-03T00:00:00Z');
    const now = () => new Date(clock);
    const a = createChannelLease(t.app.prisma, 'engine-bot', 30_000, now);
    const b = createChannelLease(t.app.prisma, 'engine-bot', 30_000, now);
    const won = await Promise.all([a.acquire(), b.acquire()]);
    expect([...won].sort()).toEqual([false, true]);
    const [holder, other] = won[0] ? [a, b] : [b, a];
    clock += 29_000;
    expect(await other.acquire()).toBe(false);
    expect(await holder.acquire()).toBe(true);
    clock += 31_000;
    expect(await other.acquire()).toBe(true);
    expect((await holder.current())?.holder).toBe(other.holder);
  });
});
