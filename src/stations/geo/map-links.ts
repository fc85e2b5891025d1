import { gcj02ToBd09, type LatLng } from './coords.js';

export interface MapLinks {
  amap: string;
  tencent: string;
  baidu: string;
}

/** How the worker gets there: on foot when it is close, on the e-bike beyond, by road far away. */
export type TravelMode = 'walk' | 'ride' | 'drive';

/** Walking beyond this (about 20 minutes on foot) is not what a rider with a bike would do. */
export const WALK_LIMIT_M = 1_500;
/** Past this an e-bike battery (and a rider's day) gives out: another city is a drive. */
export const RIDE_LIMIT_M = 30_000;

export function travelMode(distanceM: number): TravelMode {
  if (distanceM < WALK_LIMIT_M) return 'walk';
  return distanceM < RIDE_LIMIT_M ? 'ride' : 'drive';
}

/** Each app's own word for the mode (AMap uri `mode`, Tencent `type`, Baidu `mode`). */
const MODE_WORDS: Record<TravelMode, { amap: string; tencent: string; baidu: string }> = {
  walk: { amap: 'walk', tencent: 'walk', baidu: 'walking' },
  ride: { amap: 'ride', tencent: 'bike', baidu: 'riding' },
  drive: { amap: 'car', tencent: 'drive', baidu: 'driving' },
};

const APP = 'gongyou';
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The parts of a station's links that depend neither on the origin nor on the mode. */
interface StationParts {
  amapTo: string;
  tencentTo: string;
  baiduDestination: string;
}

/**
 * Stations are immutable (an edit makes a new object), so their parts are worked out once per
 * station object: the nearby endpoint would otherwise redo the URL encoding and the BD-09
 * conversion for every station of every answer.
 */
const partsCache = new WeakMap<object, StationParts>();

function stationParts(station: LatLng & { name: string }): StationParts {
  const cached = partsCache.get(station);
  if (cached) return cached;
  const name = encodeURIComponent(station.name);
  const lat = round(station.lat);
  const lng = round(station.lng);
  const bd = gcj02ToBd09(station);
  const parts = {
    amapTo: `to=${lng},${lat},${name}`,
    tencentTo: `to=${name}&tocoord=${lat},${lng}`,
    baiduDestination: `destination=latlng:${round(bd.lat)},${round(bd.lng)}|name:${name}`,
  };
  partsCache.set(station, parts);
  return parts;
}

/** Where the directions start: a point (BD-09, for Baidu) and what to call it. */
export interface MapOrigin {
  bd09: LatLng;
  /** "我的位置" only for the worker's shared position; a typed place goes by its own name. */
  name: string;
}

/**
 * Directions in each map app, in the coordinate system that app expects: AMap and Tencent take
 * GCJ-02 (AMap lng,lat; Tencent lat,lng), Baidu takes BD-09 (coord_type=bd09ll). AMap and Tencent
 * start from the phone's own position; Baidu's web URI needs an origin, so it gets the point the
 * search was made from, under the name the worker gave it.
 */
export function mapLinks(station: LatLng & { name: string }, origin: MapOrigin, mode: TravelMode): MapLinks {
  const parts = stationParts(station);
  const words = MODE_WORDS[mode];
  const from = `origin=latlng:${round(origin.bd09.lat)},${round(origin.bd09.lng)}|name:${encodeURIComponent(origin.name)}`;
  return {
    amap: `https://uri.amap.com/navigation?${parts.amapTo}&mode=${words.amap}&coordinate=gaode&callnative=1&src=${APP}`,
    tencent: `https://apis.map.qq.com/uri/v1/routeplan?type=${words.tencent}&${parts.tencentTo}&referer=${APP}`,
    baidu: `https://api.map.baidu.com/direction?${from}&${parts.baiduDestination}&mode=${words.baidu}&coord_type=bd09ll&output=html&src=${APP}`,
  };
}
