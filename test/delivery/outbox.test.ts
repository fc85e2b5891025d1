import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { backoffMs, GIVE_UP_AFTER_MS, MAX_FAILED_ATTEMPTS } from '../../src/delivery/delivery-service.js';
import { chat, clientSecretFor, createTestApp, type TestApp } from '../helpers/test-app.js';

function nextFrame(
  ws: WebSocket,
  predicate: (frame: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching frame')), 5000);
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString());
      if (predicate(frame)) {
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('outbox delivery', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = typeof address === 'object' && address ? `ws://127.0.0.1:${address.port}` : '';
  });
  afterAll(async () => t.close());

  it('queues a message for an offline web user and delivers it when they reconnect', async () => {
    const { conversationId } = await chat(t.app, { channelUserId: 'offline-rider', text: '你好' });
    const sent = await t.app.delivery.send(
      conversationId,
      [{ type: 'staff', text: '您好，我是工会的王老师。' }],
      { author: 'staff' },
    );
    expect(sent.delivered).toBe(false);
    expect(await t.app.delivery.pending(conversationId)).toHaveLength(1);

    const secret = clientSecretFor(t.app, 'offline-rider');
    const ws = new WebSocket(`${base}/ws/chat?channelUserId=offline-rider&clientSecret=${secret}`);
    const push = await nextFrame(ws, (f) => f.event === 'push');
    // Each message carries its stored id (the page shows an id once).
    expect(push.replies).toEqual([
      { id: expect.any(String), type: 'staff', text: '您好，我是工会的王老师。' },
    ]);
    ws.close();
    expect(await t.app.delivery.pending(conversationId)).toHaveLength(0);
    const stored = await t.app.prisma.message.findFirst({ where: { conversationId, author: 'staff' } });
    // Sealed at rest, readable through the codec.
    expect(stored?.text).not.toContain('王老师');
    expect(t.app.messageCodec.open(stored?.text)).toBe('您好，我是工会的王老师。');
  });

  it('delivers at once to a connected web user', async () => {
    const ws = new WebSocket(`${base}/ws/chat?channelUserId=online-rider`);
    await nextFrame(ws, (f) => f.event === 'ready');
    // The conversation exists from the first message on (a bare connect writes no row).
    const answered = nextFrame(ws, (f) => f.event === 'replies');
    ws.send(JSON.stringify({ type: 'message', text: '你好' }));
    const { conversationId } = await answered;
    const pushed = nextFrame(ws, (f) => f.event === 'push');
    const sent = await t.app.delivery.send(String(conversationId), [
      { type: 'text', text: '工单状态已更新' },
    ]);
    expect(sent.delivered).toBe(true);
    expect((await pushed).replies).toEqual([
      { id: expect.any(String), type: 'text', text: '工单状态已更新' },
    ]);
    ws.close();
  });

  it('keeps a push for an acknowledging page until it acknowledges, and resends only what it did not', async () => {
    const { conversationId } = await chat(t.app, { channelUserId: 'acking-rider', text: '你好' });
    const secret = clientSecretFor(t.app, 'acking-rider');
    const url = `${base}/ws/chat?channelUserId=acking-rider&clientSecret=${secret}&ack=1`;
    const first = new WebSocket(url);
    await nextFrame(first, (f) => f.event === 'ready');
    const pushed = nextFrame(first, (f) => f.event === 'push');
    const one = await t.app.delivery.send(conversationId, [{ type: 'staff', text: '第一条' }], {
      author: 'staff',
    });
    const [pushedOne] = (await pushed).replies as { id: string }[];
    // Handed to the page, not done: it has not said it saw it.
    expect(one.delivered).toBe(true);
    expect(await t.app.delivery.pending(conversationId)).toHaveLength(1);
    first.send(JSON.stringify({ type: 'ack', ids: [pushedOne?.id] }));
    await expect.poll(async () => (await t.app.delivery.pending(conversationId)).length).toBe(0);

    const second = nextFrame(first, (f) => f.event === 'push');
    await t.app.delivery.send(conversationId, [{ type: 'staff', text: '第二条' }], { author: 'staff' });
    const [pushedTwo] = (await second).replies as { id: string }[];
    // The socket drops before the page acknowledges the second one.
    first.terminate();
    const again = new WebSocket(url);
    const resent = await nextFrame(again, (f) => f.event === 'push');
    expect(resent.replies).toEqual([{ id: pushedTwo?.id, type: 'staff', text: '第二条' }]);
    again.send(JSON.stringify({ type: 'ack', ids: [pushedTwo?.id] }));
    await expect.poll(async () => (await t.app.delivery.pending(conversationId)).length).toBe(0);
    again.close();
    // The ids are the stored messages' own, so the history names them the same.
    const stored = await t.app.prisma.message.findMany({ where: { conversationId, author: 'staff' } });
    expect(stored.map((m) => m.id).sort()).toEqual([pushedOne?.id, pushedTwo?.id].sort());
  });

  it('sends an unacknowledged push again to the open page, with the same id, until it is acknowledged', async () => {
    const { conversationId } = await chat(t.app, { channelUserId: 'silent-page', text: '你好' });
    const secret = clientSecretFor(t.app, 'silent-page');
    const ws = new WebSocket(`${base}/ws/chat?channelUserId=silent-page&clientSecret=${secret}&ack=1`);
    await nextFrame(ws, (f) => f.event === 'ready');
    const first = nextFrame(ws, (f) => f.event === 'push');
    await t.app.delivery.send(conversationId, [{ type: 'staff', text: '收到请回复' }], { author: 'staff' });
    const [sent] = (await first).replies as { id: string }[];
    // Its pause is over and no acknowledgement came (lost on the way, say): the worker sends it again.
    await t.app.prisma.outbox.updateMany({ where: { conversationId }, data: { nextAttemptAt: new Date(0) } });
    const again = nextFrame(ws, (f) => f.event === 'push');
    await t.app.delivery.processDue();
    expect(((await again).replies as { id: string }[])[0]?.id).toBe(sent?.id);
    const [item] = await t.app.prisma.outbox.findMany({ where: { conversationId } });
    // Not a failure: nothing counts toward giving up, and the next try waits at least 5 s.
    expect(item?.attempts).toBe(0);
    expect(item?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 4000);
    ws.send(JSON.stringify({ type: 'ack', ids: [sent?.id] }));
    await expect.poll(async () => (await t.app.delivery.pending(conversationId)).length).toBe(0);
    ws.close();
  });

  it('retries a failing channel with backoff and marks it failed after the last attempt once old enough', async () => {
    const { conversationId } = await chat(t.app, { channelUserId: 'wx-user', text: '你好' });
    await t.app.prisma.conversation.update({ where: { id: conversationId }, data: { channel: 'wechat' } });
    let calls = 0;
    t.app.delivery.registerSender('wechat', async () => {
      calls += 1;
      throw new Error('wechat api down');
    });
    const sent = await t.app.delivery.send(conversationId, [{ type: 'text', text: 'hi' }]);
    expect(sent.delivered).toBe(false);
    const [item] = await t.app.delivery.pending(conversationId);
    expect(item?.attempts).toBe(1);
    expect(item?.lastError).toBe('wechat api down');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) await t.app.delivery.flush(conversationId);
    expect(calls).toBe(MAX_FAILED_ATTEMPTS);
    // Not given up while young: a channel down for an hour still gets its messages later.
    expect(await t.app.delivery.pending(conversationId)).toHaveLength(1);
    await t.app.prisma.outbox.updateMany({
      where: { conversationId },
      data: { createdAt: new Date(Date.now() - GIVE_UP_AFTER_MS - 1000) },
    });
    await t.app.delivery.flush(conversationId);
    const failed = await t.app.prisma.outbox.findFirst({ where: { conversationId } });
    expect(failed?.status).toBe('failed');
    expect(backoffMs(1)).toBe(5000);
    expect(backoffMs(3)).toBe(20000);
    expect(backoffMs(50)).toBe(600000);
  });
});
