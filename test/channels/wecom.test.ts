import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { inboundPayloads } from './helpers/inbound-payloads.js';
import { encrypt, sha1Sorted, xml } from './helpers/wechat-fixtures.js';

// The token, CorpID and EncodingAESKey of WeCom's published callback example, so the URL check
// is tested against WeChat's own vector, not only against our fixtures.
const WECOM = {
  WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
  WECOM_TOKEN: 'QDG6eK',
  WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  WECOM_KF_SECRET: 'kf-secret-for-tests',
};
const PATH = '/api/wecom/callback';
const API = 'https://qyapi.weixin.qq.com';

function callback(openKfId: string, token = 'SYNC-TOKEN') {
  const inner = xml({
    ToUserName: WECOM.WECOM_CORP_ID,
    CreateTime: 1764400000,
    MsgType: 'event',
    Event: 'kf_msg_or_event',
    Token: token,
    OpenKfId: openKfId,
  });
  const encrypted = encrypt(WECOM.WECOM_ENCODING_AES_KEY, WECOM.WECOM_CORP_ID, inner);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = `n${Math.random()}`;
  return {
    url: `${PATH}?msg_signature=${sha1Sorted(WECOM.WECOM_TOKEN, timestamp, nonce, encrypted)}&timestamp=${timestamp}&nonce=${nonce}`,
    payload: xml({ ToUserName: WECOM.WECOM_CORP_ID, AgentID: '', Encrypt: encrypted }),
    headers: { 'content-type': 'text/xml' },
  };
}

const now = () => Math.floor(Date.now() / 1000);
type Sent = { touser: string; open_kfid: string; text: { content: string } };

describe('WeCom customer-service callback', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp(WECOM);
  });
  beforeEach(() => {
    nock(API)
      .get('/cgi-bin/gettoken')
      .query({ corpid: WECOM.WECOM_CORP_ID, corpsecret: WECOM.WECOM_KF_SECRET })
      .optionally()
      .reply(200, { errcode: 0, errmsg: 'ok', access_token: 'WECOM-TOKEN', expires_in: 7200 });
  });
  afterEach(() => {
    vi.useRealTimers();
    nock.cleanAll();
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  function captureSends(sent: Sent[], errcode = 0) {
    return nock(API)
      .post('/cgi-bin/kf/send_msg', (body) => {
        sent.push(body);
        return true;
      })
      .query({ access_token: 'WECOM-TOKEN' })
      .times(10)
      .reply(200, { errcode, errmsg: errcode ? 'send msg not allowed' : 'ok', msgid: 'out' });
  }

  it("answers WeCom's URL check with the decrypted echostr (WeCom's published example)", async () => {
    const echostr = encodeURIComponent(
      'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
    );
    // The example was signed in 2014: our clock is set to its time, as callbacks are taken only
    // within 5 minutes of their timestamp.
    vi.useFakeTimers({ now: 1409659589 * 1000, toFake: ['Date'] });
    const response = await t.app.inject({
      method: 'GET',
      url: `${PATH}?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=${echostr}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('1616140317555161061');
    const forged = await t.app.inject({
      method: 'GET',
      url: `${PATH}?msg_signature=${'1'.repeat(40)}&timestamp=1409659589&nonce=263014780&echostr=${echostr}`,
    });
    expect(forged.statusCode).toBe(401);
    vi.useRealTimers();
    const stale = await t.app.inject({
      method: 'GET',
      url: `${PATH}?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=${echostr}`,
    });
    expect(stale.statusCode).toBe(401);
  });

  it('refuses a plaintext body: WeCom callbacks are always encrypted', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${PATH}?msg_signature=x&timestamp=${now()}&nonce=2`,
      payload: xml({ MsgType: 'text', Content: 'hi' }),
      headers: { 'content-type': 'text/xml' },
    });
    expect(response.statusCode).toBe(400);
  });

  it('pulls new messages, answers the customer through send_msg and resumes from the stored cursor', async () => {
    const sent: Sent[] = [];
    captureSends(sent);
    const firstSync = nock(API)
      .post('/cgi-bin/kf/sync_msg', { open_kfid: 'wk-kf-1', token: 'SYNC-TOKEN', limit: 1000 })
      .query({ access_token: 'WECOM-TOKEN' })
      .reply(200, {
        errcode: 0,
        next_cursor: 'CURSOR-1',
        has_more: 0,
        msg_list: [
          {
            msgid: 'm1',
            open_kfid: 'wk-kf-1',
            external_userid: 'wm-rider-1',
            send_time: now(),
            origin: 3,
            msgtype: 'text',
            text: { content: '你好' },
          },
          // A human servicer's own message is not for the assistant.
          {
            msgid: 'm2',
            open_kfid: 'wk-kf-1',
            external_userid: 'wm-rider-1',
            send_time: now(),
            origin: 5,
            msgtype: 'text',
            text: { content: '您好' },
          },
        ],
      });
    const response = await t.app.inject({ method: 'POST', ...callback('wk-kf-1') });
    expect(response.body).toBe('success');
    await t.app.wecom?.idle();
    expect(firstSync.isDone()).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: 'wm-rider-1', open_kfid: 'wk-kf-1', msgtype: 'text' });
    expect(sent[0]?.text.content).toContain('工友');

    // The next notice continues from CURSOR-1; a message seen before is not answered twice.
    const secondSync = nock(API)
      .post('/cgi-bin/kf/sync_msg', (body) => body.cursor === 'CURSOR-1')
      .query(true)
      .reply(200, {
        errcode: 0,
        next_cursor: 'CURSOR-2',
        has_more: 0,
        msg_list: [
          {
            msgid: 'm1',
            open_kfid: 'wk-kf-1',
            external_userid: 'wm-rider-1',
            send_time: now(),
            origin: 3,
            msgtype: 'text',
            text: { content: '你好' },
          },
          {
            msgid: 'm3',
            open_kfid: 'wk-kf-1',
            external_userid: 'wm-rider-1',
            send_time: now(),
            origin: 3,
            msgtype: 'location',
            location: { latitude: 22.543, longitude: 114.057, name: '深圳市福田区' },
          },
        ],
      });
    await t.app.inject({ method: 'POST', ...callback('wk-kf-1') });
    await t.app.wecom?.idle();
    expect(secondSync.isDone()).toBe(true);
    expect(sent).toHaveLength(2);
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { channel: 'wecom', externalUserId: 'wk-kf-1/wm-rider-1' },
    });
    const inbound = await inboundPayloads(t.app, conversation.id);
    expect(inbound).toHaveLength(2);
    expect(inbound[1]?.location).toEqual({
      lat: 22.543,
      lng: 114.057,
      coord: 'gcj02',
      label: '深圳市福田区',
    });
    expect(
      (await t.app.prisma.wecomKfCursor.findUniqueOrThrow({ where: { openKfId: 'wk-kf-1' } })).cursor,
    ).toBe('CURSOR-2');
  });

  it("downloads a customer's picture before it expires and passes it on with its bytes", async () => {
    const sent: Sent[] = [];
    captureSends(sent);
    const photo = Buffer.from('png bytes of a chat screenshot');
    nock(API)
      .get('/cgi-bin/media/get')
      .query({ access_token: 'WECOM-TOKEN', media_id: 'wm-media-1' })
      .reply(200, photo, { 'content-type': 'image/png' });
    nock(API)
      .post('/cgi-bin/kf/sync_msg', (body) => body.open_kfid === 'wk-kf-4')
      .query(true)
      .reply(200, {
        errcode: 0,
        next_cursor: 'C4',
        has_more: 0,
        msg_list: [
          {
            msgid: 'i4',
            open_kfid: 'wk-kf-4',
            external_userid: 'wm-rider-4',
            send_time: now(),
            origin: 3,
            msgtype: 'image',
            image: { media_id: 'wm-media-1' },
          },
        ],
      });
    await t.app.inject({ method: 'POST', ...callback('wk-kf-4') });
    await t.app.wecom?.idle();
    expect(sent).toHaveLength(1);
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'wk-kf-4/wm-rider-4' },
    });
    const [inbound] = await inboundPayloads(t.app, conversation.id);
    expect(inbound?.image).toEqual({
      mediaId: 'wm-media-1',
      mimeType: 'image/png',
      dataBase64: photo.toString('base64'),
    });
  });

  it('welcomes someone who opens the chat with the one message WeCom allows for it', async () => {
    let welcome: { code: string; text: { content: string } } | undefined;
    nock(API)
      .post('/cgi-bin/kf/send_msg_on_event', (body) => {
        welcome = body;
        return true;
      })
      .query({ access_token: 'WECOM-TOKEN' })
      .reply(200, { errcode: 0 });
    nock(API)
      .post('/cgi-bin/kf/sync_msg', (body) => body.open_kfid === 'wk-kf-5')
      .query(true)
      .reply(200, {
        errcode: 0,
        next_cursor: 'C5',
        has_more: 0,
        msg_list: [
          {
            msgid: 'e5',
            open_kfid: 'wk-kf-5',
            send_time: now(),
            origin: 4,
            msgtype: 'event',
            event: {
              event_type: 'enter_session',
              open_kfid: 'wk-kf-5',
              external_userid: 'wm-rider-5',
              welcome_code: 'WELCOME-5',
            },
          },
        ],
      });
    await t.app.inject({ method: 'POST', ...callback('wk-kf-5') });
    await t.app.wecom?.idle();
    expect(welcome?.code).toBe('WELCOME-5');
    expect(welcome?.text.content).toContain('工友');
    expect(await t.app.prisma.conversation.count({ where: { externalUserId: 'wk-kf-5/wm-rider-5' } })).toBe(
      0,
    );
  });

  it('does not answer the days-old backlog the first time an account is pulled', async () => {
    const sent: Sent[] = [];
    captureSends(sent);
    nock(API)
      .post('/cgi-bin/kf/sync_msg', (body) => body.open_kfid === 'wk-kf-2')
      .query(true)
      .reply(200, {
        errcode: 0,
        next_cursor: 'C-OLD',
        has_more: 0,
        msg_list: [
          {
            msgid: 'old-1',
            open_kfid: 'wk-kf-2',
            external_userid: 'wm-rider-2',
            send_time: now() - 2 * 86400,
            origin: 3,
            msgtype: 'text',
            text: { content: '你好' },
          },
        ],
      });
    await t.app.inject({ method: 'POST', ...callback('wk-kf-2') });
    await t.app.wecom?.idle();
    expect(sent).toHaveLength(0);
    expect(
      (await t.app.prisma.wecomKfCursor.findUniqueOrThrow({ where: { openKfId: 'wk-kf-2' } })).cursor,
    ).toBe('C-OLD');
  });

  it('keeps the answer in the outbox when WeCom will not deliver it now', async () => {
    const refused: Sent[] = [];
    captureSends(refused, 95018);
    nock(API)
      .post('/cgi-bin/kf/sync_msg', (body) => body.open_kfid === 'wk-kf-3')
      .query(true)
      .reply(200, {
        errcode: 0,
        next_cursor: 'C3',
        has_more: 0,
        msg_list: [
          {
            msgid: 'k3',
            open_kfid: 'wk-kf-3',
            external_userid: 'wm-rider-3',
            send_time: now(),
            origin: 3,
            msgtype: 'text',
            text: { content: '菜单' },
          },
        ],
      });
    await t.app.inject({ method: 'POST', ...callback('wk-kf-3') });
    await t.app.wecom?.idle();
    expect(refused).toHaveLength(1);
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'wk-kf-3/wm-rider-3' },
    });
    expect(await t.app.delivery.pending(conversation.id)).toHaveLength(1);
  });
});
