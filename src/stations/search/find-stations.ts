import type { Region } from '../../regions/index.js';
import type { Amenity } from '../amenities.js';
import type { LatLng } from '../geo/coords.js';
import type { Station } from '../station.js';
import type { NearbyQuery, NearbyResult, StationService } from '../station-service.js';
import { cityOfCode } from './station-city.js';

/** How far "nearby" reaches for a rider on an e-bike. */
export const NEARBY_RADIUS_M = 20_000;
export const DEFAULT_RESULTS = 3;

export type SearchOutcome =
  /** Open stations with what was asked for, nearest first. */
  | 'open'
  /** The typed place's own station is closed now: it first (with its hours), then open ones near it. */
  | 'place-closed'
  /** Stations in reach, none open now: the nearest, shown as closed, and the closest open one. */
  | 'all-closed'
  /** Open stations in reach, none with what was asked for: those, and the closest that has it. */
  | 'no-amenity'
  /** None in the place's city, but another city's within reach: those, with their city. */
  | 'other-city'
  /** Nothing within reach at all: the nearest open ones, however far, with city and distance. */
  | 'far'
  | 'none';

export interface StationSearch {
  /** GCJ-02: the worker's shared position, or the centre of the place they typed. */
  point: LatLng;
  /** Each group must be met by one of its amenities: [["water"], ["charging", "battery-swap"]]. */
  needs: readonly (readonly Amenity[])[];
  /** A typed division or street: its stations come first, however far from its centre. */
  within?: (station: Station) => boolean;
  /** The typed place's city: other cities' stations only when it has none in reach. */
  cityCode?: string;
  exclude?: ReadonlySet<string>;
  originName?: string;
  now: Date;
  limit?: number;
  radiusM?: number;
}

export interface FoundStation extends NearbyResult {
  city?: Region;
  /** Inside the typed division or street itself (its distance from the centre means little). */
  inPlace?: boolean;
}

export interface StationFindings {
  outcome: SearchOutcome;
  results: FoundStation[];
  /** With 'all-closed' and 'no-amenity': the nearest open station that has what was asked, anywhere. */
  closestOpen?: FoundStation;
  /** The city searched in: the typed place's, or that of the nearest station to a shared point. */
  city?: Region;
}

const withCity = (result: NearbyResult): FoundStation => ({
  ...result,
  city: cityOfCode(result.station.regionCode),
});

/**
 * Never recommend a closed station as open, and never a far one before a near one: the typed
 * place's own stations first, then its city's within reach, nearest first. Another city comes in
 * only when the city has nothing in reach, and each fallback says what it gave up.
 */
export function findStations(service: StationService, search: StationSearch): StationFindings {
  const limit = search.limit ?? DEFAULT_RESULTS;
  const radiusM = search.radiusM ?? NEARBY_RADIUS_M;
  const cityCode = search.cityCode;
  const inCity = cityCode ? (s: Station) => cityOfCode(s.regionCode)?.code === cityCode : undefined;
  const base = {
    lat: search.point.lat,
    lng: search.point.lng,
    originName: search.originName,
    now: search.now,
  };

  /** The place's own stations, then its city's within reach (or anyone's, for a shared point). */
  function inReach(filters: Pick<NearbyQuery, 'anyOf' | 'openNow'>): FoundStation[] {
    const found: FoundStation[] = [];
    const exclude = new Set(search.exclude);
    if (search.within) {
      const own = service.nearby({ ...base, ...filters, limit, excludeIds: exclude, where: search.within });
      found.push(...own.map((r) => ({ ...r, inPlace: true })));
    }
    if (found.length < limit) {
      for (const r of found) exclude.add(r.station.id);
      found.push(
        ...service.nearby({
          ...base,
          ...filters,
          limit: limit - found.length,
          radiusM,
          excludeIds: exclude,
          where: inCity,
        }),
      );
    }
    return found;
  }
  /** Anywhere, however far: what the worker would have to travel to. */
  const anywhere = (filters: Pick<NearbyQuery, 'anyOf' | 'limit'>) =>
    service.nearby({ ...base, ...filters, openNow: true, excludeIds: search.exclude }).map(withCity);
  const closestOpenWithNeeds = () => anywhere({ anyOf: search.needs, limit: 1 })[0];

  const needs = search.needs.length ? search.needs : undefined;
  const city = (results: FoundStation[]) =>
    (cityCode ? cityOfCode(cityCode) : undefined) ?? results.find((r) => r.city)?.city;
  const done = (
    outcome: SearchOutcome,
    found: FoundStation[],
    closestOpen?: FoundStation,
  ): StationFindings => {
    const results = found.map((r) => ({ ...withCity(r), ...(r.inPlace ? { inPlace: true } : {}) }));
    return { outcome, results, city: city(results), ...(closestOpen ? { closestOpen } : {}) };
  };

  const open = inReach({ anyOf: needs, openNow: true });
  if (open.length) {
    // "静安区有没有驿站": its own station, closed now, is still the answer to the question asked.
    const ownClosed =
      search.within && !open.some((r) => r.inPlace)
        ? service.nearby({
            ...base,
            anyOf: needs,
            limit: 1,
            excludeIds: search.exclude,
            where: search.within,
          })
        : [];
    if (ownClosed.length)
      return done(
        'place-closed',
        [...ownClosed.map((r) => ({ ...r, inPlace: true })), ...open].slice(0, limit),
      );
    return done('open', open);
  }
  const closedWithNeeds = inReach({ anyOf: needs });
  if (closedWithNeeds.length)
    return done('all-closed', closedWithNeeds, closestOpenWithNeeds() ?? anywhere({ limit: 1 })[0]);
  if (needs) {
    const openWithout = inReach({ openNow: true });
    if (openWithout.length) return done('no-amenity', openWithout, closestOpenWithNeeds());
    const closedWithout = inReach({});
    if (closedWithout.length)
      return done('all-closed', closedWithout, closestOpenWithNeeds() ?? anywhere({ limit: 1 })[0]);
  }

  // Nothing in the city within reach: the nearest open ones anywhere, with what was asked if any has it.
  let far = anywhere({ anyOf: needs, limit });
  if (!far.length && needs) far = anywhere({ limit });
  if (!far.length) return { outcome: 'none', results: [] };
  const near = (far[0] as FoundStation).distanceM <= radiusM;
  return {
    outcome: near ? 'other-city' : 'far',
    results: far,
    city: cityCode ? cityOfCode(cityCode) : undefined,
  };
}
