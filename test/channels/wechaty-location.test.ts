import { describe, expect, it } from 'vitest';
import {
  fromLocationPayload,
  fromLocationXml,
  fromMapLink,
  locationFromText,
} from '../../src/channels/wechaty/location.js';

describe('WeChat location parsing', () => {
  it('reads a wechaty Location payload as GCJ-02 with its name', () => {
    expect(
      fromLocationPayload({
        latitude: 39.995121,
        longitude: 116.334154,
        name: '成府路45号',
        address: '北京市海淀区',
      }),
    ).toEqual({
      ok: true,
      value: { lat: 39.995121, lng: 116.334154, coord: 'gcj02', label: '成府路45号' },
    });
  });

  it('falls back to the address when there is no name, and rejects 0,0', () => {
    const result = fromLocationPayload({
      latitude: 23.1,
      longitude: 113.3,
      name: '',
      address: '广州市天河区',
    });
    expect(result.ok && result.value.label).toBe('广州市天河区');
    expect(fromLocationPayload({ latitude: 0, longitude: 0 })).toEqual({
      ok: false,
      reason: 'empty location',
    });
  });

  it('reads the protocol XML with x as latitude and y as longitude', () => {
    const xml = `<?xml version="1.0"?>\n<msg>\n\t<location x="22.543096" y="114.057865" scale="15" label="广东省深圳市福田区福华路" maptype="0" poiname="福田站" poiid="" />\n</msg>`;
    expect(fromLocationXml(xml)).toEqual({
      ok: true,
      value: { lat: 22.543096, lng: 114.057865, coord: 'gcj02', label: '福田站' },
    });
  });

  it('rejects XML without coordinates or with coordinates out of range', () => {
    expect(fromLocationXml('<msg><location label="somewhere"/></msg>').ok).toBe(false);
    expect(fromLocationXml('<msg><location x="122.5" y="31.2"/></msg>')).toEqual({
      ok: false,
      reason: 'coordinates out of range',
    });
    expect(fromLocationXml('<msg><location x="abc" y="31.2"/></msg>').ok).toBe(false);
  });

  it('reads Amap (lng,lat), Tencent (lat,lng) and Baidu (BD-09) marker links', () => {
    const amap = fromMapLink(
      '我在这 https://uri.amap.com/marker?position=121.473701,31.230416&name=人民广场',
    );
    expect(amap).toEqual({
      ok: true,
      value: { lat: 31.230416, lng: 121.473701, coord: 'gcj02', label: '人民广场' },
    });
    const qq = fromMapLink(
      'https://apis.map.qq.com/uri/v1/marker?marker=coord:39.908823,116.39747;title:天安门&referer=x',
    );
    expect(qq).toEqual({
      ok: true,
      value: { lat: 39.908823, lng: 116.39747, coord: 'gcj02', label: '天安门' },
    });
    const baidu = fromMapLink(
      'http://api.map.baidu.com/marker?location=39.915,116.404&title=位置&output=html',
    );
    expect(baidu.ok && baidu.value.coord).toBe('bd09');
  });

  it('leaves ordinary text and other links alone', () => {
    expect(locationFromText('附近有驿站吗').ok).toBe(false);
    expect(locationFromText('看看这个 https://example.com/?position=1,2').ok).toBe(false);
  });
});
