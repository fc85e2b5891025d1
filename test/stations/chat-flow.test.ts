import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ChatBody, chat, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SEED_SAMPLE_DATA: 'true' });
  // Opening hours depend on the clock: a Wednesday noon in China (not a public holiday).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T04:00:00Z'));
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const only = (body: ChatBody) => {
  expect(body.replies).toHaveLength(1);
  return body.replies[0]!;
};
const names = (reply: Record<string, unknown>) => (reply.stations as { name: string }[]).map((s) => s.name);
/** The typed place's own stations come first, the rest of the cards are in the same city. */
const placeFirst = (reply: Record<string, unknown>, place: string, city: string) => {
  const cards = reply.stations as { address: string; city: string }[];
  const inside = cards.map((c) => c.address.includes(place));
  expect(inside[0]).toBe(true);
  expect(inside.indexOf(false) === -1 || inside.lastIndexOf(true) < inside.indexOf(false)).toBe(true);
  for (const card of cards) expect(card.city).toBe(city);
};

describe('stations chat flow (POST /api/chat/messages)', () => {
  it('asks for a location, then answers a shared browser location with three cards', async () => {
    const asked = only(await chat(t.app, { text: '附近哪里能充电' }));
    expect(asked.type).toBe('text');
    expect(asked.text).toContain('发送我的位置');
    expect(asked.quickReplies.some((q: { action?: string }) => q.action === 'share-location')).toBe(true);

    const conversationId = (await chat(t.app, { text: '附近哪里能充电' })).conversationId;
    // The web chat sends the browser's WGS-84 fix: near 国贸 (GCJ-02 39.9087,116.4605).
    const answer = only(
      await chat(t.app, { conversationId, location: { lat: 39.90729, lng: 116.45425, coord: 'wgs84' } }),
    );
    expect(answer.type).toBe('stations');
    expect(answer.stations).toHaveLength(3);
    const [first] = answer.stations;
    expect(first.name).toBe('国贸CBD户外劳动者服务站');
    expect(first.distanceM).toBeLessThan(300);
    expect(first.openNow).toBe(true);
    expect(first.amenities).toContain('charging');
    expect(first.mapLinks).toMatchObject({
      amap: expect.stringContaining('uri.amap.com'),
      tencent: expect.stringContaining('apis.map.qq.com'),
      baidu: expect.stringContaining('api.map.baidu.com'),
    });
    // Every card offers charging (asked for) and none of them is the closed 三里屯 station.
    for (const card of answer.stations) {
      expect(card.amenities).toContain('charging');
      expect(card.openNow).toBe(true);
    }
    expect(names(answer)).not.toContain('三里屯爱心驿站');
    expect(answer.text).toContain('国贸CBD户外劳动者服务站');
    expect(answer.text).toContain('样例数据');
    // From the worker's own position the distance is theirs: shown in the text and the cards.
    expect(answer.text).toMatch(/（\d+ 米，/);
    expect(first.distanceFrom).toBeUndefined();
  });

  it('takes "再找一个能热饭的" from the remembered location, past what was shown', async () => {
    const first = await chat(t.app, { text: '哪里能喝水', channelUserId: 'rider-2' });
    const conversationId = first.conversationId;
    const shown = only(
      await chat(t.app, { conversationId, location: { lat: 39.9087, lng: 116.4605, coord: 'gcj02' } }),
    );
    const again = only(await chat(t.app, { conversationId, text: '再找一个能热饭的' }));
    expect(again.type).toBe('stations');
    for (const card of again.stations) {
      expect(card.amenities).toContain('microwave');
      expect(names(shown)).not.toContain(card.name);
    }
  });

  it('lets a place named in a follow-up win over the remembered location', async () => {
    const first = await chat(t.app, { location: { lat: 39.9087, lng: 116.4605, coord: 'gcj02' } });
    const again = only(await chat(t.app, { conversationId: first.conversationId, text: '再找一个天河区的' }));
    expect(again.type).toBe('stations');
    placeFirst(again, '天河区', '广州市');
  });

  it('asks which 朝阳区 (Beijing or Changchun), then searches the chosen one', async () => {
    const first = await chat(t.app, { text: '朝阳区附近有驿站吗' });
    const question = only(first);
    expect(question.type).toBe('text');
    const options = question.quickReplies.map((q: { label: string }) => q.label);
    expect(options).toEqual(expect.arrayContaining(['北京市朝阳区', '吉林省长春市朝阳区']));

    const chosen = question.quickReplies.find((q: { label: string }) => q.label === '吉林省长春市朝阳区');
    const answer = only(await chat(t.app, { conversationId: first.conversationId, text: chosen.text }));
    expect(answer.type).toBe('stations');
    expect(names(answer)).toEqual(expect.arrayContaining(['桂林路工会驿站', '红旗街户外劳动者服务站']));
    expect(answer.text).toContain('长春市朝阳区');
  });

  it('answers a typed district straight away with stations inside it', async () => {
    const body = await chat(t.app, { text: '天河区附近哪里能热饭' });
    const answer = only(body);
    expect(answer.type).toBe('stations');
    expect(names(answer)[0]).toMatch(/天河|珠江新城/);
    // 天河区's own station with a microwave, then the nearest in 广州 (越秀区's 北京路).
    placeFirst(answer, '天河区', '广州市');
    // Searched from the district's centre, not the worker: no distance presented as theirs; a
    // station outside the district says how far it is from the district, not from "you".
    for (const card of answer.stations) expect(card.distanceFrom).toBe('place');
    expect(answer.text).toMatch(/^离广东省广州市天河区最近、现在开着的驿站：1\. [^（]+（营业中/);
    expect(answer.text).toMatch(/北京路骑手驿站（距广东省广州市天河区 \d+(\.\d)? 公里，/);
    const again = only(await chat(t.app, { conversationId: body.conversationId, text: '再找一个' }));
    if (again.type === 'stations') for (const card of again.stations) expect(card.distanceFrom).toBe('place');
  });

  it('matches a typed landmark against station addresses', async () => {
    const asked = await chat(t.app, { text: '附近的工会驿站' });
    const answer = only(await chat(t.app, { conversationId: asked.conversationId, text: '我在望京' }));
    expect(answer.type).toBe('stations');
    expect(names(answer)[0]).toBe('望京街道工会驿站');
  });

  it('says so honestly when a named district has no stations, and suggests the nearest known', async () => {
    const answer = only(await chat(t.app, { text: '密云区哪里有驿站' }));
    expect(answer.type).toBe('stations');
    expect(answer.text).toContain('密云区还没有登记的驿站');
    expect(answer.stations[0].address).toContain('北京市');
  });

  it('treats a location with no flow active as a station search', async () => {
    const answer = only(await chat(t.app, { location: { lat: 31.2397, lng: 121.4998, coord: 'gcj02' } }));
    expect(answer.type).toBe('stations');
    expect(answer.stations[0].name).toBe('陆家嘴骑手暖心驿站');
  });

  it('refuses a shared location outside China with a clear reply', async () => {
    const answer = only(await chat(t.app, { location: { lat: 48.8566, lng: 2.3522, coord: 'wgs84' } }));
    expect(answer.type).toBe('text');
    expect(answer.text).toContain('不在中国境内');
  });

  it('lets a different question through while waiting for a location', async () => {
    const asked = await chat(t.app, { text: '附近哪里能充电' });
    const next = await chat(t.app, { conversationId: asked.conversationId, text: '老板拖欠工资怎么办？' });
    expect(next.replies[0]?.type).not.toBe('stations');
    expect(next.replies[0]?.text).not.toContain('发送我的位置');
  });

  it('speaks English to an English speaker, and understands the places it suggests typing', async () => {
    const asked = only(
      await chat(t.app, { channelUserId: 'en-rider', text: 'where is the nearest rest station?' }),
    );
    expect(asked.text).toContain('Share my location');
    // The question's own example: "Pudong Zhangjiang".
    expect(asked.text).toContain('Pudong Zhangjiang');
    const answer = only(await chat(t.app, { channelUserId: 'en-rider', text: 'Pudong Zhangjiang' }));
    expect(answer.type).toBe('stations');
    expect(answer.stations.length).toBeGreaterThan(0);
    placeFirst(answer, '浦东新区', '上海市');
    const direct = only(await chat(t.app, { text: 'where can I charge my phone in Tianhe District?' }));
    expect(direct.type).toBe('stations');
    placeFirst(direct, '天河区', '广州市');
  });
});
