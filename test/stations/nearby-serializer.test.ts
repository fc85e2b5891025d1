import fastJson from 'fast-json-stringify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NearbyResponseSchema } from '../../src/stations/routes/nearby-schemas.js';
import { stationFields } from '../../src/stations/station.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SEED_SAMPLE_DATA: 'true' });
  // Answered once before the edit below, so a station's JSON written then must not outlive it.
  await t.app.inject({ method: 'GET', url: '/api/stations/nearby?lat=39.9087&lng=116.4605&limit=1' });
  // No sample station lists a phone: one does here, the way a staff edit puts it in the index.
  const guomao = t.app.stations.index.nearest(39.9087, 116.4605, { limit: 1 })[0];
  if (!guomao) throw new Error('no sample station near Guomao');
  t.app.stations.put({
    ...stationFields(guomao),
    phone: '010-6500 0000',
    compiledHours: guomao.compiledHours,
  });
});
afterAll(() => t.close());

// The route writes its answer's text itself (nearby-json.ts, a station's fixed fields once)
// rather than through the serializer compiled from its response schema: the text must be the one
// the schema's serializer writes (same fields, same order, nothing extra), for stations with and
// without phone, operator, city and status note, in both locales, and after a station is edited.
describe('the nearby answer as JSON', () => {
  const schemaSerializer = fastJson(NearbyResponseSchema as never);
  const queries = [
    'lat=39.9087&lng=116.4605&coord=gcj02&limit=20&radius=200000',
    'lat=31.2304&lng=121.4737&coord=wgs84&limit=20&radius=200000',
    'lat=22.5431&lng=114.0579&coord=bd09&limit=20&locale=en',
    'lat=30.5928&lng=114.3055&limit=20&openNow=true',
    'lat=39.95&lng=116.40&amenity=battery-swap&limit=5&radius=50000',
    'lat=23.1291&lng=113.2644&anyAmenity=charging&anyAmenity=battery-swap&limit=10',
  ];

  it.each(queries)('is what the schema serializer writes: %s', async (query) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/stations/nearby?${query}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = response.json();
    expect(body.count).toBeGreaterThan(0);
    expect(response.body).toBe(schemaSerializer(body));
  });

  it('covers stations with a phone, an operator, a status note and a city', async () => {
    const seen = { phone: false, operator: false, statusNote: false, city: false };
    for (const query of queries) {
      const body = (await t.app.inject({ method: 'GET', url: `/api/stations/nearby?${query}` })).json();
      for (const station of body.stations) {
        for (const key of Object.keys(seen) as (keyof typeof seen)[])
          if (station[key] !== null) seen[key] = true;
      }
    }
    expect(seen).toEqual({ phone: true, operator: true, statusNote: true, city: true });
    const edited = (
      await t.app.inject({ method: 'GET', url: '/api/stations/nearby?lat=39.9087&lng=116.4605&limit=1' })
    ).json();
    expect(edited.stations[0].phone).toBe('010-6500 0000');
  });
});
