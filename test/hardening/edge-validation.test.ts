import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, fileTicket, loginBearer } from '../staff/staff-fixtures.js';

// Finding 9 of issue 16: the fuzzer's 500s. A lone surrogate in any JSON string, multipart
// without a boundary, and offsets that are not finite integers all reached code that crashed;
// each is a client's mistake and must be answered 400 at the edge.
const MP = { WECHAT_MP_APPID: 'wxmp-edge-appid', WECHAT_MP_SECRET: 'mp-edge-secret' };

describe('input checked at the edge', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let mpToken: string;
  let ticketNumber: string;

  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp({ ...MP, STAFF_LOGIN_PER_MINUTE: '1000' });
    const offices = await createOffices(t.app);
    await createStaff(t.app, 'sun.admin', 'admin', offices.a, { includeSubOffices: true });
    staff = await loginBearer(t.app, 'sun.admin');
    ticketNumber = await fileTicket(t.app, { regionCode: '310115', employer: '某某配送站' });
    nock('https://api.weixin.qq.com')
      .get('/sns/jscode2session')
      .query(true)
      .reply(200, { openid: 'o-edge', session_key: 'SECRET' });
    const login = await t.app.inject({ method: 'POST', url: '/api/mp/login', payload: { code: 'c' } });
    mpToken = login.json().token;
  });
  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await t.close();
  });

  const rawJson = (method: 'POST' | 'PUT' | 'PATCH', url: string, body: string, headers = {}) =>
    t.app.inject({ method, url, payload: body, headers: { 'content-type': 'application/json', ...headers } });

  it.each([
    ['a value', '{"text":"工资\\ud800没发"}'],
    ['a trailing low half', '{"text":"\\udc00"}'],
    ['a key', '{"text":"hi","\\ud83d":1}'],
    ['a nested array', '{"text":"hi","location":{"lat":31,"lng":121,"label":["\\udfff"]}}'],
  ])('answers 400 to a lone surrogate in %s of a chat body', async (_where, body) => {
    const response = await rawJson('POST', '/api/chat/messages', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/Unicode/);
  });

  it('answers 400 to a lone surrogate in a staff write and in the structured intake', async () => {
    const note = await rawJson(
      'POST',
      `/api/staff/tickets/${ticketNumber}/notes`,
      '{"text":"\\ud800"}',
      staff,
    );
    expect(note.statusCode).toBe(400);
    const intake = await rawJson('POST', '/api/tickets', '{"claimantName":"\\ud800"}');
    expect(intake.statusCode).toBe(400);
  });

  it('still takes well-formed text with emoji and astral characters', async () => {
    const response = await rawJson('POST', '/api/chat/messages', '{"text":"老板跑路了😡\\ud83d\\ude21𠀀"}');
    expect(response.statusCode).toBe(200);
  });

  it('answers 400 to multipart without a boundary, on both upload routes', async () => {
    const headers = { 'content-type': 'multipart/form-data' };
    const photo = await t.app.inject({
      method: 'POST',
      url: '/api/mp/chat/image',
      payload: 'not really multipart',
      headers: { ...headers, authorization: `Bearer ${mpToken}` },
    });
    expect(photo.statusCode).toBe(400);
    const attachment = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${ticketNumber}/attachments`,
      payload: 'not really multipart',
      headers: { ...headers, ...staff },
    });
    expect(attachment.statusCode).toBe(400);
  });

  it('answers 400 to a multipart body cut off before its end', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${ticketNumber}/attachments`,
      payload:
        '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nabc',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', ...staff },
    });
    expect(response.statusCode).toBe(400);
  });

  it.each(['Infinity', '-Infinity', '1e308', 'NaN', '9007199254740993', '2147483648', '1.5'])(
    'answers 400 to offset or limit = %s on the ticket, office and station lists',
    async (value) => {
      for (const url of ['/api/staff/tickets', '/api/staff/offices', '/api/staff/stations']) {
        for (const key of ['offset', 'limit']) {
          const response = await t.app.inject({
            method: 'GET',
            url: `${url}?${key}=${value}`,
            headers: staff,
          });
          expect(response.statusCode, `${url}?${key}=${value}`).toBe(400);
        }
      }
    },
  );

  it('answers 503 with Retry-After when WeChat login answers garbage (found by the fuzzer)', async () => {
    nock('https://api.weixin.qq.com').get('/sns/jscode2session').query(true).reply(200, '<html>');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mp/login',
      payload: { code: 'garbage' },
    });
    expect(response.statusCode).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('still lists with ordinary paging', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/staff/tickets?offset=0&limit=10',
      headers: staff,
    });
    expect(response.statusCode).toBe(200);
  });
});
