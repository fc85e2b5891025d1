import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { WsClient, wsBase } from '../helpers/ws-client.js';

// Finding 8 of issue 16: a conversationId (or the browser's channelUserId) worked as a bearer
// credential: posting someone else's continued their intake and showed their name. A web
// conversation now belongs to whoever holds the secret issued with its first reply.
describe('a web conversation is bound to its client secret', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = wsBase(t.app.server);
  });
  afterAll(async () => t.close());

  const post = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/chat/messages', payload });
  const messages = (conversationId: string) => t.app.prisma.message.count({ where: { conversationId } });

  it('issues a secret with the first reply and requires it after', async () => {
    const first = await post({ channelUserId: 'bound-rider', text: '我要反映欠薪' });
    expect(first.statusCode).toBe(200);
    const { conversationId, clientSecret } = first.json();
    expect(clientSecret).toMatch(/^[\w-]{40,}$/);
    const before = await messages(conversationId);

    for (const payload of [
      { conversationId, text: '我叫张三' },
      { conversationId, text: '我叫张三', clientSecret: 'guessed-secret' },
      { channelUserId: 'bound-rider', text: '我叫张三' },
    ]) {
      const stolen = await post(payload);
      expect(stolen.statusCode).toBe(401);
      expect(stolen.json().message).toMatch(/clientSecret/);
    }
    expect(await messages(conversationId)).toBe(before);

    const owner = await post({ conversationId, text: '我叫张三', clientSecret });
    expect(owner.statusCode).toBe(200);
    expect(owner.json().conversationId).toBe(conversationId);
    expect(owner.json()).not.toHaveProperty('clientSecret');
  });

  it('shows the history only with the secret', async () => {
    const first = (await post({ channelUserId: 'history-owner', text: '你好' })).json();
    const url = '/api/chat/history?channelUserId=history-owner';
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    expect((await t.app.inject({ url, headers: { 'x-client-secret': 'nope' } })).statusCode).toBe(401);
    const own = await t.app.inject({ url, headers: { 'x-client-secret': first.clientSecret } });
    expect(own.statusCode).toBe(200);
    expect(own.json().messages).toHaveLength(2);
  });

  it('closes a socket that names someone else’s conversation without its secret', async () => {
    const first = (await post({ channelUserId: 'socket-owner', text: '你好' })).json();
    const thief = new WsClient(`${base}/ws/chat?channelUserId=socket-owner`);
    expect(await thief.waitFor((f) => f.event === 'error')).toMatchObject({ statusCode: 401 });
    expect((await thief.closed).code).toBe(4401);
    expect(thief.frames.find((f) => f.event === 'ready')).toBeUndefined();

    const owner = new WsClient(
      `${base}/ws/chat?channelUserId=socket-owner&clientSecret=${first.clientSecret}`,
    );
    const ready = await owner.waitFor((f) => f.event === 'ready');
    expect(ready.conversationId).toBe(first.conversationId);
    expect(ready).not.toHaveProperty('clientSecret');
    owner.close();
  });

  it('gives a new socket user its secret with the first reply (no conversation before it)', async () => {
    const client = new WsClient(`${base}/ws/chat?channelUserId=socket-newcomer`);
    const ready = await client.waitFor((f) => f.event === 'ready');
    expect(ready).not.toHaveProperty('clientSecret');
    client.send({ type: 'message', text: '你好' });
    const first = await client.waitFor((f) => f.event === 'replies');
    expect(first.clientSecret).toMatch(/^[\w-]{40,}$/);
    client.send({ type: 'message', text: '菜单' });
    expect(await client.waitFor((f) => f.event === 'replies')).not.toHaveProperty('clientSecret');
    client.close();
    const http = await post({
      channelUserId: 'socket-newcomer',
      text: '你好',
      clientSecret: first.clientSecret,
    });
    expect(http.statusCode).toBe(200);
  });

  it('binds a conversation from before secrets to its next caller, then requires the secret', async () => {
    const legacy = await t.app.conversations.findOrCreate('web', 'legacy-rider');
    const claimed = await post({ conversationId: legacy.id, text: '你好' });
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json().clientSecret).toEqual(expect.any(String));
    expect((await post({ conversationId: legacy.id, text: '你好' })).statusCode).toBe(401);
  });

  // A mini-program conversation is bound to its openid (the session token); a WeChat one to its
  // account: neither can be reached by id through the web API.
  it.each(['miniprogram', 'official-account', 'wechat'] as const)(
    'never opens a %s conversation over the web API',
    async (channel) => {
      const other = await t.app.chat.handle({ channel, externalUserId: `bound-${channel}`, text: '你好' });
      const response = await post({ conversationId: other.conversationId, text: '我叫张三' });
      expect(response.statusCode).toBe(404);
      expect(await messages(other.conversationId)).toBe(2);
    },
  );
});
