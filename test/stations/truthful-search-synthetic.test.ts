import { beforeAll, describe, expect, it } from 'vitest';
import type { Amenity } from '../../src/stations/amenities.js';
import { haversineM } from '../../src/stations/geo/haversine.js';
import { RIDE_LIMIT_M, WALK_LIMIT_M } from '../../src/stations/geo/map-links.js';
import { chinaNow } from '../../src/stations/hours/china-time.js';
import { hoursNow } from '../../src/stations/hours/opening-hours.js';
import { findStations, type SearchOutcome } from '../../src/stations/search/find-stations.js';
import { cityOfCode } from '../../src/stations/search/station-city.js';
import type { Station } from '../../src/stations/station.js';
import type { StationRepo } from '../../src/stations/station-repo.js';
import { createStationService, type StationService } from '../../src/stations/station-service.js';
import { generateStations, random } from '../../src/stations/synthetic/generate-stations.js';

// The search against a scan of every station, on the 200k synthetic set the bench uses.
const STATIONS = generateStations(200_000, 1);
const CITY = STATIONS.map((s) => cityOfCode(s.regionCode)?.code);
const TIMES = ['2026-12-02T04:00:00Z', '2026-12-02T15:00:00Z', '2026-12-02T19:00:00Z'].map(
  (t) => new Date(t),
);
/** Open or not at each time, worked out once per station. */
const OPEN = TIMES.map((now) => {
  const china = chinaNow(now);
  return STATIONS.map((s) => hoursNow(s.compiledHours, s.status, china).openNow);
});
const NEEDS: Amenity[][][] = [[], [['water']], [['charging', 'battery-swap']], [['microwave'], ['toilet']]];

let service: StationService;
beforeAll(async () => {
  // The service as the app builds it, over the generated set instead of a database.
  const repo = { all: async () => STATIONS } as unknown as StationRepo;
  service = createStationService(repo);
  await service.reload();
}, 120_000);

interface Query {
  lat: number;
  lng: number;
  cityCode?: string;
  needs: Amenity[][];
  time: number;
  radiusM: number;
}

const meets = (s: Station, needs: Amenity[][]) =>
  needs.every((group) => group.some((a) => s.amenities.includes(a)));

/** Every station's distance from the query point: the scan the index must agree with. */
function distances(q: Query): Float64Array {
  return Float64Array.from(STATIONS, (s) => haversineM(q.lat, q.lng, s.lat, s.lng));
}

/** The nearest station passing a test, however far. */
function nearestWhere(d: Float64Array, test: (i: number) => boolean): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < d.length; i++)
    if (test(i) && (best === undefined || (d[i] as number) < (d[best] as number))) best = i;
  return best;
}

const CLUSTERED = STATIONS.filter((s) => s.regionCode);
const SCATTERED = STATIONS.filter((s) => !s.regionCode);

function queries(): Query[] {
  const next = random(5);
  const pick = (from: readonly Station[]) => from[Math.floor(next() * from.length)] as Station;
  const out: Query[] = [];
  for (let n = 0; n < 60; n++) {
    const time = Math.floor(next() * TIMES.length);
    const needs = NEEDS[n % NEEDS.length] as Amenity[][];
    if (n % 2 === 0) {
      // A shared point in a city, up to ~3 km from a station; or a typed place in a city, up to
      // ~25 km out, where stations of no city (or, nearer, none of the city's) compete.
      const s = pick(CLUSTERED);
      const typed = n % 4 === 0;
      const spread = typed ? 0.5 : 0.05;
      out.push({
        lat: s.lat + (next() - 0.5) * spread,
        lng: s.lng + (next() - 0.5) * spread,
        cityCode: typed ? cityOfCode(s.regionCode)?.code : undefined,
        needs,
        time,
        radiusM: 20_000,
      });
    } else {
      // Out in the country stations are sparse: a short reach makes "none open" and "far" happen.
      const s = pick(SCATTERED);
      const radiusM = n % 4 === 1 ? 2_000 : 6_000;
      out.push({
        lat: s.lat + (next() - 0.5) * 0.2,
        lng: s.lng + (next() - 0.5) * 0.2,
        needs,
        time,
        radiusM,
      });
    }
  }
  return out;
}

describe('truthful search on 200k synthetic stations', () => {
  it('lists the nearest in the city first, other cities only when the city has none in reach, and says "none open" only when true', () => {
    const seen = new Map<SearchOutcome, number>();
    for (const q of queries()) {
      const now = TIMES[q.time] as Date;
      const open = OPEN[q.time] as boolean[];
      const found = findStations(service, {
        point: { lat: q.lat, lng: q.lng },
        needs: q.needs,
        cityCode: q.cityCode,
        now,
        radiusM: q.radiusM,
      });
      seen.set(found.outcome, (seen.get(found.outcome) ?? 0) + 1);
      const d = distances(q);
      const inCity = (i: number) => !q.cityCode || CITY[i] === q.cityCode;
      const reach: { i: number; d: number }[] = [];
      for (let i = 0; i < d.length; i++)
        if ((d[i] as number) <= q.radiusM && inCity(i)) reach.push({ i, d: d[i] as number });
      reach.sort((a, b) => a.d - b.d);
      const openWithNeeds = reach.filter((e) => open[e.i] && meets(STATIONS[e.i] as Station, q.needs));
      const dist = found.results.map((r) => r.distanceM);

      // Nearest first, each within a metre of the scan's answer at that rank.
      if (openWithNeeds.length) {
        expect(found.outcome).toBe('open');
        expect(dist).toEqual(openWithNeeds.slice(0, 3).map((e) => Math.round(e.d)));
      } else {
        expect(found.outcome).not.toBe('open');
      }
      if (found.outcome === 'all-closed') {
        for (const r of found.results) expect(r.hours.openNow).toBe(false);
        // The closest open one that has what was asked, however far (any open one if none has it).
        const closest =
          nearestWhere(d, (i) => !!open[i] && meets(STATIONS[i] as Station, q.needs)) ??
          nearestWhere(d, (i) => !!open[i]);
        if (closest !== undefined)
          expect(found.closestOpen?.distanceM).toBe(Math.round(d[closest] as number));
      }
      // Another city's station only when the city has nothing at all in reach.
      const otherCity = found.results.filter((r) => q.cityCode && r.city?.code !== q.cityCode);
      if (otherCity.length) expect(reach).toHaveLength(0);
      // The target: never another city's station before a nearer one in the city.
      found.results.forEach((r, i) => {
        if (!q.cityCode || r.city?.code === q.cityCode) return;
        for (const later of found.results.slice(i + 1))
          if (later.city?.code === q.cityCode) expect(later.distanceM).toBeGreaterThanOrEqual(r.distanceM);
      });
      for (const r of found.results) {
        if (found.outcome === 'open') expect(meets(r.station, q.needs)).toBe(true);
        const mode = r.distanceM < WALK_LIMIT_M ? 'walk' : r.distanceM < RIDE_LIMIT_M ? 'ride' : 'drive';
        expect(r.travelMode).toBe(mode);
      }
    }
    // The set and the reaches make each answer happen: the checks above were all exercised.
    for (const outcome of ['open', 'all-closed', 'far'] as const)
      expect(seen.get(outcome) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
