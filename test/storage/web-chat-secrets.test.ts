import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWebChatSecrets } from '../../src/channels/web/web-chat-secrets.js';
import { describeOnEachEngine } from '../helpers/engines.js';
import type { TestApp } from '../helpers/test-app.js';

describeOnEachEngine('a web conversation answers only its secret', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await engine.createApp();
  });
  afterAll(async () => t?.close());

  const send = (payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      payload: { text: '加班费怎么算', ...payload },
    });

  it('issues a secret with the first reply and asks for it on every later request', async () => {
    const first = await send({ channelUserId: 'secret-rider-1' });
    expect(first.statusCode).toBe(200);
    const { clientSecret, conversationId } = first.json() as { clientSecret: string; conversationId: string };
    expect(clientSecret).toMatch(/^[\w-]{40,}$/);

    expect((await send({ channelUserId: 'secret-rider-1' })).statusCode).toBe(401);
    expect(
      (await send({ channelUserId: 'secret-rider-1', clientSecret: `${clientSecret}x` })).statusCode,
    ).toBe(401);
    const later = await send({ conversationId, clientSecret });
    expect(later.statusCode).toBe(200);
    expect(later.json()).not.toHaveProperty('clientSecret');
    // Only a digest is stored.
    const row = await t.app.prisma.webChatSecret.findUniqueOrThrow({ where: { conversationId } });
    expect(row.secretHash).not.toContain(clientSecret);
  });

  it('gives a conversation one secret, whoever asks second', async () => {
    const { conversationId } = (await send({ channelUserId: 'secret-rider-2' })).json() as {
      conversationId: string;
    };
    const secrets = createWebChatSecrets(t.app.prisma);
    expect(await secrets.issue(conversationId)).toBeUndefined();
    expect(await t.app.prisma.webChatSecret.count({ where: { conversationId } })).toBe(1);
  });

  it('never opens a conversation of another channel by its id', async () => {
    const { conversationId } = (await send({ channelUserId: 'secret-rider-3' })).json() as {
      conversationId: string;
    };
    await t.app.prisma.conversation.update({ where: { id: conversationId }, data: { channel: 'wechat' } });
    const secrets = createWebChatSecrets(t.app.prisma);
    expect(await secrets.find({ conversationId })).toBeUndefined();
    expect((await send({ conversationId })).statusCode).toBe(404);
  });
});
