import type { EventEmitter } from 'node:events';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { createOffices, createStaff, loginBearer } from '../staff/staff-fixtures.js';
import { encrypt, plainPost, sha1Sorted, tag, xml } from './helpers/wechat-fixtures.js';

// One worker's conversation — hello, a station search, a wage-arrears report, then a person —
// through every channel: what each user sees must carry the same answers, rendered for it.

const CONFIG = {
  SEED_SAMPLE_DATA: 'true',
  HANDOFF_OFFICE: 'region-310115',
  STAFF_LOGIN_PER_MINUTE: '1000',
  WECHAT_MP_APPID: 'wxmp-same',
  WECHAT_MP_SECRET: 'mp-secret',
  WECHAT_OA_TOKEN: 'oatoken123',
  WECHAT_OA_APPID: 'wxoa-same',
  WECHAT_OA_SECRET: 'oa-secret',
  WECOM_CORP_ID: 'ww-same-corp',
  WECOM_KF_SECRET: 'kf-secret',
  WECOM_TOKEN: 'wecomtoken',
  WECOM_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};
/** 国贸, Beijing, as WeChat's map gives it (GCJ-02); the sample 国贸CBD station is nearest. */
const GUOMAO = { lat: 39.9087, lng: 116.4605 };

type Step = { text: string } | { location: typeof GUOMAO };
interface Driver {
  channel: string;
  externalUserId: string;
  /** Everything the user sees in answer to one message. */
  say(step: Step): Promise<string>;
  /** Waits for a message outside a turn (a staff reply) containing `text`; undefined if the channel is away. */
  pushed(text: string): Promise<string | undefined>;
}

let t: TestApp;
/** What waits in the outbox for a conversation whose channel is away. */
const queued = async (conversationId: string) =>
  (await t.app.delivery.pending(conversationId)).map((item) => item.payload).join('\n');
let staff: Record<string, string>;
const drivers: Record<string, () => Promise<Driver>> = {};

beforeAll(async () => {
  nock.disableNetConnect();
  t = await createTestApp(CONFIG);
  const offices = await createOffices(t.app);
  await createStaff(t.app, 'agent.same', 'agent', offices.a);
  staff = await loginBearer(t.app, 'agent.same');
}, 120_000);
afterAll(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await t.close();
});

drivers.web = async () => ({
  channel: 'web',
  externalUserId: 'web-rider',
  async say(step) {
    const body = await chat(t.app, {
      channelUserId: 'web-rider',
      ...('text' in step ? step : { location: { ...step.location, coord: 'gcj02' } }),
    });
    return body.replies.map((r) => r.text).join('\n');
  },
  pushed: async () => undefined,
});

drivers.miniprogram = async () => {
  nock('https://api.weixin.qq.com')
    .get('/sns/jscode2session')
    .query(true)
    .reply(200, { openid: 'mp-rider', session_key: 'k' });
  const login = await t.app.inject({ method: 'POST', url: '/api/mp/login', payload: { code: 'code-1' } });
  const headers = { authorization: `Bearer ${login.json().token}` };
  return {
    channel: 'miniprogram',
    externalUserId: 'mp-rider',
    async say(step) {
      const response = await t.app.inject({ method: 'POST', url: '/api/mp/chat', headers, payload: step });
      expect(response.statusCode).toBe(200);
      return response
        .json()
        .replies.map((r: { text: string }) => r.text)
        .join('\n');
    },
    pushed: async () => undefined,
  };
};

drivers['official-account'] = async () => {
  const customer: string[] = [];
  nock('https://api.weixin.qq.com')
    .persist()
    .get('/cgi-bin/token')
    .query(true)
    .reply(200, { access_token: 'OA-T', expires_in: 7200 });
  nock('https://api.weixin.qq.com')
    .persist()
    .post('/cgi-bin/message/custom/send', (body) => {
      customer.push(body.text.content);
      return body.touser === 'oa-rider';
    })
    .query(true)
    .reply(200, { errcode: 0 });
  let id = 5000;
  return {
    channel: 'official-account',
    externalUserId: 'oa-rider',
    async say(step) {
      const common = { ToUserName: 'gh_same', FromUserName: 'oa-rider', CreateTime: 1764400000, MsgId: ++id };
      const body =
        'text' in step
          ? xml({ ...common, MsgType: 'text', Content: step.text })
          : xml({
              ...common,
              MsgType: 'location',
              Location_X: String(step.location.lat),
              Location_Y: String(step.location.lng),
              Scale: 15,
              Label: '国贸',
            });
      const response = await t.app.inject({
        method: 'POST',
        ...plainPost('/api/wechat/official-account', CONFIG.WECHAT_OA_TOKEN, body),
      });
      await t.app.officialAccount?.idle();
      return [tag(response.body, 'Content') ?? '', ...customer.splice(0)].join('\n');
    },
    async pushed(text) {
      await until(() => customer.join('\n').includes(text), 'a customer-service message');
      return customer.splice(0).join('\n');
    },
  };
};

drivers.wecom = async () => {
  const sent: string[] = [];
  nock('https://qyapi.weixin.qq.com')
    .persist()
    .get('/cgi-bin/gettoken')
    .query(true)
    .reply(200, { errcode: 0, access_token: 'WC-T', expires_in: 7200 });
  nock('https://qyapi.weixin.qq.com')
    .persist()
    .post('/cgi-bin/kf/send_msg', (body) => {
      sent.push(body.text.content);
      return body.touser === 'wm-rider' && body.open_kfid === 'wk-same';
    })
    .query(true)
    .reply(200, { errcode: 0 });
  let id = 0;
  return {
    channel: 'wecom',
    externalUserId: 'wk-same/wm-rider',
    async say(step) {
      id += 1;
      const message = {
        msgid: `same-${id}`,
        open_kfid: 'wk-same',
        external_userid: 'wm-rider',
        send_time: Math.floor(Date.now() / 1000),
        origin: 3,
        ...('text' in step
          ? { msgtype: 'text', text: { content: step.text } }
          : {
              msgtype: 'location',
              location: { latitude: step.location.lat, longitude: step.location.lng, name: '国贸' },
            }),
      };
      nock('https://qyapi.weixin.qq.com')
        .post('/cgi-bin/kf/sync_msg')
        .query(true)
        .reply(200, { errcode: 0, next_cursor: `c${id}`, has_more: 0, msg_list: [message] });
      const inner = xml({
        ToUserName: CONFIG.WECOM_CORP_ID,
        CreateTime: 1,
        MsgType: 'event',
        Event: 'kf_msg_or_event',
        Token: 'T',
        OpenKfId: 'wk-same',
      });
      const encrypted = encrypt(CONFIG.WECOM_ENCODING_AES_KEY, CONFIG.WECOM_CORP_ID, inner);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sha1Sorted(CONFIG.WECOM_TOKEN, timestamp, `n${id}`, encrypted);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/wecom/callback?msg_signature=${signature}&timestamp=${timestamp}&nonce=n${id}`,
        payload: xml({ ToUserName: CONFIG.WECOM_CORP_ID, Encrypt: encrypted }),
        headers: { 'content-type': 'text/xml' },
      });
      expect(response.body).toBe('success');
      await t.app.wecom?.idle();
      return sent.splice(0).join('\n');
    },
    async pushed(text) {
      await until(() => sent.join('\n').includes(text), 'a send_msg');
      return sent.splice(0).join('\n');
    },
  };
};

drivers.wechat = async () => {
  const mocker = new mock.Mocker();
  await t.app.wechaty.start(new PuppetMock({ mocker }));
  const self = mocker.createContact({ name: '工友助手' });
  const rider = mocker.createContact({ name: '周师傅' });
  const received: string[] = [];
  (rider as unknown as EventEmitter).on('message', (message: mock.MessageMock) => {
    if (message.talker().id === self.id && message.type() === types.Message.Text)
      received.push(message.text() ?? '');
  });
  mocker.login(self);
  await until(() => t.app.wechaty.status().state === 'logged-in', 'login');
  return {
    channel: 'wechat',
    externalUserId: rider.id,
    async say(step) {
      // The mock's location messages always point at the same place, so the worker shares
      // a map link, which the bot reads as a location too.
      const text =
        'text' in step
          ? step.text
          : `https://uri.amap.com/marker?position=${step.location.lng},${step.location.lat}&name=国贸`;
      rider.say(text).to(self);
      await until(() => received.length > 0, `a reply to ${text}`);
      await t.app.wechaty.idle();
      return received.splice(0).join('\n');
    },
    async pushed(text) {
      await until(() => received.join('\n').includes(text), 'a pushed message');
      return received.splice(0).join('\n');
    },
  };
};

describe.each(Object.keys(drivers))('the same conversation over %s', (name) => {
  let user: Driver;
  const phoneTail = String(10 + Object.keys(drivers).indexOf(name));
  beforeAll(async () => {
    user = await (drivers[name] as () => Promise<Driver>)();
  }, 60_000);
  afterAll(async () => {
    if (name === 'wechat') await t.app.wechaty.stop();
  });

  it('greets with the menu', async () => {
    expect(await user.say({ text: '你好' })).toContain('工友');
  });

  it('finds the station nearest to a shared location', async () => {
    expect(await user.say({ text: '附近的工会驿站' })).toContain('位置');
    const seen = await user.say({ location: GUOMAO });
    expect(seen).toContain('国贸CBD户外劳动者服务站');
    // Text-only WeChat surfaces get the card as lines with a map link.
    if (name !== 'web' && name !== 'miniprogram') expect(seen).toContain('uri.amap.com');
  });

  it('files a wage-arrears report and shows the receipt', async () => {
    const summary = await user.say({
      text: `我是美团骑手，在浦东新区张江站送餐，站长拖欠我3个月工资一共一万二，我叫李强，电话138 1234 56${phoneTail}`,
    });
    expect(summary).toContain(`138****56${phoneTail}`);
    expect(await user.say({ text: '确认' })).toContain('同意');
    const receipt = await user.say({ text: '同意' });
    const number = /GY-\d{8}-\d{4}/.exec(receipt)?.[0];
    expect(number).toBeDefined();
    const ticket = await t.app.tickets.get(number as string);
    const conversation = await t.app.prisma.conversation.findUniqueOrThrow({
      where: { id: ticket?.conversationId ?? '' },
    });
    expect(conversation).toMatchObject({ channel: user.channel, externalUserId: user.externalUserId });

    // A status change reaches the worker on the channel they filed from.
    await t.app.tickets.changeStatus(number as string, 'accepted', 'test-staff');
    const notice = await user.pushed(number as string);
    if (notice === undefined) expect(await queued(conversation.id)).toContain(number);
    else expect(notice).toContain(number);
  });

  it('hands over to a person whose reply reaches the user on this channel', async () => {
    expect(await user.say({ text: '转人工' })).toMatch(/第 \d+ 位/);
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { channel: user.channel, externalUserId: user.externalUserId },
    });
    const queue = (await t.app.inject({ method: 'GET', url: '/api/staff/handoffs', headers: staff })).json()
      .handoffs as {
      id: string;
      conversationId: string;
    }[];
    const handoff = queue.find((h) => h.conversationId === conversation.id);
    expect(handoff).toBeDefined();
    const base = `/api/staff/handoffs/${handoff?.id}`;
    expect((await t.app.inject({ method: 'POST', url: `${base}/claim`, headers: staff })).statusCode).toBe(
      200,
    );
    const reply = await t.app.inject({
      method: 'POST',
      url: `${base}/messages`,
      headers: staff,
      payload: { text: '您好，我是工会的小刘，您的欠薪材料已收到。' },
    });
    expect(reply.statusCode).toBe(200);
    const pushed = await user.pushed('欠薪材料已收到');
    if (pushed === undefined) {
      // Web and mini-program users get it when their socket reconnects (tested in miniprogram.test.ts).
      expect(await queued(conversation.id)).toContain('欠薪材料已收到');
    } else {
      // The claim notice came first, then the staff member's words.
      expect(pushed).toContain('已接入');
      expect(pushed).toContain('欠薪材料已收到');
      await until(
        async () => (await t.app.delivery.pending(conversation.id)).length === 0,
        'the outbox to empty',
      );
    }
  });
});

describe('mini-program extras', () => {
  let headers: Record<string, string>;
  beforeAll(async () => {
    nock('https://api.weixin.qq.com')
      .get('/sns/jscode2session')
      .query(true)
      .reply(200, { openid: 'mp-rider', session_key: 'k' });
    const login = await t.app.inject({ method: 'POST', url: '/api/mp/login', payload: { code: 'code-2' } });
    headers = { authorization: `Bearer ${login.json().token}` };
  });

  it('lists nearby stations for a wx.getLocation point, read as GCJ-02', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/mp/stations/nearby?lat=${GUOMAO.lat}&lng=${GUOMAO.lng}&limit=3`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    const [first] = response.json().stations;
    expect(first.name).toBe('国贸CBD户外劳动者服务站');
    // Read as WGS-84 the same numbers would land ~600 m away.
    expect(first.distanceM).toBeLessThan(150);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/mp/stations/nearby?lat=39.9&lng=116.4' })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/mp/stations/nearby?lat=abc&lng=116.4', headers }))
        .statusCode,
    ).toBe(400);
  });

  it("shows the worker's own complaints without personal data", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/mp/tickets', headers });
    expect(response.statusCode).toBe(200);
    const { tickets } = response.json();
    expect(tickets).toHaveLength(1);
    expect(tickets[0].number).toMatch(/^GY-\d{8}-\d{4}$/);
    expect(tickets[0].office.name).toBe('上海市浦东新区总工会');
    expect(response.body).not.toContain('李强');
    expect(response.body).not.toContain('1381234');
  });
});
