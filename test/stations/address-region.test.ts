import { describe, expect, it } from 'vitest';
import { addressRegion } from '../../src/stations/import/address-region.js';
import { validateStation } from '../../src/stations/import/validate-station.js';

describe("a station's division from its address", () => {
  it('keeps the district when the address names two of its streets', () => {
    // 静安寺街道 and the road 南京西路 (also 南京西路街道): both in 静安区.
    expect(addressRegion('上海市静安区静安寺街道南京西路')).toBe('310106');
  });

  it('keeps a single street when the address is sure of it', () => {
    expect(addressRegion('上海市徐汇区徐家汇街道虹桥路')).toBe('310104014');
  });

  it('knows no division when the readings lie in different cities', () => {
    expect(addressRegion('朝阳区')).toBeUndefined();
  });

  it('gives an imported station with such an address its district', () => {
    const checked = validateStation(
      {
        external_id: 'ja-1',
        name: '静安寺夜间驿站',
        address: '上海市静安区静安寺街道南京西路',
        lat: 31.2237,
        lng: 121.4462,
        hours: '18:00-06:00',
        source: 'test',
      },
      'gcj02',
    );
    expect(checked.ok && checked.station.regionCode).toBe('310106');
  });
});
