import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SEED_SAMPLE_DATA: 'true' });
  // 03:00 on a Thursday in China: only round-the-clock and overnight stations are open.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T19:00:00Z'));
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('stations chat at night', () => {
  it('never offers a closed station as open: only open ones when there are any', async () => {
    const reply = (await chat(t.app, { location: { lat: 39.9149, lng: 116.4111, coord: 'gcj02' } }))
      .replies[0]!;
    expect(reply.type).toBe('stations');
    // 王府井 (08:00-20:00) is the closest but shut; the open 24-hour ones come instead.
    expect(reply.stations.map((s: { name: string }) => s.name)).not.toContain('王府井工会驿站');
    for (const card of reply.stations) expect(card.openNow).toBe(true);
  });

  it('shows closed stations only when nothing is open in reach, and says so', async () => {
    // 西安 has one sample station, open 08:00-20:00.
    const reply = (
      await chat(t.app, { location: { lat: 34.2232, lng: 108.9482, coord: 'gcj02', label: '小寨' } })
    ).replies[0]!;
    expect(reply.type).toBe('stations');
    expect(reply.stations[0]).toMatchObject({
      name: '小寨户外劳动者服务站',
      openNow: false,
      hoursToday: '08:00-20:00',
    });
    expect(reply.text).toContain('现在都没开门');
    expect(reply.text).toContain('现在没开');
  });

  it('counts an overnight station as open after midnight', async () => {
    const reply = (await chat(t.app, { location: { lat: 31.2237, lng: 121.4462, coord: 'gcj02' } }))
      .replies[0]!;
    expect(reply.stations[0]).toMatchObject({
      name: '静安寺夜间驿站',
      openNow: true,
      hoursToday: '18:00-06:00',
    });
  });

  it('tells a WeChat user how to send a location when the button text arrives as text', async () => {
    const asked = await chat(t.app, { text: '哪里能上厕所' });
    const reply = (await chat(t.app, { conversationId: asked.conversationId, text: '发送我的位置' }))
      .replies[0]!;
    expect(reply.text).toContain('「位置」');
  });

  it('says when there is nothing more to find', async () => {
    const first = await chat(t.app, { location: { lat: 34.2232, lng: 108.9482, coord: 'gcj02' } });
    const conversationId = first.conversationId;
    let reply = first.replies[0]!;
    const seen = new Set<string>();
    for (let i = 0; i < 12 && reply.type === 'stations'; i++) {
      for (const card of reply.stations) {
        expect(seen.has(card.name)).toBe(false);
        seen.add(card.name);
      }
      reply = (await chat(t.app, { conversationId, text: '再找一个' })).replies[0]!;
    }
    expect(reply.type).toBe('text');
    expect(reply.text).toContain('没有更多');
  });
});
