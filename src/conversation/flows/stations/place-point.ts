import { type Region, type RegionIndex, regionIndex, resolvePlace } from '../../../regions/index.js';
import { PROVINCE_CAPITAL_CENTRES } from '../../../regions/province-centres.js';
import type { LatLng } from '../../../stations/geo/coords.js';
import { cityOfCode } from '../../../stations/search/station-city.js';
import type { Station } from '../../../stations/station.js';
import { placeWords } from './amenity-words.js';

/** Where a typed place puts the search. */
export type PlacePoint =
  | {
      kind: 'point';
      point: LatLng;
      /** How to name the place back to the worker. */
      label: string;
      /** The named division's (or street's, landmark's) own stations: shown first. */
      where?: (station: Station) => boolean;
      /** The place's city: its stations come before any other city's. */
      cityCode?: string;
    }
  /** A named division with no stations: search from its nearest ancestor's stations, or its capital. */
  | { kind: 'empty-region'; region: Region; point: LatLng; label: string; cityCode?: string }
  | { kind: 'ambiguous'; options: { label: string; text: string }[] }
  | { kind: 'unknown-region'; region: Region }
  | { kind: 'none' };

function centroid(stations: readonly Station[]): LatLng {
  let lat = 0;
  let lng = 0;
  for (const s of stations) {
    lat += s.lat;
    lng += s.lng;
  }
  return { lat: lat / stations.length, lng: lng / stations.length };
}

const inRegion = (index: RegionIndex, code: string) => (s: Station) =>
  !!s.regionCode && index.isWithin(s.regionCode, code);

/** A city to tell same-named places apart: the city, or the province for municipalities. */
function cityOf(index: RegionIndex, code: string | null | undefined): Region | undefined {
  if (!code) return undefined;
  return index.atLevel(code, 'city') ?? index.atLevel(code, 'province');
}

/**
 * Turn a typed place into a search point. Division names (区/县/街道) resolve through GB/T 2260
 * and sit at the centre of that division's stations; otherwise station names and addresses are
 * matched ("望京", "科技南路"). A name found in several cities is a question, not a guess.
 */
export function placePoint(
  text: string,
  stations: readonly Station[],
  index = regionIndex(),
  options: { answersWhere?: boolean } = {},
): PlacePoint {
  // Outside the answer to "where are you?", only a name marked as a place is one: "附近有没有能
  // 喝水的地方" holds 地方 (a town's name somewhere) and 附近, and asks for a location instead.
  const resolved = resolvePlace(text, index, { cueRequired: !options.answersWhere });
  const rest = placeWords(
    resolved.ok || resolved.reason === 'ambiguous' ? stripAll(text, resolved.matched) : text,
  );

  if (!resolved.ok && resolved.reason === 'ambiguous') {
    return {
      kind: 'ambiguous',
      options: resolved.candidates
        .slice(0, 5)
        .map((region) => ({ label: region.fullName, text: `${region.fullName}${rest}` })),
    };
  }
  if (resolved.ok) {
    const region = resolved.region;
    const within = stations.filter(inRegion(index, region.code));
    // "朝阳区桂林路": the street narrows the district's stations when it matches any.
    const narrowed =
      rest.length >= 2 ? within.filter((s) => s.address.includes(rest) || s.name.includes(rest)) : [];
    if (narrowed.length) {
      return {
        kind: 'point',
        point: centroid(narrowed),
        label: `${region.fullName}${rest}`,
        where: (s) => inRegion(index, region.code)(s) && (s.address.includes(rest) || s.name.includes(rest)),
        cityCode: cityOfCode(region.code, index)?.code,
      };
    }
    if (within.length)
      return {
        kind: 'point',
        point: centroid(within),
        label: region.fullName,
        where: inRegion(index, region.code),
        cityCode: cityOfCode(region.code, index)?.code,
      };
    for (const ancestor of index.chain(region.code).slice(1)) {
      const around = stations.filter(inRegion(index, ancestor.code));
      if (around.length)
        return {
          kind: 'empty-region',
          region,
          point: centroid(around),
          label: ancestor.fullName,
          cityCode: cityOfCode(region.code, index)?.code,
        };
    }
    const province = index.atLevel(region.code, 'province');
    const capital = province && PROVINCE_CAPITAL_CENTRES[province.code];
    if (capital) return { kind: 'empty-region', region, point: capital, label: province.fullName };
    return { kind: 'unknown-region', region };
  }

  if (rest.length < 2) return { kind: 'none' };
  const matches = stations.filter((s) => s.name.includes(rest) || s.address.includes(rest));
  if (!matches.length) return { kind: 'none' };
  const cities = new Map<string, Region>();
  for (const s of matches) {
    const city = cityOf(index, s.regionCode);
    if (city) cities.set(city.code, city);
  }
  if (cities.size > 1) {
    return {
      kind: 'ambiguous',
      options: [...cities.values()]
        .slice(0, 5)
        .map((city) => ({ label: `${city.fullName} ${rest}`, text: `${city.fullName}${rest}` })),
    };
  }
  const matched = new Set(matches.map((s) => s.id));
  return {
    kind: 'point',
    point: centroid(matches),
    label: rest,
    where: (s) => matched.has(s.id),
    cityCode: cityOfCode(matches[0]?.regionCode, index)?.code,
  };
}

function stripAll(text: string, words: readonly string[]): string {
  let out = text;
  for (const word of words) out = out.replace(word, ' ');
  return out;
}
