import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, loginBearer } from '../staff/staff-fixtures.js';

let t: TestApp;
let admin: Record<string, string>;
let agent: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp({ SEED_SAMPLE_DATA: 'true' });
  const offices = await createOffices(t.app);
  await createStaff(t.app, 'station-admin', 'admin', offices.a);
  await createStaff(t.app, 'station-agent', 'agent', offices.a);
  admin = await loginBearer(t.app, 'station-admin');
  agent = await loginBearer(t.app, 'station-agent');
});
afterAll(() => t.close());

const nearby = async (query: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/stations/nearby?${query}` })).json().stations as {
    id: string;
    name: string;
    openNow: boolean;
    hoursToday: string;
  }[];

const NEW_STATION = {
  name: '新开测试驿站',
  address: '上海市浦东新区陆家嘴街道测试路',
  lat: 31.2358,
  lng: 121.5051,
  coord: 'gcj02',
  amenities: ['water', 'microwave'],
  hours: '24h',
  source: 'test',
};

describe('staff station admin', () => {
  it('is closed to the public and to agents', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/staff/stations',
      payload: NEW_STATION,
    });
    expect(anonymous.statusCode).toBe(401);
    const asAgent = await t.app.inject({
      method: 'POST',
      url: '/api/staff/stations',
      headers: agent,
      payload: NEW_STATION,
    });
    expect(asAgent.statusCode).toBe(403);
  });

  it('adds a station, which the nearby search finds at once', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/staff/stations',
      headers: admin,
      payload: NEW_STATION,
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      name: '新开测试驿站',
      regionCode: expect.stringMatching(/^310115/),
      status: 'open',
    });
    const [first] = await nearby('lat=31.2358&lng=121.5051&limit=1');
    expect(first?.id).toBe(created.id);
  });

  it('edits, closes and reopens; a closed station is never shown as open', async () => {
    const [station] = await nearby('lat=31.2358&lng=121.5051&limit=1');
    const id = station!.id;
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/stations/${id}`,
      headers: admin,
      payload: { name: '新开测试驿站（改）', hours: 'daily 00:00-24:00' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().name).toBe('新开测试驿站（改）');

    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/stations/${id}/close`,
      headers: admin,
      payload: { note: '暴雨期间暂停开放' },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', statusNote: '暴雨期间暂停开放' });
    const [afterClose] = await nearby('lat=31.2358&lng=121.5051&limit=1');
    expect(afterClose).toMatchObject({ id, openNow: false, hoursToday: '暂停开放' });
    const openOnly = await nearby('lat=31.2358&lng=121.5051&limit=5&openNow=true');
    expect(openOnly.map((s) => s.id)).not.toContain(id);

    const reopened = await t.app.inject({
      method: 'POST',
      url: `/api/staff/stations/${id}/reopen`,
      headers: admin,
    });
    expect(reopened.json()).toMatchObject({ status: 'open', statusNote: null });
    const [afterReopen] = await nearby('lat=31.2358&lng=121.5051&limit=1');
    expect(afterReopen).toMatchObject({ id, openNow: true, hoursToday: '24小时' });
  });

  it('moves a station given in BD-09 and stores it in GCJ-02', async () => {
    const [station] = await nearby('lat=31.2358&lng=121.5051&limit=1');
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/stations/${station!.id}`,
      headers: admin,
      payload: { lat: 31.2418, lng: 121.5116, coord: 'bd09' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().lat).toBeLessThan(31.2418 - 0.004);
    expect(moved.json().lng).toBeLessThan(121.5116 - 0.004);
  });

  it('answers bad input with clear 4xx errors', async () => {
    const bad = async (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
      t.app.inject({ method, url, headers: admin, payload: payload as Record<string, unknown> });
    const outside = await bad('POST', '/api/staff/stations', { ...NEW_STATION, lat: 48.85, lng: 2.35 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toMatch(/outside China/);
    const hours = await bad('POST', '/api/staff/stations', { ...NEW_STATION, hours: 'sometimes' });
    expect(hours.statusCode).toBe(400);
    expect(
      (await bad('POST', '/api/staff/stations', { ...NEW_STATION, amenities: ['sauna'] })).statusCode,
    ).toBe(400);
    expect((await bad('PATCH', '/api/staff/stations/nope', { name: 'x' })).statusCode).toBe(404);
    const [station] = await nearby('lat=31.2358&lng=121.5051&limit=1');
    expect((await bad('PATCH', `/api/staff/stations/${station!.id}`, { lat: 31.2 })).statusCode).toBe(400);
    expect((await bad('PATCH', `/api/staff/stations/${station!.id}`, {})).statusCode).toBe(400);
    const duplicate = await bad('POST', '/api/staff/stations', {
      ...NEW_STATION,
      externalId: 'sample-bj-cy-001',
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('lists stations with filters', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/staff/stations?q=朝阳区',
      headers: admin,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBeGreaterThanOrEqual(5);
    expect(body.stations.every((s: { address: string }) => s.address.includes('朝阳区'))).toBe(true);
    const closed = (
      await t.app.inject({ method: 'GET', url: '/api/staff/stations?status=closed', headers: admin })
    ).json();
    expect(closed.stations.map((s: { name: string }) => s.name)).toContain('三里屯爱心驿站');
  });
});
