import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { amenityMask } from '../amenities.js';
import type { Station } from '../station.js';

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
 * The in-memory spatial index: kdbush over GCJ-02 points, geokdbush for k-nearest on the
 * sphere. Immutable: a change builds a new index and swaps it in (see station-service.ts).
 */
export class StationIndex {
  readonly stations: readonly Station[];
  private readonly tree: KDBush;
  private readonly masks: Uint32Array;
  /** How long building took, in milliseconds (reported at start and by the benchmark). */
  readonly buildMs: number;

  constructor(stations: readonly Station[]) {
    const started = performance.now();
    this.stations = stations;
    this.tree = new KDBush(Math.max(1, stations.length));
    this.masks = new Uint32Array(stations.length);
    for (let i = 0; i < stations.length; i++) {
      const station = stations[i]!;
      this.tree.add(station.lng, station.lat);
      this.masks[i] = amenityMask(station.amenities);
    }
    // kdbush needs at least one point; an empty index gets a far-away dummy that is never returned.
    if (!stations.length) this.tree.add(0, -90);
    this.tree.finish();
    this.buildMs = performance.now() - started;
  }

  get size(): number {
    return this.stations.length;
  }

  /** Stations nearest to a GCJ-02 point, closest first. */
  nearest(lat: number, lng: number, options: NearestOptions): Station[] {
    if (!this.stations.length) return [];
    const need = options.amenityMask ?? 0;
    const accept = options.accept;
    const predicate =
      need || accept
        ? (i: number) =>
            ((this.masks[i] ?? 0) & need) === need && (!accept || accept(this.stations[i] as Station))
        : undefined;
    const radiusKm = options.radiusM === undefined ? Number.POSITIVE_INFINITY : options.radiusM / 1000;
    const ids = around(this.tree, lng, lat, options.limit, radiusKm, predicate);
    return ids.map((i) => this.stations[i] as Station);
  }
}
