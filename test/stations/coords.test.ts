import gcoordModule from 'gcoord';
import { describe, expect, it } from 'vitest';
import { gcj02ToBd09Point, wgs84ToGcj02 } from '../../src/stations/geo/china-offsets.js';
import { convert, isInChina, toGcj02 } from '../../src/stations/geo/coords.js';
import { haversineM } from '../../src/stations/geo/haversine.js';

// An independent implementation of the published GCJ-02 obfuscation (the widely reproduced
// "eviltransform" formula, Krasovsky 1940 ellipsoid) to check gcoord against.
const A = 6378245.0;
const EE = 0.006693421622965943;
function tLat(x: number, y: number) {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}
function tLng(x: number, y: number) {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}
function referenceWgsToGcj(lat: number, lng: number) {
  let dLat = tLat(lng - 105.0, lat - 35.0);
  let dLng = tLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

const X_PI = (Math.PI * 3000.0) / 180.0;
function referenceGcjToBd(lat: number, lng: number) {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 };
}

const point = (result: ReturnType<typeof convert>) => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('coordinate systems', () => {
  it.each([
    ['Beijing, Tiananmen', 39.908692, 116.397477],
    ['Shanghai, the Bund', 31.2397, 121.4906],
    ['Guangzhou, Tianhe', 23.1357, 113.3215],
    ['Chengdu, Chunxi Road', 30.6532, 104.0781],
    ['Urumqi', 43.8256, 87.6168],
  ])('WGS-84 → GCJ-02 matches the published formula at %s', (_name, lat, lng) => {
    const got = point(toGcj02(lat, lng, 'wgs84'));
    const want = referenceWgsToGcj(lat, lng);
    expect(haversineM(got.lat, got.lng, want.lat, want.lng)).toBeLessThan(0.01);
    // The offset itself is hundreds of metres: a conversion that did nothing would fail here.
    expect(haversineM(lat, lng, got.lat, got.lng)).toBeGreaterThan(100);
  });

  it("GCJ-02 → BD-09 matches Baidu's published bd_encrypt formula (Tiananmen)", () => {
    const bd = point(convert(39.90923, 116.397428, 'gcj02', 'bd09'));
    const want = referenceGcjToBd(39.90923, 116.397428);
    expect(haversineM(bd.lat, bd.lng, want.lat, want.lng)).toBeLessThan(0.01);
    // BD-09 sits roughly 600 m north-east of GCJ-02 around Beijing.
    expect(bd.lat - 39.90923).toBeGreaterThan(0.005);
    expect(bd.lng - 116.397428).toBeGreaterThan(0.006);
    const back = point(toGcj02(bd.lat, bd.lng, 'bd09'));
    expect(haversineM(back.lat, back.lng, 39.90923, 116.397428)).toBeLessThan(1);
  });

  it('round-trips WGS-84 → GCJ-02 → WGS-84 and WGS-84 → BD-09 → WGS-84 within a metre', () => {
    for (const [lat, lng] of [
      [22.5431, 114.0579],
      [45.8038, 126.535],
      [29.652, 91.1721],
    ] as const) {
      const gcj = point(convert(lat, lng, 'wgs84', 'gcj02'));
      const wgs = point(convert(gcj.lat, gcj.lng, 'gcj02', 'wgs84'));
      expect(haversineM(lat, lng, wgs.lat, wgs.lng)).toBeLessThan(1);
      const bd = point(convert(lat, lng, 'wgs84', 'bd09'));
      const wgs2 = point(convert(bd.lat, bd.lng, 'bd09', 'wgs84'));
      expect(haversineM(lat, lng, wgs2.lat, wgs2.lng)).toBeLessThan(1);
    }
  });

  it('leaves a GCJ-02 point alone when it is already GCJ-02', () => {
    expect(point(toGcj02(31.2304, 121.4737, 'gcj02'))).toEqual({ lat: 31.2304, lng: 121.4737 });
  });

  it('refuses points outside China and impossible points', () => {
    expect(isInChina(39.9, 116.4)).toBe(true);
    expect(toGcj02(48.8566, 2.3522, 'wgs84')).toEqual({ ok: false, reason: 'outside-china' });
    expect(toGcj02(-33.86, 151.2, 'wgs84')).toEqual({ ok: false, reason: 'outside-china' });
    // lat and lng swapped: 116 is not a latitude.
    expect(toGcj02(116.4, 39.9, 'gcj02')).toEqual({ ok: false, reason: 'invalid' });
    expect(toGcj02(Number.NaN, 116.4, 'wgs84')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('the hot-path conversions written out (china-offsets.ts)', () => {
  it('equal gcoord.transform for WGS-84 → GCJ-02 and GCJ-02 → BD-09 all over China', () => {
    // CommonJS with an ES default in its typings (as coords.ts explains): accept either shape.
    type Gcoord = typeof gcoordModule.default;
    const gcoord: Gcoord =
      (gcoordModule as unknown as { default?: Gcoord }).default ?? (gcoordModule as unknown as Gcoord);
    let compared = 0;
    for (let lat = 1; lat < 55.8; lat += 0.37) {
      for (let lng = 72.1; lng < 137.8; lng += 0.53) {
        const [gLng, gLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
        expect(wgs84ToGcj02(lat, lng)).toEqual({ lat: gLat, lng: gLng });
        const [bLng, bLat] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.BD09) as [number, number];
        expect(gcj02ToBd09Point(lat, lng)).toEqual({ lat: bLat, lng: bLng });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(15_000);
  });
});
