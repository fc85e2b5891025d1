import type { CoordSystem, GeoPoint } from '../../messages/messages.js';
import type { Result } from '../../platform/result.js';

// Where a WeChat location comes from depends on the puppet: a structured Location payload,
// the protocol's `<location x=… y=…>` XML as message text, or a shared map link. WeChat's own
// map uses GCJ-02; Baidu links say BD-09 unless they state otherwise.

export type LocationResult = Result<GeoPoint>;

function point(lat: number, lng: number, coord: CoordSystem, label?: string): LocationResult {
  if (!Number.isFinite(lat) || !Number.isFinite(lng))
    return { ok: false, reason: 'coordinates are not numbers' };
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return { ok: false, reason: 'coordinates out of range' };
  // 0,0 is what some puppets send when the location is unavailable.
  if (lat === 0 && lng === 0) return { ok: false, reason: 'empty location' };
  const name = label?.trim();
  return { ok: true, value: { lat, lng, coord, ...(name ? { label: name.slice(0, 200) } : {}) } };
}

/** A wechaty Location payload (message.toLocation()). */
export function fromLocationPayload(payload: {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}): LocationResult {
  return point(payload.latitude, payload.longitude, 'gcj02', payload.name || payload.address);
}

const XML_LOCATION = /<location\b([^>]*)\/?>/i;
const attribute = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** The personal-WeChat protocol's XML: x is the latitude, y the longitude. */
export function fromLocationXml(text: string): LocationResult {
  const match = XML_LOCATION.exec(text);
  if (!match?.[1]) return { ok: false, reason: 'no <location> element' };
  const attrs = match[1];
  const x = attribute(attrs, 'x');
  const y = attribute(attrs, 'y');
  if (x === undefined || y === undefined) return { ok: false, reason: 'location without x/y' };
  return point(Number(x), Number(y), 'gcj02', attribute(attrs, 'poiname') || attribute(attrs, 'label'));
}

/** A shared marker link from Amap, Tencent Maps or Baidu Maps. */
export function fromMapLink(text: string): LocationResult {
  const found = /https?:\/\/[^\s"'<>]+/.exec(text)?.[0];
  if (!found) return { ok: false, reason: 'no link' };
  let url: URL;
  try {
    url = new URL(found.replaceAll('&amp;', '&'));
  } catch {
    return { ok: false, reason: 'not a valid link' };
  }
  const q = url.searchParams;
  const pair = (value: string | null, separator: string | RegExp) =>
    (value ?? '').split(separator).map(Number);

  if (url.hostname.endsWith('amap.com') && q.get('position')) {
    const [lng = NaN, lat = NaN] = pair(q.get('position'), ',');
    return point(lat, lng, 'gcj02', q.get('name') ?? undefined);
  }
  if (url.hostname.endsWith('map.qq.com')) {
    const marker = /coord:([-\d.]+),([-\d.]+)/.exec(q.get('marker') ?? '');
    if (marker)
      return point(
        Number(marker[1]),
        Number(marker[2]),
        'gcj02',
        /title:([^;]+)/.exec(q.get('marker') ?? '')?.[1],
      );
    if (q.get('pointx') && q.get('pointy')) {
      return point(Number(q.get('pointy')), Number(q.get('pointx')), 'gcj02', q.get('name') ?? undefined);
    }
  }
  if (url.hostname.endsWith('map.baidu.com') && q.get('location')) {
    const [lat = NaN, lng = NaN] = pair(q.get('location'), ',');
    const type = q.get('coord_type') ?? 'bd09ll';
    const coord: CoordSystem = type === 'gcj02' ? 'gcj02' : type === 'wgs84' ? 'wgs84' : 'bd09';
    return point(lat, lng, coord, q.get('title') ?? undefined);
  }
  return { ok: false, reason: 'not a map marker link' };
}

/** Text that is really a location (protocol XML or a map link), or a failure for ordinary text. */
export function locationFromText(text: string): LocationResult {
  const xml = fromLocationXml(text);
  return xml.ok ? xml : fromMapLink(text);
}
