import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { inboundPayloads } from './helpers/inbound-payloads.js';

const MP = { WECHAT_MP_APPID: 'wxmp-test-appid', WECHAT_MP_SECRET: 'mp-secret-for-tests' };

function mockSession(code: string, answer: Record<string, unknown>) {
  return nock('https://api.weixin.qq.com')
    .get('/sns/jscode2session')
    .query({
      appid: MP.WECHAT_MP_APPID,
      secret: MP.WECHAT_MP_SECRET,
      js_code: code,
      grant_type: 'authorization_code',
    })
    .reply(200, answer);
}

describe('mini-program API', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    t = await createTestApp(MP);
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  async function login(openid: string): Promise<string> {
    mockSession(`code-${openid}`, { openid, session_key: 'SECRET-SESSION-KEY' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mp/login',
      payload: { code: `code-${openid}` },
    });
    expect(response.statusCode).toBe(200);
    return response.json().token;
  }

  const chatAs = (token: string, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/mp/chat',
      headers: { authorization: `Bearer ${token}` },
      payload,
    });

  it('logs in with a wx.login code and never returns the session_key', async () => {
    mockSession('good-code', { openid: 'o-rider-1', session_key: 'SECRET-SESSION-KEY', unionid: 'u1' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mp/login',
      payload: { code: 'good-code' },
    });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json()).sort()).toEqual(['expiresAt', 'token']);
    expect(response.body).not.toContain('SECRET-SESSION-KEY');
    expect(t.logs.join('\n')).not.toContain('SECRET-SESSION-KEY');
    expect(Date.parse(response.json().expiresAt)).toBeGreaterThan(Date.now());
  });

  it.each([
    [40029, 400, /invalid or already used/],
    [45011, 429, /Too many logins/],
    [40226, 403, /high-risk/],
    [-1, 503, /unavailable/],
  ])('turns WeChat error %i into HTTP %i', async (errcode, status, message) => {
    mockSession('bad-code', { errcode, errmsg: 'from wechat' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mp/login',
      payload: { code: 'bad-code' },
    });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ statusCode: status, message: expect.stringMatching(message) });
  });

  it('answers 503 when WeChat cannot be reached', async () => {
    nock('https://api.weixin.qq.com').get('/sns/jscode2session').query(true).replyWithError('ECONNRESET');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mp/login',
      payload: { code: 'any-code' },
    });
    expect(response.statusCode).toBe(503);
  });

  it('rejects a missing code with 400 before calling WeChat', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/mp/login', payload: {} });
    expect(response.statusCode).toBe(400);
  });

  it('chats with the token: greeting, menu and language switch in one conversation', async () => {
    const token = await login('o-rider-2');
    const first = await chatAs(token, { text: '你好' });
    expect(first.statusCode).toBe(200);
    expect(first.json().replies[0].text).toContain('工会驿站');
    const second = await chatAs(token, { text: 'English please' });
    expect(second.json().conversationId).toBe(first.json().conversationId);
    expect(second.json().locale).toBe('en');
  });

  it('refuses chat without a valid token', async () => {
    const token = await login('o-rider-3');
    const missing = await t.app.inject({ method: 'POST', url: '/api/mp/chat', payload: { text: 'hi' } });
    expect(missing.statusCode).toBe(401);
    const tampered = await chatAs(`${token.slice(0, -2)}xx`, { text: 'hi' });
    expect(tampered.statusCode).toBe(401);
    const empty = await chatAs(token, {});
    expect(empty.statusCode).toBe(400);
  });

  it('stores a location without a coord as GCJ-02, as wx.getLocation gives it', async () => {
    const token = await login('o-rider-4');
    const response = await chatAs(token, { location: { lat: 31.2304, lng: 121.4737 } });
    expect(response.statusCode).toBe(200);
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'o-rider-4' },
    });
    const [stored] = await inboundPayloads(t.app, conversation.id);
    expect(stored?.location).toEqual({
      lat: 31.2304,
      lng: 121.4737,
      coord: 'gcj02',
    });
  });

  it('takes a photo sent with wx.uploadFile as a chat message with its bytes', async () => {
    const token = await login('o-rider-6');
    const upload = (
      bytes: Buffer,
      type: string,
      headers: Record<string, string> = { authorization: `Bearer ${token}` },
    ) => {
      const boundary = '----wxupload';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slip.png"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/api/mp/chat/image',
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const photo = Buffer.from('png bytes of a pay slip');
    const response = await upload(photo, 'image/png');
    expect(response.statusCode).toBe(200);
    expect(response.json().replies.length).toBeGreaterThan(0);
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'o-rider-6' },
    });
    const [stored] = await inboundPayloads(t.app, conversation.id);
    expect(stored?.image).toEqual({
      mimeType: 'image/png',
      dataBase64: photo.toString('base64'),
    });

    expect((await upload(Buffer.from('hello'), 'text/plain')).statusCode).toBe(415);
    expect((await upload(photo, 'image/png', {})).statusCode).toBe(401);
    expect((await upload(Buffer.alloc(6 * 1024 * 1024), 'image/png')).statusCode).toBe(413);
  });

  it('chats over the WebSocket and gets queued staff replies when it reconnects', async () => {
    const token = await login('o-rider-5');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const url = `ws://127.0.0.1:${port}/ws/mp/chat`;

    const frames: Record<string, unknown>[] = [];
    const waitFor = async (event: string) => {
      for (let i = 0; i < 200 && !frames.some((f) => f.event === event); i++)
        await new Promise((r) => setTimeout(r, 10));
      const frame = frames.find((f) => f.event === event);
      frames.splice(frames.indexOf(frame as Record<string, unknown>), 1);
      // biome-ignore lint/suspicious/noExplicitAny: frames are loose JSON; assertions pick fields
      return frame as Record<string, any>;
    };
    const open = (headers: Record<string, string>) => {
      const socket = new WebSocket(url, { headers });
      socket.on('message', (raw) => frames.push(JSON.parse(raw.toString())));
      return socket;
    };

    const refused = open({});
    const refusedClosed = once(refused, 'close');
    expect((await waitFor('error')).statusCode).toBe(401);
    await refusedClosed;

    const socket = open({ authorization: `Bearer ${token}` });
    await waitFor('ready');
    socket.send(JSON.stringify({ type: 'message', text: '你好' }));
    // The first message created the conversation; its reply names it.
    const ready = await waitFor('replies');
    expect(ready.replies[0].text).toContain('工友');
    const closed = once(socket, 'close');
    socket.close();
    await closed;
    for (let i = 0; i < 200 && t.app.websocketServer.clients.size > 0; i++)
      await new Promise((r) => setTimeout(r, 10));

    // A staff reply while the mini-program is closed waits in the outbox …
    const { delivered } = await t.app.delivery.send(
      ready.conversationId,
      [{ type: 'staff', text: '工会老师：我们已联系你的站点。' }],
      {
        author: 'staff',
      },
    );
    expect(delivered).toBe(false);
    // … and arrives when the user opens it again.
    const again = open({ authorization: `Bearer ${token}` });
    expect((await waitFor('push')).replies[0].text).toContain('已联系你的站点');
    expect(await t.app.delivery.pending(ready.conversationId)).toHaveLength(0);
    // A script flooding the socket is told to slow down.
    for (let i = 0; i < 12; i++) again.send(JSON.stringify({ type: 'message', text: '菜单' }));
    expect((await waitFor('error')).statusCode).toBe(429);
    again.close();
  });
});
