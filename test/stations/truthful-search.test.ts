import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ChatBody, chat, createTestApp, type TestApp } from '../helpers/test-app.js';

// What a rider sees in the chat, on the labelled sample set: the symptoms of issue 15, item 1.
let t: TestApp;
const NOON = new Date('2026-12-02T04:00:00Z'); // Wednesday 12:00 in China
const LATE = new Date('2026-12-02T15:00:00Z'); // Wednesday 23:00 in China
beforeAll(async () => {
  t = await createTestApp({
    SEED_SAMPLE_DATA: 'true',
    WECHAT_MP_APPID: 'wx-mp',
    WECHAT_MP_SECRET: 'mp-secret',
  });
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(async () => {
  vi.useRealTimers();
  nock.cleanAll();
  await t.close();
});

// Cards are loose JSON, as the helpers' ChatBody replies are.
type Card = ChatBody['replies'][number];
const only = (body: ChatBody) => {
  expect(body.replies).toHaveLength(1);
  return body.replies[0]!;
};
const cards = (reply: Record<string, unknown>) => reply.stations as Card[];
/** 静安寺, 1 km east of the sample 静安寺夜间驿站 (GCJ-02). */
const NEAR_JINGAN = { lat: 31.2237, lng: 121.4562, coord: 'gcj02' as const };

describe('station search that tells the truth (sample set)', () => {
  it('from a typed district at night: its own station first (closed, with hours), then open ones in the same city', async () => {
    vi.setSystemTime(LATE);
    const reply = only(await chat(t.app, { text: '徐汇区附近有驿站吗 想喝口水歇会' }));
    expect(reply.type).toBe('stations');
    const [own, ...rest] = cards(reply);
    expect(own).toMatchObject({
      name: '徐家汇户外职工爱心接力站',
      openNow: false,
      hoursToday: '07:00-22:00',
    });
    expect(rest.length).toBeGreaterThan(0);
    for (const card of rest) expect(card.openNow).toBe(true);
    for (const card of cards(reply)) expect(card.city).toBe('上海市');
    // Open stations are within reach, so "none open within 20 km" would be false.
    expect(reply.text).not.toContain('公里内没有');
    expect(reply.text).toContain('上海市徐汇区的驿站现在没开门');
    // Water and a seat were asked for: every card has both.
    for (const card of cards(reply))
      expect(card.amenities).toEqual(expect.arrayContaining(['water', 'seating']));
  });

  it('finds the station registered in 静安区 when asked about 静安区, even while it is closed', async () => {
    vi.setSystemTime(NOON);
    const reply = only(await chat(t.app, { text: '静安区有没有驿站' }));
    expect(reply.text).not.toContain('还没有登记');
    expect(cards(reply)[0]).toMatchObject({
      name: '静安寺夜间驿站',
      openNow: false,
      hoursToday: '18:00-06:00',
    });
    expect(reply.text).toMatch(/1\. 静安寺夜间驿站（现在没开，今天 18:00-06:00/);
  });

  it('reads 充电 as a phone socket or a battery swap: both shown, each card saying which it has', async () => {
    vi.setSystemTime(NOON);
    const reply = only(await chat(t.app, { text: '电瓶快没电了想充个电', location: NEAR_JINGAN }));
    const names = cards(reply).map((c) => c.name);
    // 陆家嘴 has phone charging only; 张江 both. A battery-swap-only search would drop 陆家嘴.
    expect(names).toEqual(['陆家嘴骑手暖心驿站', '张江科学城工会驿站']);
    expect(reply.text).toContain('陆家嘴骑手暖心驿站（4.5 公里，营业中，今天 24小时，有手机充电）');
    expect(reply.text).toContain('有手机充电、电动车换电');
    const phone = only(await chat(t.app, { text: '手机没电了哪里能充电', location: NEAR_JINGAN }));
    expect(phone.text).not.toContain('电动车换电');
  });

  it('gives the same stations in the chat, GET /api/stations/nearby and the mini-program API', async () => {
    vi.setSystemTime(NOON);
    const chatNames = cards(only(await chat(t.app, { text: '哪里能充电', location: NEAR_JINGAN }))).map(
      (c) => c.name,
    );
    // The chat's own terms: open now, within 20 km, three cards.
    const query = `lat=${NEAR_JINGAN.lat}&lng=${NEAR_JINGAN.lng}&openNow=true&limit=3&radius=20000`;
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/stations/nearby?${query}&anyAmenity=charging&anyAmenity=battery-swap`,
    });
    expect(api.statusCode).toBe(200);
    expect(api.json().stations.map((s: Card) => s.name)).toEqual(chatNames);

    nock('https://api.weixin.qq.com')
      .get('/sns/jscode2session')
      .query(true)
      .reply(200, { openid: 'mp-r', session_key: 'k' });
    const login = await t.app.inject({ method: 'POST', url: '/api/mp/login', payload: { code: 'c-1' } });
    const mp = await t.app.inject({
      method: 'GET',
      url: `/api/mp/stations/nearby?${query}&anyAmenity=charging,battery-swap`,
      headers: { authorization: `Bearer ${login.json().token}` },
    });
    expect(mp.statusCode).toBe(200);
    expect(mp.json().stations.map((s: Card) => s.name)).toEqual(chatNames);
    expect(mp.json().stations.map((s: Card) => s.mapLinks)).toEqual(
      api.json().stations.map((s: Card) => s.mapLinks),
    );
  });

  it('navigates on foot when close and by e-bike beyond 1.5 km, from "我的位置" only when it is the worker', async () => {
    vi.setSystemTime(NOON);
    const reply = only(await chat(t.app, { location: { lat: 39.9087, lng: 116.4605, coord: 'gcj02' } }));
    const [first, ...farther] = cards(reply);
    const near = first!;
    expect(near.distanceM).toBeLessThan(1500);
    expect(near.travelMode).toBe('walk');
    expect(near.mapLinks.amap).toContain('mode=walk');
    expect(near.mapLinks.tencent).toContain('type=walk');
    expect(near.mapLinks.baidu).toContain('mode=walking');
    expect(decodeURIComponent(near.mapLinks.baidu)).toContain('name:我的位置');
    const ride = farther.find((c) => c.distanceM > 1500)!;
    expect(ride.travelMode).toBe('ride');
    expect(ride.mapLinks.amap).toContain('mode=ride');
    expect(ride.mapLinks.tencent).toContain('type=bike');
    expect(ride.mapLinks.baidu).toContain('mode=riding');

    const typed = only(await chat(t.app, { text: '徐汇区附近有驿站吗' }));
    for (const card of cards(typed)) {
      const baidu = decodeURIComponent(card.mapLinks.baidu);
      expect(baidu).toContain('name:上海市徐汇区&');
      expect(baidu).not.toContain('我的位置');
    }
  });

  it('names the city and the distance of stations in another city, only when the place has none in reach', async () => {
    vi.setSystemTime(NOON);
    const reply = only(await chat(t.app, { text: '西宁市城西区有驿站吗' }));
    expect(reply.text).toContain('西宁市城西区还没有登记的驿站');
    for (const card of cards(reply)) {
      expect(card.city).not.toBe('西宁市');
      expect(card.distanceM).toBeGreaterThan(20_000);
      expect(card.travelMode).toBe('drive');
      expect(reply.text).toContain(`${card.name}（${card.city}，距`);
    }
  });

  it('says "none open" only when none in reach is open, and then offers the closest open one with its hours', async () => {
    vi.setSystemTime(LATE);
    // 西安's one sample station (小寨) closes at 20:00.
    const reply = only(await chat(t.app, { location: { lat: 34.2232, lng: 108.9482, coord: 'gcj02' } }));
    expect(reply.text).toContain('现在都没开门');
    const closest = cards(reply).find((c) => c.closestOpen);
    expect(closest).toBeDefined();
    expect(closest!.openNow).toBe(true);
    expect(closest!.city).not.toBe('西安市');
    expect(reply.text).toContain(`现在开着的最近一个：${closest!.name}（${closest!.city}，`);
    expect(reply.text).toMatch(/现在开着的最近一个：[^（]+（[^，]+，\d+ 公里，营业中，今天 /);
  });

  it('says the same in English', async () => {
    vi.setSystemTime(LATE);
    const reply = only(
      await chat(t.app, { text: 'is there a rest station in Xuhui District? I need water' }),
    );
    expect(reply.text).toMatch(/^The station in 上海市徐汇区 is closed right now/);
    expect(reply.text).toContain('1. 徐家汇户外职工爱心接力站 (closed now, today 07:00-22:00');
    expect(reply.text).toMatch(/2\. 静安寺夜间驿站 \(\d+\.\d km from 上海市徐汇区, open now/);
    vi.setSystemTime(NOON);
    const charge = only(
      await chat(t.app, { text: 'where can I charge?', location: NEAR_JINGAN, locale: 'en' }),
    );
    expect(charge.text).toContain('has phone charging, e-bike battery swap');
  });
});
