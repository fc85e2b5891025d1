import { seededRandom } from '../../platform/seeded-random.js';
import { PROVINCE_CAPITAL_CENTRES } from '../../regions/province-centres.js';
import { AMENITIES, type Amenity } from '../amenities.js';
import type { HoursSpec } from '../hours/hours-spec.js';
import { compileHours } from '../hours/opening-hours.js';
import type { Station } from '../station.js';

/** Source label of generated rows: benchmark data, never to be mistaken for real stations. */
export const SYNTHETIC_SOURCE = 'synthetic-benchmark';

/** The seeded generator the synthetic set is drawn with (tests and the bench share it). */
export { seededRandom as random };

const HOURS: HoursSpec[] = [
  { always: true },
  {
    week: Object.fromEntries(
      ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, ['08:00-20:00']]),
    ),
  },
  {
    week: {
      mon: ['07:00-21:00'],
      tue: ['07:00-21:00'],
      wed: ['07:00-21:00'],
      thu: ['07:00-21:00'],
      fri: ['07:00-21:00'],
    },
    holidays: 'closed',
  },
  {
    week: Object.fromEntries(
      ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, ['18:00-06:00']]),
    ),
  },
];
const COMPILED = HOURS.map(compileHours);
const CITIES = Object.entries(PROVINCE_CAPITAL_CENTRES).map(([province, centre]) => ({
  ...centre,
  regionCode: capitalCityCode(province),
}));

/**
 * The capital's GB/T 2260 city code: the province's first city (4401 广州, 4201 武汉), or the
 * province itself for the four municipalities and for 台湾、香港、澳门, which list no cities.
 */
function capitalCityCode(province: string): string {
  return ['11', '12', '31', '50', '71', '81', '82'].includes(province.slice(0, 2))
    ? province
    : `${province.slice(0, 2)}0100`;
}

/**
 * A benchmark set shaped like the real one: most stations clustered around cities (about ±30 km,
 * each carrying its city's code), the rest spread over eastern and central China. Points are
 * GCJ-02; ids and points are stable per seed.
 */
export function generateStations(count: number, seed = 1): Station[] {
  const next = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
  const out: Station[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let lat: number;
    let lng: number;
    // Stations round a city are that city's; the scattered rest lie in no known division.
    let regionCode: string | null = null;
    if (next() < 0.85) {
      const city = CITIES[Math.floor(next() * CITIES.length)]!;
      lat = city.lat + gauss() * 0.15;
      lng = city.lng + gauss() * 0.18;
      regionCode = city.regionCode;
    } else {
      lat = 22 + next() * 18;
      lng = 102 + next() * 20;
    }
    const amenities: Amenity[] = AMENITIES.filter(() => next() < 0.45);
    const hoursIndex = Math.floor(next() * HOURS.length);
    const roll = next();
    out[i] = {
      id: `syn-${seed}-${i}`,
      externalId: `syn-${seed}-${i}`,
      name: `合成驿站 ${i}`,
      address: `合成地址 ${i}`,
      lat: Math.round(lat * 1e6) / 1e6,
      lng: Math.round(lng * 1e6) / 1e6,
      regionCode,
      amenities,
      hours: HOURS[hoursIndex]!,
      compiledHours: COMPILED[hoursIndex]!,
      phone: null,
      operator: null,
      status: roll < 0.03 ? 'closed' : roll < 0.05 ? 'temporary' : 'open',
      statusNote: null,
      lastVerified: null,
      source: SYNTHETIC_SOURCE,
    };
  }
  return out;
}
