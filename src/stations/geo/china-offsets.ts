// The two conversions a station search makes on every request, WGS-84 → GCJ-02 (a browser's
// point) and GCJ-02 → BD-09 (the Baidu link's origin), written out as gcoord computes them
// (gcoord 1.x, src/crs/GCJ02.ts and BD09.ts, MIT). gcoord.transform first inspects its input as
// GeoJSON, which cost about 8 µs a call, more than the k-nearest search itself.
// test/stations/coords.test.ts holds these equal to gcoord.transform.

/** A point, as coords.ts's LatLng (not imported: coords.ts imports this file). */
interface LatLng {
  lat: number;
  lng: number;
}

const { sin, cos, sqrt, abs, atan2, PI } = Math;
const A = 6378245;
const EE = 0.006693421622965823;
const BAIDU_FACTOR = (PI * 3000) / 180;

function transformLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  ret += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  ret += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  return ret;
}

/** A point inside China's box (callers check) from WGS-84 to GCJ-02. */
export function wgs84ToGcj02(lat: number, lng: number): LatLng {
  let dLon = transformLon(lng - 105, lat - 35);
  let dLat = transformLat(lng - 105, lat - 35);
  const radLat = (lat / 180) * PI;
  let magic = sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = sqrt(magic);
  dLon = (dLon * 180) / ((A / sqrtMagic) * cos(radLat) * PI);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  return { lat: lat + dLat, lng: lng + dLon };
}

export function gcj02ToBd09Point(lat: number, lng: number): LatLng {
  const z = sqrt(lng * lng + lat * lat) + 0.00002 * sin(lat * BAIDU_FACTOR);
  const theta = atan2(lat, lng) + 0.000003 * cos(lng * BAIDU_FACTOR);
  return { lat: z * sin(theta) + 0.006, lng: z * cos(theta) + 0.0065 };
}
