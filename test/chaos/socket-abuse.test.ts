import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { WsClient, wsBase } from '../helpers/ws-client.js';

/** The bytes the server holds for its chat sockets, waiting for clients to read them. */
const heldBytes = (t: TestApp) =>
  [...(t.app.websocketServer.clients as Set<WebSocket>)].reduce((sum, ws) => sum + ws.bufferedAmount, 0);

// Issue 16, chaos: one client floods the chat socket, another never reads what it is sent.
// Neither may make the server hold unbounded memory, and everyone else is still answered.
describe('a chat socket client that floods or never reads', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = wsBase(t.app.server);
  });
  afterAll(async () => t.close());

  it('cuts off a flood and still answers a worker beside it', async () => {
    const worker = new WsClient(`${base}/ws/chat?channelUserId=beside-the-flood`);
    const flood = new WsClient(`${base}/ws/chat?channelUserId=the-flood`);
    await Promise.all([worker, flood].map((c) => c.waitFor((f) => f.event === 'ready')));
    for (let i = 0; i < 2000 && flood.socket.readyState === flood.socket.OPEN; i++) {
      flood.send({ type: 'message', text: `刷屏${i}` });
    }
    expect((await flood.closed).code).toBe(1008);
    worker.send({ type: 'message', text: '你好' });
    expect(await worker.waitFor((f) => f.event === 'replies')).toMatchObject({ replies: expect.any(Array) });
    // The flood's accepted messages were answered and stored; the rest were refused, not queued.
    // (A conversation row exists only once a first turn commits: none if the cut came first.)
    const flooded = await t.app.prisma.conversation.findFirst({ where: { externalUserId: 'the-flood' } });
    const stored = flooded
      ? await t.app.prisma.message.count({ where: { conversationId: flooded.id, direction: 'in' } })
      : 0;
    expect(stored).toBeLessThanOrEqual(10);
    worker.close();
  });

  it('does not hold unbounded memory for a client that never reads, and answers others', async () => {
    const stalled = new WsClient(`${base}/ws/chat?channelUserId=never-reads`);
    await stalled.waitFor((f) => f.event === 'ready');
    // The conversation exists from the first message on; its first reply names it.
    stalled.send({ type: 'message', text: '你好' });
    const ready = await stalled.waitFor((f) => f.event === 'replies');
    // Stop reading: the client's receive buffer fills, then the server's send buffer, then the
    // server's own queue for the socket.
    (stalled.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const staffLine = '工会工作人员回复：'.repeat(4000);
    let peak = 0;
    for (let i = 0; i < 400; i++) {
      t.app.chat.push(String(ready.conversationId), [{ type: 'staff', text: staffLine }]);
      peak = Math.max(peak, heldBytes(t));
      await new Promise((resolve) => setImmediate(resolve));
    }
    // 400 frames of ~100 KB: 40 MB if the server kept them all.
    expect(peak).toBeLessThan(4 * 1024 * 1024);
    // A reply sent now is not lost with the dropped socket: it waits for the reconnect.
    const conversationId = String(ready.conversationId);
    const sent = await t.app.delivery.send(conversationId, [{ type: 'staff', text: '重新连上后请查收' }]);
    expect(sent.delivered).toBe(false);
    stalled.socket.terminate();
    const back = new WsClient(
      `${base}/ws/chat?channelUserId=never-reads&clientSecret=${String(ready.clientSecret)}`,
    );
    const push = await back.waitFor((f) => f.event === 'push');
    expect(push.replies).toEqual([{ id: expect.any(String), type: 'staff', text: '重新连上后请查收' }]);
    back.close();
    const worker = new WsClient(`${base}/ws/chat?channelUserId=beside-the-stalled`);
    await worker.waitFor((f) => f.event === 'ready');
    worker.send({ type: 'message', text: '你好' });
    expect(await worker.waitFor((f) => f.event === 'replies')).toMatchObject({ replies: expect.any(Array) });
    worker.close();
  });
});
