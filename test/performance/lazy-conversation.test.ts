import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { WsClient, wsBase } from '../helpers/ws-client.js';

describe('conversation rows are created by the first message, not by connecting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t.close());

  it('leaves no row for sockets that connect and say nothing, and one for the first message', async () => {
    const base = wsBase(t.app.server);
    const silent = [1, 2, 3].map((i) => new WsClient(`${base}/ws/chat?channelUserId=silent-${i}`));
    for (const client of silent) await client.waitFor((f) => f.event === 'ready');
    expect(await t.app.prisma.conversation.count()).toBe(0);

    const speaker = new WsClient(`${base}/ws/chat?channelUserId=speaker`);
    expect(await speaker.waitFor((f) => f.event === 'ready')).toMatchObject({ conversationId: null });
    speaker.send({ type: 'message', text: '你好' });
    const replies = await speaker.waitFor((f) => f.event === 'replies');
    const rows = await t.app.prisma.conversation.findMany();
    expect(rows.map((row) => row.externalUserId)).toEqual(['speaker']);
    expect(rows[0]?.id).toBe(replies.conversationId);

    // Reconnecting finds it: the ready frame names it.
    speaker.close();
    const again = new WsClient(
      `${base}/ws/chat?channelUserId=speaker&clientSecret=${String(replies.clientSecret)}`,
    );
    expect(await again.waitFor((f) => f.event === 'ready')).toMatchObject({
      conversationId: replies.conversationId,
    });
    for (const client of [...silent, again]) client.close();
  });
});
