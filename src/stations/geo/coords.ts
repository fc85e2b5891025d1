import gcoordModule from 'gcoord';
import type { CoordSystem } from '../../messages/messages.js';
import type { Result } from '../../platform/result.js';
import { gcj02ToBd09Point, wgs84ToGcj02 } from './china-offsets.js';

// gcoord is CommonJS whose typings declare an ES default export: under NodeNext the types see
// { default }, while Node hands over the object itself. Accept either.
type Gcoord = typeof gcoordModule.default;
const gcoord: Gcoord =
  (gcoordModule as unknown as { default?: Gcoord }).default ?? (gcoordModule as unknown as Gcoord);

export const COORD_SYSTEMS: readonly CoordSystem[] = ['wgs84', 'gcj02', 'bd09'];

export interface LatLng {
  lat: number;
  lng: number;
}

export type CoordResult = Result<LatLng, 'outside-china' | 'invalid'>;

/**
 * The box the GCJ-02 offset is defined over (the same one gcoord and the map vendors use).
 * Outside it GCJ-02 equals WGS-84 and there are no stations, so a point there is an input
 * mistake (swapped lat/lng, a test point in Europe) and is refused rather than searched.
 */
const CHINA = { minLat: 0.8293, maxLat: 55.8271, minLng: 72.004, maxLng: 137.8347 };

export function isInChina(lat: number, lng: number): boolean {
  return lat >= CHINA.minLat && lat <= CHINA.maxLat && lng >= CHINA.minLng && lng <= CHINA.maxLng;
}

const CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** Convert a point in any supported system to GCJ-02, the system stations are stored in. */
export function toGcj02(lat: number, lng: number, from: CoordSystem): CoordResult {
  return convert(lat, lng, from, 'gcj02');
}

export function convert(lat: number, lng: number, from: CoordSystem, to: CoordSystem): CoordResult {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return { ok: false, reason: 'invalid' };
  }
  if (!isInChina(lat, lng)) return { ok: false, reason: 'outside-china' };
  if (from === to) return { ok: true, value: { lat, lng } };
  if (from === 'wgs84' && to === 'gcj02') return { ok: true, value: wgs84ToGcj02(lat, lng) };
  if (from === 'gcj02' && to === 'bd09') return { ok: true, value: gcj02ToBd09Point(lat, lng) };
  const [outLng, outLat] = gcoord.transform([lng, lat], CRS[from], CRS[to]) as [number, number];
  return { ok: true, value: { lat: outLat, lng: outLng } };
}

/** GCJ-02 → BD-09 for Baidu links; stored points are already inside China. */
export function gcj02ToBd09(point: LatLng): LatLng {
  return gcj02ToBd09Point(point.lat, point.lng);
}
