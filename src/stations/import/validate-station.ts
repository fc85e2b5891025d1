import type { CoordSystem } from '../../messages/messages.js';
import { regionIndex } from '../../regions/index.js';
import { type Amenity, isAmenity } from '../amenities.js';
import { toGcj02 } from '../geo/coords.js';
import { checkHoursSpec, type HoursSpec, parseHours } from '../hours/hours-spec.js';
import { STATION_STATUSES, type StationStatus } from '../hours/opening-hours.js';
import type { StationInput } from '../station.js';
import { addressRegion } from './address-region.js';

/** A station as a file row or a request body gives it: strings, numbers, arrays, loose names. */
export type RawStation = Record<string, unknown>;

export type StationCheck = { ok: true; station: StationInput } | { ok: false; errors: string[] };

const PHONE = /^(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8}(?:-\d{1,6})?|12351|12333)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function pick(raw: RawStation, ...names: string[]): unknown {
  for (const name of names)
    if (raw[name] !== undefined && raw[name] !== null && raw[name] !== '') return raw[name];
  return undefined;
}

function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const out = String(value).trim();
  return out || undefined;
}

function amenitiesOf(value: unknown, errors: string[]): Amenity[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value.map(String) : String(value).split(/[|,;，、\s]+/);
  const out: Amenity[] = [];
  for (const item of list.map((s) => s.trim()).filter(Boolean)) {
    if (isAmenity(item)) out.includes(item) || out.push(item);
    else errors.push(`unknown amenity "${item}"`);
  }
  return out;
}

function hoursOf(value: unknown, errors: string[]): HoursSpec | undefined {
  if (value === undefined) {
    errors.push('hours are missing');
    return undefined;
  }
  const parsed = typeof value === 'object' ? checkHoursSpec(value) : parseHours(String(value));
  if (!parsed.ok) errors.push(parsed.reason);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Check one station and bring it into stored form: point converted to GCJ-02, region code checked
 * against GB/T 2260 (or found from the address), hours parsed. Every problem is listed, not just the first.
 */
export function validateStation(
  raw: RawStation,
  coord: CoordSystem,
  defaults: { source?: string } = {},
): StationCheck {
  const errors: string[] = [];
  const externalId = text(pick(raw, 'externalId', 'external_id', 'id'));
  const name = text(pick(raw, 'name'));
  const address = text(pick(raw, 'address'));
  if (!externalId) errors.push('external id is missing');
  else if (externalId.length > 100) errors.push('external id is longer than 100 characters');
  if (!name) errors.push('name is missing');
  if (!address) errors.push('address is missing');
  if ((name?.length ?? 0) > 200 || (address?.length ?? 0) > 300) errors.push('name or address is too long');

  const lat = Number(pick(raw, 'lat', 'latitude'));
  const lng = Number(pick(raw, 'lng', 'lon', 'longitude'));
  let point: { lat: number; lng: number } | undefined;
  if (pick(raw, 'lat', 'latitude') === undefined || pick(raw, 'lng', 'lon', 'longitude') === undefined) {
    errors.push('lat/lng are missing');
  } else {
    const converted = toGcj02(lat, lng, coord);
    if (converted.ok) point = converted.value;
    else
      errors.push(
        converted.reason === 'outside-china'
          ? `point ${lat},${lng} is outside China`
          : `lat/lng "${String(raw.lat)}","${String(raw.lng)}" are not numbers in range`,
      );
  }

  let regionCode = text(pick(raw, 'regionCode', 'region_code'));
  if (regionCode) {
    const region = regionIndex().get(regionCode);
    if (!region) errors.push(`region code ${regionCode} is not a GB/T 2260 division`);
    else regionCode = region.code;
  } else if (address) {
    regionCode = addressRegion(address);
  }

  const amenities = amenitiesOf(pick(raw, 'amenities'), errors);
  const hours = hoursOf(pick(raw, 'hours', 'opening_hours'), errors);

  const phone = text(pick(raw, 'phone'));
  if (phone && !PHONE.test(phone)) errors.push(`phone "${phone}" is not a Chinese phone number`);
  const status = text(pick(raw, 'status')) ?? 'open';
  if (!(STATION_STATUSES as readonly string[]).includes(status))
    errors.push(`status "${status}" is not open, closed or temporary`);
  const lastVerified = text(pick(raw, 'lastVerified', 'last_verified'));
  if (lastVerified && (!DATE.test(lastVerified) || Number.isNaN(Date.parse(lastVerified)))) {
    errors.push(`last verified "${lastVerified}" is not a YYYY-MM-DD date`);
  }
  const source = text(pick(raw, 'source')) ?? defaults.source;
  if (!source) errors.push('source is missing');

  if (errors.length || !point || !hours) return { ok: false, errors };
  return {
    ok: true,
    station: {
      externalId: externalId as string,
      name: name as string,
      address: address as string,
      lat: point.lat,
      lng: point.lng,
      regionCode: regionCode ?? null,
      amenities,
      hours,
      phone: phone ?? null,
      operator: text(pick(raw, 'operator')) ?? null,
      status: status as StationStatus,
      statusNote: text(pick(raw, 'statusNote', 'status_note')) ?? null,
      lastVerified: lastVerified ?? null,
      source: source as string,
    },
  };
}
