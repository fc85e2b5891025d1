import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { WsClient, wsBase } from '../helpers/ws-client.js';

describe('GET /ws/chat', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = wsBase(t.app.server);
  });
  afterAll(async () => t.close());

  it('greets over the socket with the same reply shapes as HTTP', async () => {
    const client = new WsClient(`${base}/ws/chat?channelUserId=ws-rider-1`);
    const ready = await client.waitFor((f) => f.event === 'ready');
    // No conversation exists until the first message.
    expect(ready.conversationId).toBeNull();
    client.send({ type: 'message', text: '你好' });
    const replies = await client.waitFor((f) => f.event === 'replies');
    expect(replies.conversationId).toEqual(expect.any(String));
    const [reply] = replies.replies as { type: string; text: string; quickReplies: unknown[] }[];
    expect(reply?.text).toContain('工友');
    expect(reply?.quickReplies).toHaveLength(5);
    client.send({ type: 'message', text: 'hello' });
    const english = await client.waitFor((f) => f.event === 'replies');
    expect(english.locale).toBe('en');
    client.close();
  });

  it('answers garbage with an error frame and keeps the connection', async () => {
    const client = new WsClient(`${base}/ws/chat?channelUserId=ws-rider-2`);
    await client.waitFor((f) => f.event === 'ready');
    client.send('not json at all');
    expect(await client.waitFor((f) => f.event === 'error')).toMatchObject({ statusCode: 400 });
    client.send({ type: 'message', text: 42 });
    expect(await client.waitFor((f) => f.event === 'error')).toMatchObject({ statusCode: 400 });
    client.socket.send(Buffer.from([0, 1, 2, 3]), { binary: true });
    expect(await client.waitFor((f) => f.event === 'error')).toMatchObject({ statusCode: 400 });
    client.send({ type: 'message', text: '   ' });
    expect(await client.waitFor((f) => f.event === 'error')).toMatchObject({ statusCode: 400 });
    client.send({ type: 'message', text: '菜单' });
    expect(await client.waitFor((f) => f.event === 'replies')).toBeTruthy();
    client.close();
  });

  it('closes a socket that floods, and the server keeps serving others', async () => {
    const flood = new WsClient(`${base}/ws/chat?channelUserId=ws-flood`);
    await flood.waitFor((f) => f.event === 'ready');
    for (let i = 0; i < 40; i++) flood.send({ type: 'message', text: '你好' });
    const closed = await flood.closed;
    expect(closed.code).toBe(1008);
    expect(flood.frames.some((f) => f.event === 'error' && f.statusCode === 429)).toBe(true);

    const other = new WsClient(`${base}/ws/chat?channelUserId=ws-after-flood`);
    await other.waitFor((f) => f.event === 'ready');
    other.send({ type: 'message', text: '你好' });
    expect(await other.waitFor((f) => f.event === 'replies')).toBeTruthy();
    other.close();
  });

  it('saves a turn whose client disconnected mid-turn', async () => {
    const client = new WsClient(`${base}/ws/chat?channelUserId=ws-drop`);
    await client.waitFor((f) => f.event === 'ready');
    client.send({ type: 'message', text: '你好' });
    client.socket.terminate();
    await client.closed;
    // The turn completes server-side; poll briefly for the stored reply.
    let count = 0;
    for (let i = 0; i < 50 && count < 2; i++) {
      count = await t.app.prisma.message.count({
        where: { conversation: { channel: 'web', externalUserId: 'ws-drop' } },
      });
      if (count < 2) await new Promise((r) => setTimeout(r, 20));
    }
    expect(count).toBe(2);
    const health = await t.app.inject('/healthz');
    expect(health.statusCode).toBe(200);
  });

  it('a second socket for the same user joins the same conversation', async () => {
    const a = new WsClient(`${base}/ws/chat?channelUserId=ws-twice`);
    const ra = await a.waitFor((f) => f.event === 'ready');
    // The first socket's ready frame carries the conversation's secret; the second shows it.
    const b = new WsClient(`${base}/ws/chat?channelUserId=ws-twice&clientSecret=${ra.clientSecret}`);
    const rb = await b.waitFor((f) => f.event === 'ready');
    expect(ra.conversationId).toBe(rb.conversationId);
    a.close();
    b.close();
  });
});
