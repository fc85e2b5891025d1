import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encrypt, plainPost, sha1Sorted, tag, xml } from '../channels/helpers/wechat-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// Finding 2 of issue 16: the callbacks (exempt from the rate limit, as WeChat posts from a few
// IPs) scanned the XML body before checking the signature; eight parallel 252 KB bodies of
// nested <![CDATA[ froze the server. Now nothing of a body is parsed before its sender is
// proven, and the parser is held to a size and a depth.
const OA = { WECHAT_OA_TOKEN: 'oa-xml-token', WECHAT_OA_APPID: 'wxoa-xml' };
const WECOM = {
  WECOM_CORP_ID: 'wwxmlcorp',
  WECOM_TOKEN: 'wecom-xml-token',
  WECOM_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  WECOM_KF_SECRET: 'kf-xml-secret',
};
const OA_PATH = '/api/wechat/official-account';
const WECOM_PATH = '/api/wecom/callback';
const nestedCdata = (times: number) => `<xml><Content>${'<![CDATA['.repeat(times)}</Content></xml>`;
/** The probe's body: 252 KB. */
const PROBE_BODY = nestedCdata(28_000);
/** The same shape within the size limit (58 KB). */
const FITTING_BODY = nestedCdata(6_500);
let msgId = 9_000;

describe('WeChat XML bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp({ ...OA, ...WECOM, WECHAT_PASSIVE_REPLY_MS: '2000' });
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  const post = (request: { url: string; payload: string; headers: Record<string, string> }) =>
    t.app.inject({ method: 'POST', ...request });
  const fresh = () => String(Math.floor(Date.now() / 1000));

  it('answers 401 to an unsigned body whatever it holds, without reading it', async () => {
    const forged = plainPost(OA_PATH, 'not-the-token', 'this is not XML <<<');
    const response = await post(forged);
    expect(response.statusCode).toBe(401);
    const ts = fresh();
    const wecom = await post({
      url: `${WECOM_PATH}?msg_signature=${'0'.repeat(40)}&timestamp=${ts}&nonce=x1`,
      payload: '<xml><Encrypt><![CDATA[AAAA]]></Encrypt><Junk><<<</xml>',
      headers: { 'content-type': 'text/xml' },
    });
    expect(wecom.statusCode).toBe(401);
  });

  it('refuses a body over the size limit before reading it, signed or not', async () => {
    expect((await post(plainPost(OA_PATH, OA.WECHAT_OA_TOKEN, PROBE_BODY))).statusCode).toBe(413);
    expect((await post(plainPost(OA_PATH, 'not-the-token', PROBE_BODY))).statusCode).toBe(413);
  });

  it('answers a signed body of nested CDATA sections with 400', async () => {
    const response = await post(plainPost(OA_PATH, OA.WECHAT_OA_TOKEN, FITTING_BODY));
    expect(response.statusCode).toBe(400);
  });

  it("answers the probe's eight parallel bodies, signed and unsigned, and stays healthy", async () => {
    const responses = await Promise.all([
      ...Array.from({ length: 4 }, () => post(plainPost(OA_PATH, OA.WECHAT_OA_TOKEN, PROBE_BODY))),
      ...Array.from({ length: 4 }, () => post(plainPost(OA_PATH, 'forged', FITTING_BODY))),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([413, 413, 413, 413, 401, 401, 401, 401]);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it.each([
    ['nested deeper than any WeChat message', `<xml>${'<a>'.repeat(40)}x${'</a>'.repeat(40)}</xml>`],
    [
      'with a DTD',
      '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaa">]><xml><Content>&a;</Content></xml>',
    ],
    ['not closed', '<xml><ToUserName><![CDATA[gh]]></ToUserName><Content>hi'],
    ['with another root', '<message><Content>hi</Content></message>'],
  ])('answers 400 to a signed body %s', async (_what, body) => {
    const response = await post(plainPost(OA_PATH, OA.WECHAT_OA_TOKEN, body));
    expect(response.statusCode).toBe(400);
  });

  it('still reads a real message: CDATA, predefined entities, nested picture lists', async () => {
    const body = xml({
      ToUserName: 'gh_xml',
      FromUserName: 'o-xml-1',
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'text',
      Content: '菜单',
      MsgId: ++msgId,
    }).replace(
      '</xml>',
      '<SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum>x</PicMd5Sum></item></PicList></SendPicsInfo></xml>',
    );
    const response = await post(plainPost(OA_PATH, OA.WECHAT_OA_TOKEN, body));
    expect(response.statusCode).toBe(200);
    expect(tag(response.body, 'ToUserName')).toBe('o-xml-1');
    expect(tag(response.body, 'Content')).toContain('工会驿站');
  });

  it('refuses a WeCom body nested too deep inside a correctly signed envelope', async () => {
    const inner = `<xml><ToUserName>${WECOM.WECOM_CORP_ID}</ToUserName>${'<a>'.repeat(40)}${'</a>'.repeat(40)}</xml>`;
    const encrypted = encrypt(WECOM.WECOM_ENCODING_AES_KEY, WECOM.WECOM_CORP_ID, inner);
    const ts = fresh();
    const response = await post({
      url: `${WECOM_PATH}?msg_signature=${sha1Sorted(WECOM.WECOM_TOKEN, ts, 'deep', encrypted)}&timestamp=${ts}&nonce=deep`,
      payload: xml({ ToUserName: WECOM.WECOM_CORP_ID, Encrypt: encrypted }),
      headers: { 'content-type': 'text/xml' },
    });
    expect(response.statusCode).toBe(400);
  });
});
