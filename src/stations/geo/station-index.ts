import KDBush from 'kdbush';
import { amenityMask } from '../amenities.js';
import type { Station } from '../station.js';
import { SphereKnn } from './sphere-knn.js';

export interface NearestOptions {
  limit: number;
  /** Metres; Infinity for no limit. */
  radiusM?: number;
  /** Every amenity in the mask must be offered. */
  amenityMask?: number;
  /** Extra test on the station (open now …), applied during the search so `limit` still fills. */
  accept?: (station: Station) => boolean;
}

/**
 * The in-memory spatial index: a kdbush tree over GCJ-02 points, searched for the k nearest on
 * the sphere by SphereKnn (geokdbush's walk, without its per-query garbage). Immutable: a change
 * builds a new index and swaps it in (see station-service.ts).
 */
export class StationIndex {
  readonly stations: readonly Station[];
  /** Station for each position in the tree's order, so a search never goes through ids. */
  private readonly byPosition: readonly Station[];
  /** Amenity bits for each position in the tree's order. */
  private readonly masks: Uint32Array;
  private readonly knn: SphereKnn | undefined;
  /** How long building took, in milliseconds (reported at start and by the benchmark). */
  readonly buildMs: number;

  constructor(stations: readonly Station[]) {
    const started = performance.now();
    this.stations = stations;
    const tree = new KDBush(stations.length);
    const masksById = new Uint32Array(stations.length);
    for (let id = 0; id < stations.length; id++) {
      const station = stations[id] as Station;
      tree.add(station.lng, station.lat);
      masksById[id] = amenityMask(station.amenities);
    }
    tree.finish();
    const byPosition = new Array<Station>(stations.length);
    this.masks = new Uint32Array(stations.length);
    for (let p = 0; p < stations.length; p++) {
      const id = tree.ids[p] as number;
      byPosition[p] = stations[id] as Station;
      this.masks[p] = masksById[id] as number;
    }
    this.byPosition = byPosition;
    this.knn = stations.length ? new SphereKnn(tree) : undefined;
    this.buildMs = performance.now() - started;
  }

  get size(): number {
    return this.stations.length;
  }

  /** Stations nearest to a GCJ-02 point, closest first. */
  nearest(lat: number, lng: number, options: NearestOptions): Station[] {
    if (!this.knn) return [];
    const need = options.amenityMask ?? 0;
    const accept = options.accept;
    const byPosition = this.byPosition;
    const masks = this.masks;
    const filter =
      need || accept
        ? (p: number) =>
            ((masks[p] as number) & need) === need && (!accept || accept(byPosition[p] as Station))
        : undefined;
    const radiusKm = options.radiusM === undefined ? Number.POSITIVE_INFINITY : options.radiusM / 1000;
    const positions = this.knn.around(lng, lat, options.limit, radiusKm, filter);
    return positions.map((p) => byPosition[p] as Station);
  }
}
