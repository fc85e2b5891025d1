import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findArticleRefs } from '../../src/knowledge/article-lookup.js';
import { MESSAGE_TEXT_MAX_CHARS } from '../../src/messages/messages.js';
import { encrypt, sha1Sorted, tag, xml } from '../channels/helpers/wechat-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// Finding 3 of issue 16: a signed official-account URL from 2001 was accepted, so one captured
// URL let anyone post any body again and again; and a long Latin token in a text cost time
// growing with the square of its length.
const OA = { WECHAT_OA_TOKEN: 'oa-fresh-token', WECHAT_OA_APPID: 'wxoa-fresh' };
const WECOM = {
  WECOM_CORP_ID: 'wwfreshcorp',
  WECOM_TOKEN: 'wecom-fresh-token',
  WECOM_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  WECOM_KF_SECRET: 'kf-fresh-secret',
};
const OA_PATH = '/api/wechat/official-account';
const WECOM_PATH = '/api/wecom/callback';
const nowSeconds = () => Math.floor(Date.now() / 1000);
let msgId = 5_000;

function text(openid: string, content: string) {
  return xml({
    ToUserName: 'gh_fresh',
    FromUserName: openid,
    CreateTime: nowSeconds(),
    MsgType: 'text',
    Content: content,
    MsgId: ++msgId,
  });
}

function signedOaUrl(timestamp: number, nonce: string) {
  const signature = sha1Sorted(OA.WECHAT_OA_TOKEN, String(timestamp), nonce);
  return `${OA_PATH}?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&openid=x`;
}

describe('WeChat callback freshness and replay', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp({ ...OA, ...WECOM, WECHAT_PASSIVE_REPLY_MS: '2000' });
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  const postOa = (url: string, payload: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'text/xml' } });

  it.each([
    ['from 2001', 978_307_200],
    ['six minutes old', -360],
    ['six minutes ahead', 360],
  ])('refuses a correctly signed official-account message with a timestamp %s', async (_when, offset) => {
    const timestamp = offset > 1_000_000 ? offset : nowSeconds() + offset;
    const response = await postOa(signedOaUrl(timestamp, `stale${offset}`), text('o-fresh-1', '你好'));
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toMatch(/timestamp/);
    const url = `${signedOaUrl(timestamp, `stale-get${offset}`)}&echostr=42`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('takes a message four minutes old, as WeChat clocks drift', async () => {
    const response = await postOa(signedOaUrl(nowSeconds() - 240, 'drift'), text('o-fresh-2', '你好'));
    expect(response.statusCode).toBe(200);
  });

  it('refuses a captured signed URL replayed with another body, but answers its retry', async () => {
    const url = signedOaUrl(nowSeconds(), 'captured-once');
    const original = text('o-fresh-3', '菜单');
    expect((await postOa(url, original)).statusCode).toBe(200);
    const retry = await postOa(url, original);
    expect(retry.statusCode).toBe(200);
    expect(tag(retry.body, 'ToUserName')).toBe('o-fresh-3');
    const forged = await postOa(url, text('o-victim', '我要反映欠薪'));
    expect(forged.statusCode).toBe(401);
    expect(await t.app.prisma.conversation.count({ where: { externalUserId: 'o-victim' } })).toBe(0);
  });

  it('refuses a WeCom callback with a stale timestamp', async () => {
    const inner = xml({
      ToUserName: WECOM.WECOM_CORP_ID,
      CreateTime: 1,
      MsgType: 'event',
      Event: 'kf_msg_or_event',
      Token: 'T',
      OpenKfId: 'wk-1',
    });
    const encrypted = encrypt(WECOM.WECOM_ENCODING_AES_KEY, WECOM.WECOM_CORP_ID, inner);
    const stale = nowSeconds() - 3600;
    const signature = sha1Sorted(WECOM.WECOM_TOKEN, String(stale), 'wn1', encrypted);
    const response = await t.app.inject({
      method: 'POST',
      url: `${WECOM_PATH}?msg_signature=${signature}&timestamp=${stale}&nonce=wn1`,
      payload: xml({ ToUserName: WECOM.WECOM_CORP_ID, Encrypt: encrypted }),
      headers: { 'content-type': 'text/xml' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('tells the worker when a message is over the one length cap, and stores none of it', async () => {
    // 20,000 letters: within a callback's size limit (a 200,000-letter body is refused whole, 413).
    const long = 'a'.repeat(20_000);
    const response = await postOa(signedOaUrl(nowSeconds(), 'long-token'), text('o-fresh-long', long));
    expect(response.statusCode).toBe(200);
    expect(tag(response.body, 'Content')).toContain(String(MESSAGE_TEXT_MAX_CHARS));
    const conversation = await t.app.prisma.conversation.findFirst({
      where: { externalUserId: 'o-fresh-long' },
    });
    const stored = conversation
      ? await t.app.prisma.message.count({ where: { conversationId: conversation.id } })
      : 0;
    expect(stored).toBe(0);
  });

  it.each(['wechat', 'wecom', 'miniprogram', 'web'] as const)(
    'applies the same cap to the %s channel through the chat service',
    async (channel) => {
      const result = await t.app.chat.handle({
        channel,
        externalUserId: `cap-${channel}`,
        text: '欠'.repeat(MESSAGE_TEXT_MAX_CHARS + 1),
      });
      expect(result.replies).toHaveLength(1);
      expect(result.replies[0]?.text).toContain(String(MESSAGE_TEXT_MAX_CHARS));
      const fits = await t.app.chat.handle({ channel, externalUserId: `cap-${channel}`, text: '你好' });
      expect(fits.replies[0]?.text).not.toContain(String(MESSAGE_TEXT_MAX_CHARS));
    },
  );

  it('reads a 200,000-letter token for article references in one pass', () => {
    // Before the fix this took minutes (each start position rescanned the token).
    expect(findArticleRefs('x'.repeat(200_000), ['劳动法'])).toEqual([]);
    expect(findArticleRefs(`${'x'.repeat(200_000)}. labor law article 44`, ['劳动法'])).toEqual([
      { law: '劳动法', article: 44 },
    ]);
  });
});
