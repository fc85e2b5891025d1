import type { Amenity } from '../../../stations/amenities.js';
import type { LatLng } from '../../../stations/geo/coords.js';
import type { Station } from '../../../stations/station.js';
import type { NearbyResult, StationService } from '../../../stations/station-service.js';

/** How far "nearby" reaches for a rider on an e-bike. */
export const NEARBY_RADIUS_M = 20_000;
export const CARDS = 3;

export type Outcome =
  /** Open stations with what was asked for. */
  | 'open'
  /** Nothing open in reach: the nearest ones, all closed now, shown as closed. */
  | 'all-closed'
  /** None in reach has the asked-for amenities: open stations without them. */
  | 'no-amenity'
  /** Nothing in reach at all: the nearest open ones, however far. */
  | 'far'
  | 'none';

export interface Search {
  point: LatLng;
  amenities: readonly Amenity[];
  exclude?: ReadonlySet<string>;
  where?: (station: Station) => boolean;
  now: Date;
}

/**
 * Never recommend a closed station as open: open ones first; closed ones only when nothing is
 * open in reach, and then labelled so. Each fallback says what it gave up.
 */
export function searchCascade(
  service: StationService,
  search: Search,
): { outcome: Outcome; results: NearbyResult[] } {
  const base = {
    lat: search.point.lat,
    lng: search.point.lng,
    limit: CARDS,
    excludeIds: search.exclude,
    where: search.where,
    now: search.now,
  };
  const radiusM = search.where ? undefined : NEARBY_RADIUS_M;
  const amenities = search.amenities;
  const attempts: [Outcome, Parameters<StationService['nearby']>[0]][] = [
    ['open', { ...base, radiusM, amenities, openNow: true }],
    ['all-closed', { ...base, radiusM, amenities }],
    ['no-amenity', { ...base, radiusM, openNow: true }],
    ['far', { ...base, amenities, openNow: true, where: undefined }],
    ['far', { ...base, openNow: true, where: undefined }],
  ];
  for (const [outcome, query] of attempts) {
    if (outcome === 'no-amenity' && !amenities.length) continue;
    const results = service.nearby(query);
    if (results.length) return { outcome, results };
  }
  return { outcome: 'none', results: [] };
}
