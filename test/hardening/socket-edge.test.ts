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
    const client = new WsClient(`${base}/ws/chat`);
    const ready = await client.waitFor((f) => f.event === 'ready');
    client.send('{"type":"message","text":"工资\\ud800"}');
    const error = await client.waitFor((f) => f.event === 'error');
    expect(error).toMatchObject({ statusCode: 400, message: expect.stringMatching(/Unicode/) });
    const stored = await t.app.prisma.message.count({
      where: { conversationId: String(ready.conversationId) },
    });
    expect(stored).toBe(0);
    client.send({ type: 'message', text: '你好' });
    expect(await client.waitFor((f) => f.event === 'replies')).toMatchObject({
      conversationId: ready.conversationId,
    });
    client.close();
  });
});
