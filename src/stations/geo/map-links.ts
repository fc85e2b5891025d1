import { gcj02ToBd09, type LatLng } from './coords.js';

export interface MapLinks {
  amap: string;
  tencent: string;
  baidu: string;
}

const APP = 'gongyou';
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The parts of a station's links that do not depend on where the search was made from. */
interface StationParts {
  amap: string;
  tencent: string;
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
    amap: `https://uri.amap.com/navigation?to=${lng},${lat},${name}&mode=walk&coordinate=gaode&callnative=1&src=${APP}`,
    tencent: `https://apis.map.qq.com/uri/v1/routeplan?type=walk&to=${name}&tocoord=${lat},${lng}&referer=${APP}`,
    baiduDestination: `&destination=latlng:${round(bd.lat)},${round(bd.lng)}|name:${name}&mode=walking&coord_type=bd09ll&output=html&src=${APP}`,
  };
  partsCache.set(station, parts);
  return parts;
}

const MY_POSITION = encodeURIComponent('我的位置');

/**
 * Walking directions in each map app, in the coordinate system that app expects: AMap and
 * Tencent take GCJ-02 (AMap lng,lat; Tencent lat,lng), Baidu takes BD-09 (coord_type=bd09ll).
 * AMap and Tencent start from the phone's own position; Baidu's web URI needs an origin, so it
 * gets the point the search was made from (converted once per search by the caller).
 */
export function mapLinks(station: LatLng & { name: string }, originBd09: LatLng): MapLinks {
  const parts = stationParts(station);
  return {
    amap: parts.amap,
    tencent: parts.tencent,
    baidu: `https://api.map.baidu.com/direction?origin=latlng:${round(originBd09.lat)},${round(originBd09.lng)}|name:${MY_POSITION}${parts.baiduDestination}`,
  };
}
