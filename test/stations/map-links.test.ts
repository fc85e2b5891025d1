import { describe, expect, it } from 'vitest';
import { gcj02ToBd09 } from '../../src/stations/geo/coords.js';
import { mapLinks, travelMode } from '../../src/stations/geo/map-links.js';

const STATION = { name: '陆家嘴骑手暖心驿站', lat: 31.2395, lng: 121.5003 };
const from = (name: string) => ({ bd09: gcj02ToBd09({ lat: 31.2237, lng: 121.4562 }), name });

describe('map links', () => {
  it('walks under 1.5 km, rides an e-bike under 30 km, drives beyond', () => {
    expect(travelMode(0)).toBe('walk');
    expect(travelMode(1_499)).toBe('walk');
    expect(travelMode(1_500)).toBe('ride');
    expect(travelMode(11_000)).toBe('ride');
    expect(travelMode(30_000)).toBe('drive');
  });

  it("uses each app's own word for the mode", () => {
    const ride = mapLinks(STATION, from('我的位置'), 'ride');
    expect(ride.amap).toContain('mode=ride');
    expect(ride.tencent).toContain('type=bike');
    expect(ride.baidu).toContain('mode=riding');
    const drive = mapLinks(STATION, from('我的位置'), 'drive');
    expect(drive.amap).toContain('mode=car');
    expect(drive.tencent).toContain('type=drive');
    expect(drive.baidu).toContain('mode=driving');
    const walk = mapLinks(STATION, from('我的位置'), 'walk');
    expect(walk.amap).toContain('mode=walk');
    expect(walk.baidu).toContain('mode=walking');
    // The station's own parts are cached per station: the mode must not leak between calls.
    expect(mapLinks(STATION, from('我的位置'), 'ride').amap).toContain('mode=ride');
  });

  it("names Baidu's start as the caller says: a typed place is not 我的位置", () => {
    const typed = decodeURIComponent(mapLinks(STATION, from('上海市徐汇区'), 'ride').baidu);
    expect(typed).toContain('|name:上海市徐汇区&');
    expect(typed).not.toContain('我的位置');
    expect(typed).toContain(`destination=latlng:`);
    expect(typed).toContain('|name:陆家嘴骑手暖心驿站&');
  });
});
