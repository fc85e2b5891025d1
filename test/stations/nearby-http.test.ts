import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SEED_SAMPLE_DATA: 'true' });
});
afterAll(() => t.close());

const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/stations/nearby?${query}` });

describe('GET /api/stations/nearby', () => {
  it('finds the nearest sample stations to Guomao, nearest first, with distances, hours and links', async () => {
    const response = await get('lat=39.9087&lng=116.4605&coord=gcj02&limit=3');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.count).toBe(3);
    const [first] = body.stations;
    expect(first.name).toBe('国贸CBD户外劳动者服务站');
    expect(first.distanceM).toBeLessThan(200);
    expect(first.openNow).toBe(true);
    expect(first.hoursToday).toBe('24小时');
    expect(first.source).toBe('sample');
    expect(first.walkMinutes).toBeGreaterThanOrEqual(1);
    const distances = body.stations.map((s: { distanceM: number }) => s.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // AMap and Tencent take GCJ-02 (the stored point); Baidu takes BD-09, which is offset north-east.
    expect(first.mapLinks.amap).toContain(`to=${first.lng},${first.lat},`);
    expect(first.mapLinks.amap).toContain('coordinate=gaode');
    expect(first.mapLinks.tencent).toContain(`tocoord=${first.lat},${first.lng}`);
    const bd = /destination=latlng:([\d.]+),([\d.]+)/.exec(first.mapLinks.baidu);
    expect(Number(bd?.[1])).toBeGreaterThan(first.lat + 0.004);
    expect(Number(bd?.[2])).toBeGreaterThan(first.lng + 0.005);
    expect(first.mapLinks.baidu).toContain('coord_type=bd09ll');
  });

  it('converts a WGS-84 point before searching (the same place gives the same station)', async () => {
    // 国贸 in WGS-84 is about 600 m south-west of its GCJ-02 point.
    const wgs = (await get('lat=39.90729&lng=116.45425&coord=wgs84&limit=1')).json();
    expect(wgs.stations[0].name).toBe('国贸CBD户外劳动者服务站');
    expect(wgs.origin.lat).toBeCloseTo(39.9087, 2);
  });

  it('filters by every amenity asked for, and by open now', async () => {
    const body = (
      await get('lat=39.95&lng=116.40&amenity=battery-swap&amenity=legal-help&limit=5&radius=50000')
    ).json();
    expect(body.stations.map((s: { name: string }) => s.name)).toEqual(['中关村骑手之家']);
    const open = (await get('lat=39.9336&lng=116.4547&limit=20&radius=3000&openNow=true')).json();
    expect(open.stations.every((s: { openNow: boolean }) => s.openNow)).toBe(true);
    expect(open.stations.map((s: { name: string }) => s.name)).not.toContain('三里屯爱心驿站');
  });

  it('shows a closed station as closed, never open', async () => {
    const body = (await get('lat=39.9336&lng=116.4547&limit=1')).json();
    expect(body.stations[0]).toMatchObject({
      name: '三里屯爱心驿站',
      openNow: false,
      hoursToday: '暂停开放',
      status: 'closed',
    });
  });

  it('answers in English when asked', async () => {
    const body = (await get('lat=39.9087&lng=116.4605&limit=1&locale=en')).json();
    expect(body.stations[0].hoursToday).toBe('24 hours');
    expect(body.stations[0].amenityLabels.microwave).toBe('microwave');
  });

  it.each([
    ['lat=48.85&lng=2.35', /outside China/],
    ['lat=116.4&lng=39.9', /lat/],
    ['lat=39.9&lng=116.4&limit=21', /limit/],
    ['lat=39.9&lng=116.4&coord=mercator', /coord/],
    ['lat=39.9&lng=116.4&amenity=sauna', /amenity/],
    ['lat=abc&lng=116.4', /lat/],
    ['lng=116.4', /lat/],
    ['lat=39.9&lng=116.4&radius=0', /radius/],
  ])('refuses %s with a clear 400', async (query, message) => {
    const response = await get(query);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.json().message).toMatch(message);
  });
});
