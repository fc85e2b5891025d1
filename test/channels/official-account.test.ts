import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { inboundPayloads } from './helpers/inbound-payloads.js';
import { decrypt, plainPost, securePost, sha1Sorted, tag, xml } from './helpers/wechat-fixtures.js';

const OA = {
  WECHAT_OA_TOKEN: 'oatoken123',
  WECHAT_OA_APPID: 'wxoa0000000000test',
  WECHAT_OA_SECRET: 'oa-secret-for-tests',
  WECHAT_OA_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};
const PATH = '/api/wechat/official-account';
const ACCOUNT = 'gh_0123456789ab';
let msgId = 1000;

function textMessage(openid: string, content: string, id = ++msgId) {
  return xml({
    ToUserName: ACCOUNT,
    FromUserName: openid,
    CreateTime: 1764400000,
    MsgType: 'text',
    Content: content,
    MsgId: id,
  });
}

function mockAccessToken() {
  return nock('https://api.weixin.qq.com')
    .get('/cgi-bin/token')
    .query({ grant_type: 'client_credential', appid: OA.WECHAT_OA_APPID, secret: OA.WECHAT_OA_SECRET })
    .reply(200, { access_token: 'ACCESS-TOKEN-1', expires_in: 7200 });
}

describe('official account callback', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp({ ...OA, WECHAT_PASSIVE_REPLY_MS: '300' });
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  const post = (request: { url: string; payload: string; headers: Record<string, string> }) =>
    t.app.inject({ method: 'POST', ...request });

  it('answers the URL check only with the right signature', async () => {
    // A current timestamp: the URL check, like every callback, is taken only within 5 minutes.
    const now = String(Math.floor(Date.now() / 1000));
    const signature = sha1Sorted(OA.WECHAT_OA_TOKEN, now, 'abc');
    const good = await t.app.inject({
      method: 'GET',
      url: `${PATH}?signature=${signature}&timestamp=${now}&nonce=abc&echostr=7391056`,
    });
    expect(good.statusCode).toBe(200);
    expect(good.body).toBe('7391056');
    const bad = await t.app.inject({
      method: 'GET',
      url: `${PATH}?signature=${'0'.repeat(40)}&timestamp=${now}&nonce=abc&echostr=1`,
    });
    expect(bad.statusCode).toBe(401);
  });

  it('answers a plaintext message passively with the menu', async () => {
    const response = await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, textMessage('o-oa-1', '你好')));
    expect(response.statusCode).toBe(200);
    expect(tag(response.body, 'ToUserName')).toBe('o-oa-1');
    expect(tag(response.body, 'FromUserName')).toBe(ACCOUNT);
    expect(tag(response.body, 'MsgType')).toBe('text');
    const content = tag(response.body, 'Content') ?? '';
    expect(content).toContain('工友');
    // Quick replies become phrases the worker can type back.
    expect(content).toContain('「附近的工会驿站」');
  });

  it('rejects a forged signature and a body that is not XML', async () => {
    const forged = plainPost(PATH, 'wrong-token', textMessage('o-oa-2', '你好'));
    expect((await post(forged)).statusCode).toBe(401);
    const garbage = plainPost(PATH, OA.WECHAT_OA_TOKEN, '{"not":"xml"}');
    const response = await post(garbage);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('decrypts secure mode and encrypts the passive reply', async () => {
    const keys = {
      token: OA.WECHAT_OA_TOKEN,
      aesKey: OA.WECHAT_OA_ENCODING_AES_KEY,
      receiverId: OA.WECHAT_OA_APPID,
    };
    const response = await post(securePost(PATH, keys, textMessage('o-oa-3', 'hello')));
    expect(response.statusCode).toBe(200);
    const encrypted = tag(response.body, 'Encrypt') ?? '';
    const signature = sha1Sorted(
      keys.token,
      tag(response.body, 'TimeStamp') ?? '',
      tag(response.body, 'Nonce') ?? '',
      encrypted,
    );
    expect(tag(response.body, 'MsgSignature')).toBe(signature);
    const { message, receiverId } = decrypt(keys.aesKey, encrypted);
    expect(receiverId).toBe(OA.WECHAT_OA_APPID);
    expect(tag(message, 'ToUserName')).toBe('o-oa-3');
    expect(tag(message, 'Content')).toMatch(/Gongyou/);
  });

  it('refuses an encrypted body whose msg_signature does not match', async () => {
    const keys = {
      token: 'other-token',
      aesKey: OA.WECHAT_OA_ENCODING_AES_KEY,
      receiverId: OA.WECHAT_OA_APPID,
    };
    expect((await post(securePost(PATH, keys, textMessage('o-oa-4', '你好')))).statusCode).toBe(401);
  });

  it("runs one turn for WeChat's three retries of the same MsgId and answers each the same", async () => {
    const body = textMessage('o-oa-5', '菜单', 777001);
    const answers = await Promise.all([1, 2, 3].map(() => post(plainPost(PATH, OA.WECHAT_OA_TOKEN, body))));
    const contents = answers.map((a) => tag(a.body, 'Content'));
    expect(new Set(contents).size).toBe(1);
    expect(contents[0]).toContain('工会驿站');
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'o-oa-5' },
    });
    expect(
      await t.app.prisma.message.count({ where: { conversationId: conversation.id, direction: 'in' } }),
    ).toBe(1);
  });

  it('passes a location message on as a GCJ-02 point with its label', async () => {
    const body = xml({
      ToUserName: ACCOUNT,
      FromUserName: 'o-oa-6',
      CreateTime: 1764400000,
      MsgType: 'location',
      Location_X: '23.134521',
      Location_Y: '113.358803',
      Scale: 20,
      Label: '广州市天河区天河路',
      MsgId: ++msgId,
    });
    const response = await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, body));
    expect(response.statusCode).toBe(200);
    expect(tag(response.body, 'Content')).toBeTruthy();
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'o-oa-6' },
    });
    const [stored] = await inboundPayloads(t.app, conversation.id);
    expect(stored?.location).toEqual({
      lat: 23.134521,
      lng: 113.358803,
      coord: 'gcj02',
      label: '广州市天河区天河路',
    });
  });

  it('downloads a picture while WeChat still has it (temporary media lasts 3 days)', async () => {
    mockAccessToken();
    const photo = Buffer.from('jpeg bytes of a pay slip');
    nock('https://api.weixin.qq.com')
      .get('/cgi-bin/media/get')
      .query({ access_token: 'ACCESS-TOKEN-1', media_id: 'MEDIA-1' })
      .reply(200, photo, { 'content-type': 'image/jpeg' });
    nock('https://api.weixin.qq.com')
      .get('/cgi-bin/media/get')
      .query((q) => q.media_id === 'MEDIA-GONE')
      .reply(200, { errcode: 40007, errmsg: 'invalid media_id' });
    const image = (id: string) =>
      xml({
        ToUserName: ACCOUNT,
        FromUserName: 'o-oa-11',
        CreateTime: 1764400000,
        MsgType: 'image',
        PicUrl: 'https://mmbiz.qpic.cn/x',
        MediaId: id,
        MsgId: ++msgId,
      });
    expect((await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, image('MEDIA-1')))).statusCode).toBe(200);
    expect((await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, image('MEDIA-GONE')))).statusCode).toBe(200);
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'o-oa-11' },
    });
    const inbound = await inboundPayloads(t.app, conversation.id);
    expect(inbound[0]?.image).toEqual({
      url: 'https://mmbiz.qpic.cn/x',
      mediaId: 'MEDIA-1',
      mimeType: 'image/jpeg',
      dataBase64: photo.toString('base64'),
    });
    // Expired media: the message still goes through, by reference.
    expect(inbound[1]?.image).toEqual({
      url: 'https://mmbiz.qpic.cn/x',
      mediaId: 'MEDIA-GONE',
    });
  });

  it('greets a new follower and explains what it cannot read', async () => {
    const subscribe = xml({
      ToUserName: ACCOUNT,
      FromUserName: 'o-oa-7',
      CreateTime: 1764400001,
      MsgType: 'event',
      Event: 'subscribe',
    });
    expect(tag((await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, subscribe))).body, 'Content')).toContain(
      '工友',
    );
    // Following is not saying anything: no turn is recorded.
    expect(await t.app.prisma.conversation.count({ where: { externalUserId: 'o-oa-7' } })).toBe(0);
    const video = xml({
      ToUserName: ACCOUNT,
      FromUserName: 'o-oa-7',
      CreateTime: 1764400002,
      MsgType: 'video',
      MediaId: 'm1',
      MsgId: ++msgId,
    });
    expect(tag((await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, video))).body, 'Content')).toContain(
      '文字、位置和图片',
    );
    const unsubscribe = xml({
      ToUserName: ACCOUNT,
      FromUserName: 'o-oa-7',
      CreateTime: 1764400003,
      MsgType: 'event',
      Event: 'unsubscribe',
    });
    expect((await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, unsubscribe))).body).toBe('success');
  });

  it('apologises instead of failing when the turn breaks', async () => {
    const handle = t.app.chat.handle;
    t.app.chat.handle = async () => {
      throw new Error('database is locked');
    };
    try {
      const response = await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, textMessage('o-oa-10', '你好')));
      expect(response.statusCode).toBe(200);
      expect(tag(response.body, 'Content')).toContain('12351');
    } finally {
      t.app.chat.handle = handle;
    }
  });

  it('sends an answer that misses the 5 s window through the customer-service API, stored once', async () => {
    const handle = t.app.chat.handle;
    // A slow turn (as with a slow LLM): the callback must not keep WeChat waiting.
    t.app.chat.handle = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return handle(...args);
    };
    mockAccessToken();
    let sent: { touser: string; text: { content: string } } | undefined;
    const send = nock('https://api.weixin.qq.com')
      .post('/cgi-bin/message/custom/send', (body) => {
        sent = body;
        return true;
      })
      .query({ access_token: 'ACCESS-TOKEN-1' })
      .reply(200, { errcode: 0, errmsg: 'ok' });
    try {
      const body = textMessage('o-oa-8', '你好', 888001);
      const first = await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, body));
      expect(tag(first.body, 'Content')).toContain('稍后回复');
      // WeChat's retry of the same message does not start a second turn or a second send.
      expect((await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, body))).body).toBe('success');
      await t.app.officialAccount?.idle();
    } finally {
      t.app.chat.handle = handle;
    }
    expect(send.isDone()).toBe(true);
    expect(sent?.touser).toBe('o-oa-8');
    expect(sent?.text.content).toContain('工友');
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'o-oa-8' },
    });
    expect(
      await t.app.prisma.message.count({ where: { conversationId: conversation.id, direction: 'out' } }),
    ).toBe(1);
    expect(await t.app.delivery.pending(conversation.id)).toHaveLength(0);
  });

  it('keeps a staff reply in the outbox while the 48 h window is closed and sends it when the user writes', async () => {
    await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, textMessage('o-oa-9', '你好')));
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'o-oa-9' },
    });
    // (The access token may already be cached from an earlier test.) The user is out of the window:
    mockAccessToken();
    nock('https://api.weixin.qq.com')
      .post('/cgi-bin/message/custom/send')
      .query(true)
      .reply(200, { errcode: 45015, errmsg: 'response out of time limit' });
    const queued = await t.app.delivery.send(
      conversation.id,
      [{ type: 'staff', text: '工会老师：材料已收到。' }],
      { author: 'staff' },
    );
    expect(queued.delivered).toBe(false);
    expect(await t.app.delivery.pending(conversation.id)).toHaveLength(1);

    let content = '';
    nock('https://api.weixin.qq.com')
      .post('/cgi-bin/message/custom/send', (body) => {
        content = body.text.content;
        return body.touser === 'o-oa-9';
      })
      .query(true)
      .reply(200, { errcode: 0 });
    await post(plainPost(PATH, OA.WECHAT_OA_TOKEN, textMessage('o-oa-9', '在吗')));
    await t.app.officialAccount?.idle();
    expect(content).toContain('材料已收到');
    expect(await t.app.delivery.pending(conversation.id)).toHaveLength(0);
  });
});

describe('official account callback under the per-IP rate limit', () => {
  it("is not limited: every user's messages come from the same few WeChat servers", async () => {
    const t = await createTestApp({ ...OA, RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        const response = await t.app.inject({
          method: 'POST',
          ...plainPost(PATH, OA.WECHAT_OA_TOKEN, textMessage(`o-rl-${i}`, '你好')),
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      // Ordinary routes still are.
      const limited = [];
      for (let i = 0; i < 5; i++)
        limited.push((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode);
      expect(limited).toContain(429);
    } finally {
      await t.close();
    }
  });
});
