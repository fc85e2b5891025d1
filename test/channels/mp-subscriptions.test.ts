import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinaTimeText } from '../../src/channels/miniprogram/mp-subscriptions.js';
import { CONSENT_VERSION } from '../../src/tickets/consent.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const MP = { WECHAT_MP_APPID: 'wxmp-sub-appid', WECHAT_MP_SECRET: 'mp-sub-secret' };
const TEMPLATE = 'tmpl-ticket-progress-1';
const WX = 'https://api.weixin.qq.com';

async function login(t: TestApp, openid: string): Promise<Record<string, string>> {
  nock(WX).get('/sns/jscode2session').query(true).reply(200, { openid, session_key: 'SECRET-SESSION-KEY' });
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/mp/login',
    payload: { code: `c-${openid}` },
  });
  expect(response.statusCode).toBe(200);
  return { authorization: `Bearer ${response.json().token}` };
}

/** A complaint filed from the mini-program's form, so its notices go to that user. */
async function fileTicket(t: TestApp, openid: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/tickets',
    payload: {
      claimantName: '陈静',
      phone: '13800009999',
      place: '深圳宝安区',
      industry: 'factory',
      employer: '宝安某电子厂（样例）',
      amount: '八千',
      period: '3月到5月',
      workerCount: 1,
      evidence: ['pay_records'],
      consent: true,
      consentVersion: CONSENT_VERSION,
      channel: 'miniprogram',
      channelUserId: openid,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().number;
}

describe('mini-program subscription messages for ticket notices', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp({
      ...MP,
      WECHAT_MP_TICKET_TEMPLATE_ID: TEMPLATE,
      WECHAT_MP_TICKET_PAGE: 'pages/tickets/index',
    });
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  it('tells the app which template to ask for and counts the grants the user gives', async () => {
    const headers = await login(t, 'o-sub-1');
    const first = await t.app.inject({ method: 'GET', url: '/api/mp/subscriptions', headers });
    expect(first.json()).toEqual({
      templates: [{ purpose: 'ticket-status', templateId: TEMPLATE, remaining: 0 }],
    });
    const accept = { results: { [TEMPLATE]: 'accept', errMsg: 'requestSubscribeMessage:ok' } };
    for (let i = 0; i < 2; i++) {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/mp/subscriptions',
        headers,
        payload: accept,
      });
      expect(answer.statusCode).toBe(200);
    }
    const rejected = await t.app.inject({
      method: 'POST',
      url: '/api/mp/subscriptions',
      headers,
      payload: { results: { [TEMPLATE]: 'reject' } },
    });
    expect(rejected.json().templates[0].remaining).toBe(2);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/mp/subscriptions',
      headers,
      payload: { results: { 'someone-elses-template': 'accept' } },
    });
    expect(unknown.statusCode).toBe(400);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/mp/subscriptions' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('sends a status change as a subscription message while the app is closed, spending one grant', async () => {
    const headers = await login(t, 'o-sub-2');
    await t.app.inject({
      method: 'POST',
      url: '/api/mp/subscriptions',
      headers,
      payload: { results: { [TEMPLATE]: 'accept' } },
    });
    const number = await fileTicket(t, 'o-sub-2');
    let sent: Record<string, unknown> | undefined;
    nock(WX).get('/cgi-bin/token').query(true).reply(200, { access_token: 'MP-TOKEN', expires_in: 7200 });
    nock(WX)
      .post('/cgi-bin/message/subscribe/send', (body) => {
        sent = body;
        return true;
      })
      .query({ access_token: 'MP-TOKEN' })
      .reply(200, { errcode: 0, errmsg: 'ok' });

    const before = chinaTimeText(new Date());
    await t.app.tickets.changeStatus(number, 'accepted', 'staff:s1');
    expect(sent).toMatchObject({
      touser: 'o-sub-2',
      template_id: TEMPLATE,
      page: `pages/tickets/index?number=${number}`,
      miniprogram_state: 'formal',
      data: {
        character_string1: { value: number },
        phrase2: { value: '已受理' },
        thing3: { value: '深圳市宝安区总工会' },
      },
    });
    const time = (sent?.data as Record<string, { value: string }> | undefined)?.time4?.value;
    expect([before, chinaTimeText(new Date())]).toContain(time);
    // No name, no phone in what went to WeChat.
    expect(JSON.stringify(sent)).not.toMatch(/陈静|13800009999/);
    const outbox = await t.app.prisma.outbox.findMany({ where: { status: 'pending' } });
    expect(outbox.filter((item) => item.channel === 'miniprogram')).toEqual([]);
    const grants = await t.app.inject({ method: 'GET', url: '/api/mp/subscriptions', headers });
    expect(grants.json().templates[0].remaining).toBe(0);
  });

  it('keeps the notice for when the app opens if there is no grant, or WeChat says there is none', async () => {
    const headers = await login(t, 'o-sub-3');
    const number = await fileTicket(t, 'o-sub-3');
    // No grant: WeChat is not called at all (nock would refuse the connection).
    await t.app.tickets.changeStatus(number, 'accepted', 'staff:s1');
    const conversation = await t.app.prisma.conversation.findUniqueOrThrow({
      where: { channel_externalUserId: { channel: 'miniprogram', externalUserId: 'o-sub-3' } },
    });
    expect(
      await t.app.prisma.outbox.count({ where: { conversationId: conversation.id, status: 'pending' } }),
    ).toBe(1);

    // A grant we counted but WeChat does not have (43101): the count resets, the notice waits.
    await t.app.inject({
      method: 'POST',
      url: '/api/mp/subscriptions',
      headers,
      payload: { results: { [TEMPLATE]: 'accept' } },
    });
    nock(WX)
      .post('/cgi-bin/message/subscribe/send')
      .query(true)
      .reply(200, { errcode: 43101, errmsg: 'refuse' });
    await t.app.tickets.changeStatus(number, 'in_progress', 'staff:s1');
    expect(
      await t.app.prisma.outbox.count({ where: { conversationId: conversation.id, status: 'pending' } }),
    ).toBe(2);
    const grants = await t.app.inject({ method: 'GET', url: '/api/mp/subscriptions', headers });
    expect(grants.json().templates[0].remaining).toBe(0);
  });

  it('gives the grant back and retries later when WeChat is down', async () => {
    const headers = await login(t, 'o-sub-4');
    await t.app.inject({
      method: 'POST',
      url: '/api/mp/subscriptions',
      headers,
      payload: { results: { [TEMPLATE]: 'accept' } },
    });
    const number = await fileTicket(t, 'o-sub-4');
    nock(WX).post('/cgi-bin/message/subscribe/send').query(true).reply(502, 'bad gateway');
    await t.app.tickets.changeStatus(number, 'accepted', 'staff:s1');
    const grants = await t.app.inject({ method: 'GET', url: '/api/mp/subscriptions', headers });
    expect(grants.json().templates[0].remaining).toBe(1);
    const [item] = await t.app.prisma.outbox.findMany({
      where: { channel: 'miniprogram', status: 'pending', attempts: { gt: 0 } },
    });
    expect(item?.lastError).toContain('HTTP 502');
  });
});

describe('mini-program subscription messages, not set up', () => {
  it('offers no template and refuses answers with 404', async () => {
    nock.disableNetConnect();
    const t = await createTestApp(MP);
    try {
      const headers = await login(t, 'o-sub-none');
      const list = await t.app.inject({ method: 'GET', url: '/api/mp/subscriptions', headers });
      expect(list.json()).toEqual({ templates: [] });
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/mp/subscriptions',
        headers,
        payload: { results: { x: 'accept' } },
      });
      expect(answer.statusCode).toBe(404);
    } finally {
      nock.cleanAll();
      nock.enableNetConnect();
      await t.close();
    }
  });
});
