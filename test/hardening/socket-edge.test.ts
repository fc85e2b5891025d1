import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { WsClient, wsBase } from '../helpers/ws-client.js';

// Issue 16: what the HTTP edge refuses, the chat socket refuses too.
describe('chat socket edge', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = wsBase(t.app.server);
  });
  afterAll(async () => t.close());

  it('answers a frame with a lone surrogate with a 400 error frame, stores nothing and keeps the socket', async () => {
    const client = new WsClient(`${base}/ws/chat?channelUserId=surrogate-rider`);
    await client.waitFor((f) => f.event === 'ready');
    client.send('{"type":"message","text":"工资\\ud800"}');
    const error = await client.waitFor((f) => f.event === 'error');
    expect(error).toMatchObject({ statusCode: 400, message: expect.stringMatching(/Unicode/) });
    const mine = { channel: 'web', externalUserId: 'surrogate-rider' };
    expect(await t.app.prisma.conversation.count({ where: mine })).toBe(0);
    client.send({ type: 'message', text: '你好' });
    const replies = await client.waitFor((f) => f.event === 'replies');
    const stored = await t.app.prisma.message.count({
      where: { conversationId: String(replies.conversationId) },
    });
    expect(stored).toBe(2);
    client.close();
  });
});

// Finding 10 of issue 16: there was no cap on sockets per address, and each anonymous connect
// creates a conversation row.
describe('chat sockets per client address', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ WS_MAX_PER_IP: '3' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = wsBase(t.app.server);
  });
  afterAll(async () => t.close());

  /** The HTTP status a refused upgrade was answered with. */
  const refusal = (client: WsClient) =>
    new Promise<number>((resolve) => {
      client.socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      client.socket.on('error', () => undefined);
    });

  it('refuses a fourth socket from one address with 429 until one closes', async () => {
    const open = [1, 2, 3].map(() => new WsClient(`${base}/ws/chat`));
    await Promise.all(open.map((client) => client.waitFor((f) => f.event === 'ready')));
    const conversations = await t.app.prisma.conversation.count();

    const extra = new WsClient(`${base}/ws/chat`);
    expect(await refusal(extra)).toBe(429);
    expect(await t.app.prisma.conversation.count()).toBe(conversations);

    open[0]?.close();
    await open[0]?.closed;
    // The server counts the socket as closed once it sees the close; retry until it has.
    let admitted: WsClient | undefined;
    for (let attempt = 0; attempt < 50 && !admitted; attempt++) {
      const next = new WsClient(`${base}/ws/chat`);
      const outcome = await Promise.race([
        next
          .waitFor((f) => f.event === 'ready')
          .then(() => 'ready' as const)
          .catch(() => 'refused' as const),
        refusal(next).then(() => 'refused' as const),
      ]);
      if (outcome === 'ready') admitted = next;
    }
    expect(admitted).toBeDefined();
    for (const client of [...open.slice(1), admitted]) client?.close();
  });
});
