import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { isOpen, parseOfficeHours } from '../../src/handoff/office-hours.js';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { enterFlow } from '../helpers/enter-flow.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, loginBearer, loginCookie, type Offices } from './staff-fixtures.js';

describe('office hours', () => {
  const hours = parseOfficeHours('1-5 09:00-17:30');
  it('is open on a weekday afternoon in China and closed at night and on Sunday', () => {
    expect(isOpen(hours, new Date('2026-11-30T02:00:00Z'))).toBe(true); // Mon 10:00 CST
    expect(isOpen(hours, new Date('2026-11-30T09:30:00Z'))).toBe(false); // Mon 17:30 CST
    expect(isOpen(hours, new Date('2026-11-29T03:00:00Z'))).toBe(false); // Sun 11:00 CST
  });
});

describe('handoff to union staff', () => {
  let t: TestApp;
  let offices: Offices;
  let agent: Record<string, string>;
  let agent2: Record<string, string>;
  let outsider: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: 'region-310115', STAFF_LOGIN_PER_MINUTE: '1000' });
    offices = await createOffices(t.app);
    await createStaff(t.app, 'agent.a', 'agent', offices.a);
    await createStaff(t.app, 'agent.a2', 'agent', offices.a);
    await createStaff(t.app, 'admin.b', 'admin', offices.b);
    agent = await loginBearer(t.app, 'agent.a');
    agent2 = await loginBearer(t.app, 'agent.a2');
    outsider = await loginBearer(t.app, 'admin.b');
  });
  afterAll(() => t.close());

  const queue = async (headers: Record<string, string>) =>
    (await t.app.inject({ method: 'GET', url: '/api/staff/handoffs', headers })).json().handoffs as Array<{
      id: string;
      conversationId: string;
      status: string;
    }>;

  it('queues 转人工 with the place in line and the hours, and staff of that office see it', async () => {
    const first = await chat(t.app, { channelUserId: 'rider-1', text: '转人工' });
    expect(first.replies[0]?.type).toBe('handoff');
    expect(first.replies[0]?.text).toContain('第 1 位');
    const hoursOpen = isOpen(parseOfficeHours(t.app.config.OFFICE_HOURS), new Date());
    if (hoursOpen) expect(first.replies[0]?.text).toContain('现在是服务时间');
    else expect(first.replies[0]?.text).toContain('12351');

    const second = await chat(t.app, { channelUserId: 'rider-2', text: 'talk to a person' });
    expect(second.replies[0]?.text).toContain('number 2 in line');
    const again = await chat(t.app, { channelUserId: 'rider-1', text: '人工客服' });
    expect(again.replies[0]?.text).toContain('已经在排队');

    const mine = await queue(agent);
    expect(mine.map((h) => h.conversationId)).toEqual([first.conversationId, second.conversationId]);
    expect(await queue(outsider)).toEqual([]);
    const conversation = await t.app.prisma.conversation.findUniqueOrThrow({
      where: { id: first.conversationId },
    });
    expect(conversation.mode).toBe('waiting');
  });

  it('hides another office’s chats: 404 on read, claim and reply', async () => {
    const [handoff] = await queue(agent);
    for (const [method, url] of [
      ['GET', `/api/staff/handoffs/${handoff?.id}`],
      ['POST', `/api/staff/handoffs/${handoff?.id}/claim`],
      ['POST', `/api/staff/handoffs/${handoff?.id}/close`],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: outsider });
      expect(response.statusCode).toBe(404);
    }
  });

  it('lets one staff member claim a chat; a second claim fails with 409', async () => {
    const [handoff] = await queue(agent);
    const [one, two] = await Promise.all([
      t.app.inject({ method: 'POST', url: `/api/staff/handoffs/${handoff?.id}/claim`, headers: agent }),
      t.app.inject({ method: 'POST', url: `/api/staff/handoffs/${handoff?.id}/claim`, headers: agent2 }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const winner = one.statusCode === 200 ? agent : agent2;
    const loser = one.statusCode === 200 ? agent2 : agent;
    // The loser cannot speak in the chat either.
    const blocked = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff?.id}/messages`,
      headers: loser,
      payload: { text: '你好' },
    });
    expect(blocked.statusCode).toBe(409);
    // Tidy: the winner keeps it for the next test.
    agent = winner;
    agent2 = loser;
  });

  it('keeps the bot silent while a person has the chat and delivers staff replies live', async () => {
    const [handoff] = await queue(agent);
    const conversationId = handoff?.conversationId as string;
    const pushed: OutboundMessage[] = [];
    const unsubscribe = t.app.chat.subscribe(conversationId, (replies) => pushed.push(...replies));

    const silent = await chat(t.app, { conversationId, text: '老板三个月没发工资了怎么办' });
    expect(silent.replies).toEqual([]);

    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff?.id}/messages`,
      headers: agent,
      payload: { text: '您好，我是工会的王老师，请问是哪家公司？' },
    });
    expect(sent.statusCode).toBe(200);
    expect(pushed.map((r) => [r.type, r.text])).toContainEqual([
      'staff',
      '您好，我是工会的王老师，请问是哪家公司？',
    ]);
    const stored = await t.app.prisma.message.findFirst({ where: { conversationId, author: 'staff' } });
    expect(t.app.messageCodec.open(stored?.text)).toBe('您好，我是工会的王老师，请问是哪家公司？');

    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/staff/handoffs/${handoff?.id}`,
      headers: agent,
    });
    expect(detail.json().messages.map((m: { text: string }) => m.text)).toContain(
      '老板三个月没发工资了怎么办',
    );
    const audit = await t.app.prisma.auditLog.findFirst({ where: { subjectId: conversationId } });
    expect(audit?.action).toBe('view-conversation');
    unsubscribe();
  });

  it('hands the chat back to the bot, which answers again', async () => {
    const [handoff] = await queue(agent);
    const back = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff?.id}/release`,
      headers: agent,
    });
    expect(back.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff?.id}/release`,
      headers: agent,
    });
    expect(again.statusCode).toBe(409);
    const reply = await chat(t.app, { conversationId: handoff?.conversationId, text: '你好' });
    expect(reply.replies.length).toBeGreaterThan(0);
  });

  it('closes a chat: an agent cannot close a colleague’s, and the conversation is closed', async () => {
    const [waiting] = await queue(agent);
    await t.app.inject({ method: 'POST', url: `/api/staff/handoffs/${waiting?.id}/claim`, headers: agent2 });
    const notMine = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${waiting?.id}/close`,
      headers: agent,
    });
    expect(notMine.statusCode).toBe(403);
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${waiting?.id}/close`,
      headers: agent2,
    });
    expect(closed.statusCode).toBe(200);
    const conversation = await t.app.prisma.conversation.findUniqueOrThrow({
      where: { id: waiting?.conversationId },
    });
    expect(conversation.mode).toBe('closed');
  });

  it('queues escalations from other flows (an emergency jumps the line) and tells the user their place', async () => {
    // A stand-in for the knowledge flow: resumes with an urgent escalation, as an emergency does.
    t.app.flows.register({
      name: 'test-escalator',
      intents: [],
      start: async () => ({ replies: [] }),
      resume: async () => ({
        replies: [{ type: 'text', text: '正在为你转接工作人员。' }],
        mode: 'waiting',
        effects: [{ type: 'escalate', reason: 'emergency', priority: 'urgent' }],
      }),
    });
    await chat(t.app, { channelUserId: 'rider-3', text: '转人工' });
    const turn = await chat(t.app, { channelUserId: 'rider-4', text: '你好' });
    await enterFlow(t.app, turn.conversationId, 'test-escalator');
    await chat(t.app, { conversationId: turn.conversationId, text: '有人受伤了' });
    const waiting = (await queue(agent)).filter((h) => h.status === 'waiting');
    expect(waiting[0]?.conversationId).toBe(turn.conversationId);
    const told = await t.app.prisma.message.findFirst({
      where: { conversationId: turn.conversationId, author: 'system' },
    });
    expect(t.app.messageCodec.open(told?.text)).toContain('第 1 位');
  });

  it('queues a collective case in the office for its region, not the default office', async () => {
    t.app.flows.register({
      name: 'test-collective',
      intents: [],
      start: async () => ({ replies: [] }),
      resume: async () => ({
        replies: [{ type: 'text', text: '这是集体欠薪，正在转给工会。' }],
        mode: 'waiting',
        effects: [{ type: 'escalate', reason: 'collective', priority: 'high', regionCode: '110105' }],
      }),
    });
    const turn = await chat(t.app, { channelUserId: 'rider-collective', text: '你好' });
    await enterFlow(t.app, turn.conversationId, 'test-collective');
    await chat(t.app, { conversationId: turn.conversationId, text: '我们二十多个人都没拿到工资' });
    const handoff = await t.app.prisma.handoff.findFirstOrThrow({
      where: { conversationId: turn.conversationId },
    });
    const expected = (await t.app.offices.route('110105', 'other', true)).office.id;
    expect(handoff.officeId).toBe(expected);
    expect(handoff.officeId).not.toBe(offices.a);
    expect([handoff.reason, handoff.priority]).toEqual(['collective', 'high']);
    // Office B sees it; office A does not.
    expect((await queue(outsider)).map((h) => h.conversationId)).toContain(turn.conversationId);
  });

  it('silences the bot if a claim landed while the worker’s turn was running', async () => {
    const turn = await chat(t.app, { channelUserId: 'rider-race', text: '转人工' });
    const handoff = await t.app.prisma.handoff.findFirstOrThrow({
      where: { conversationId: turn.conversationId },
    });
    const claimed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff.id}/claim`,
      headers: agent,
    });
    expect(claimed.statusCode).toBe(200);
    // The racing turn saved `waiting` over the claim's `human`.
    await t.app.prisma.conversation.update({ where: { id: turn.conversationId }, data: { mode: 'waiting' } });
    const next = await chat(t.app, { conversationId: turn.conversationId, text: '还在吗' });
    expect(next.replies).toEqual([]);
    const row = await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: turn.conversationId } });
    expect(row.mode).toBe('human');
  });

  it('lets a waiting worker leave the queue with 取消; the bot answers again and staff cannot claim it', async () => {
    const turn = await chat(t.app, { channelUserId: 'rider-leave', text: '转人工' });
    const handoff = await t.app.prisma.handoff.findFirstOrThrow({
      where: { conversationId: turn.conversationId },
    });
    expect((await queue(agent)).map((h) => h.id)).toContain(handoff.id);

    const left = await chat(t.app, { conversationId: turn.conversationId, text: '取消' });
    expect(left.replies[0]?.text).toContain('已为你取消人工排队');
    expect((await queue(agent)).map((h) => h.id)).not.toContain(handoff.id);
    const row = await t.app.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(row.status).toBe('withdrawn');
    const conversation = await t.app.prisma.conversation.findUniqueOrThrow({
      where: { id: turn.conversationId },
    });
    expect(conversation.mode).toBe('bot');
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff.id}/claim`,
      headers: agent,
    });
    expect(late.statusCode).toBe(409);
    const ended = await t.app.inject({
      method: 'GET',
      url: '/api/staff/handoffs?status=ended',
      headers: agent,
    });
    expect(ended.json().handoffs.map((h: { id: string }) => h.id)).toContain(handoff.id);
    // 取消 again has nothing left to cancel; the bot is back.
    const again = await chat(t.app, { conversationId: turn.conversationId, text: '取消' });
    expect(again.replies[0]?.text).toContain('没有进行中的事项');
  });

  it('keeps a claim that landed just before the worker’s 取消, and says so', async () => {
    const turn = await chat(t.app, { channelUserId: 'rider-leave-late', text: '转人工' });
    const handoff = await t.app.prisma.handoff.findFirstOrThrow({
      where: { conversationId: turn.conversationId },
    });
    const pushed: OutboundMessage[] = [];
    const unsubscribe = t.app.chat.subscribe(turn.conversationId, (replies) => pushed.push(...replies));
    await t.app.inject({ method: 'POST', url: `/api/staff/handoffs/${handoff.id}/claim`, headers: agent });
    // The worker's 取消 was already running in the state before the claim (mode `waiting`).
    await t.app.prisma.conversation.update({ where: { id: turn.conversationId }, data: { mode: 'waiting' } });
    await chat(t.app, { conversationId: turn.conversationId, text: '取消' });
    unsubscribe();
    expect(pushed.map((r) => r.text).join('\n')).toContain('工作人员刚刚已经接入');
    const row = await t.app.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(row.status).toBe('claimed');
    const conversation = await t.app.prisma.conversation.findUniqueOrThrow({
      where: { id: turn.conversationId },
    });
    expect(conversation.mode).toBe('human');
  });

  describe('live sockets', () => {
    let base: string;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });

    const open = (url: string, headers: Record<string, string> = {}) =>
      new Promise<{ ws: WebSocket; frames: Record<string, unknown>[] }>((resolve, reject) => {
        const ws = new WebSocket(url, { headers });
        const frames: Record<string, unknown>[] = [];
        ws.on('message', (raw) => frames.push(JSON.parse(raw.toString())));
        ws.on('open', () => resolve({ ws, frames }));
        ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
        ws.on('error', reject);
      });
    const waitFor = async (
      frames: Record<string, unknown>[],
      test: (f: Record<string, unknown>) => boolean,
    ) => {
      for (let i = 0; i < 200; i++) {
        const found = frames.find(test);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`frame not received; got ${JSON.stringify(frames)}`);
    };

    it('refuses a cookie socket without the CSRF token', async () => {
      const session = await loginCookie(t.app, 'agent.a');
      await expect(open(`${base}/ws/staff`, { cookie: session.cookie })).rejects.toThrow('HTTP 403');
      await expect(open(`${base}/ws/staff`)).rejects.toThrow('HTTP 401');
    });

    it('shows a new waiting chat live to its office only, and carries a reply to the web user', async () => {
      const session = await loginCookie(t.app, 'agent.a');
      const console = await open(`${base}/ws/staff?csrf=${encodeURIComponent(session.csrf)}`, {
        cookie: session.cookie,
      });
      const other = await open(`${base}/ws/staff`, outsider);
      await waitFor(console.frames, (f) => f.event === 'ready');
      await waitFor(other.frames, (f) => f.event === 'ready');

      const user = await open(`${base}/ws/chat?channelUserId=live-rider`);
      await waitFor(user.frames, (f) => f.event === 'ready');
      user.ws.send(JSON.stringify({ type: 'message', text: '转人工' }));
      // The conversation exists from the first message on; its first reply names it.
      const { conversationId } = await waitFor(user.frames, (f) => f.event === 'replies');
      const queued = (await waitFor(
        console.frames,
        (f) =>
          f.event === 'queue' && (f.handoff as { conversationId: string }).conversationId === conversationId,
      )) as { handoff: { id: string } };
      expect(other.frames.filter((f) => f.event === 'queue')).toEqual([]);

      // While waiting the bot still answers, and the console sees the message live.
      user.ws.send(JSON.stringify({ type: 'message', text: '附近有驿站吗' }));
      await waitFor(
        user.frames,
        (f) => f.event === 'replies' && (f.replies as { type: string }[])[0]?.type !== 'handoff',
      );
      await waitFor(
        console.frames,
        (f) => f.event === 'message' && (f.message as { text: string }).text === '附近有驿站吗',
      );

      const claim = await t.app.inject({
        method: 'POST',
        url: `/api/staff/handoffs/${queued.handoff.id}/claim`,
        headers: session.headers,
      });
      expect(claim.statusCode).toBe(200);
      user.ws.send(JSON.stringify({ type: 'message', text: '我在张江送外卖' }));
      await waitFor(
        console.frames,
        (f) => f.event === 'message' && (f.message as { text: string }).text === '我在张江送外卖',
      );

      await t.app.inject({
        method: 'POST',
        url: `/api/staff/handoffs/${queued.handoff.id}/messages`,
        headers: session.headers,
        payload: { text: '收到，我来帮你登记。' },
      });
      await waitFor(
        user.frames,
        (f) =>
          f.event === 'push' &&
          (f.replies as OutboundMessage[]).some(
            (r) => r.type === 'staff' && r.text === '收到，我来帮你登记。',
          ),
      );
      for (const socket of [console.ws, other.ws, user.ws]) socket.close();
    });
  });
});
