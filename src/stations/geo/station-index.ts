import KDBush from 'kdbush';
import type { Station } from '../station.js';
import type { StationRecord } from '../store/station-record.js';
import { StationTable } from '../store/station-table.js';
import { SphereKnn } from './sphere-knn.js';

export interface NearestOptions {
  limit: number;
  /** Metres; Infinity for no limit. */
  radiusM?: number;
  /** Every amenity in the mask must be offered. */
  amenityMask?: number;
  /** For each mask, at least one of its amenities must be offered ("充电": phone or battery). */
  anyMasks?: readonly number[];
  /** Extra test on the station (open now …), applied during the search so `limit` still fills. */
  accept?: (station: Station) => boolean;
}

/**
 * The in-memory spatial index: a kdbush tree over GCJ-02 points, searched for the k nearest on
 * the sphere by SphereKnn (geokdbush's walk, without its per-query garbage). The stations
 * themselves live in a StationTable (columns, not objects). Immutable: a change builds a new
 * index and swaps it in (see station-service.ts).
 */
export class StationIndex {
  readonly table: StationTable;
  /** Every station as a record over the table, in the table's row order. */
  readonly stations: readonly StationRecord[];
  /** Row of the table for each position in the tree's order. */
  private readonly rowAt: Uint32Array;
  /** Amenity bits for each position in the tree's order. */
  private readonly masks: Uint32Array;
  private readonly knn: SphereKnn | undefined;
  /** How long building took, in milliseconds (reported at start and by the benchmark). */
  readonly buildMs: number;

  constructor(stations: readonly Station[] | StationTable) {
    const started = performance.now();
    const table = stations instanceof StationTable ? stations : StationTable.of(stations);
    this.table = table;
    this.stations = table.all();
    const size = table.size;
    const tree = new KDBush(size);
    for (let row = 0; row < size; row++) tree.add(table.lng[row] as number, table.lat[row] as number);
    tree.finish();
    this.rowAt = new Uint32Array(size);
    this.masks = new Uint32Array(size);
    for (let p = 0; p < size; p++) {
      const row = tree.ids[p] as number;
      this.rowAt[p] = row;
      this.masks[p] = table.mask[row] as number;
    }
    this.knn = size ? new SphereKnn(tree) : undefined;
    this.buildMs = performance.now() - started;
  }

  get size(): number {
    return this.table.size;
  }

  /** Stations nearest to a GCJ-02 point, closest first. */
  nearest(lat: number, lng: number, options: NearestOptions): StationRecord[] {
    if (!this.knn) return [];
    const need = options.amenityMask ?? 0;
    const anyMasks = options.anyMasks?.filter((m) => m !== 0) ?? [];
    const accept = options.accept;
    const records = this.stations;
    const rowAt = this.rowAt;
    const masks = this.masks;
    const filter =
      need || accept || anyMasks.length
        ? (p: number) =>
            ((masks[p] as number) & need) === need &&
            anyMasks.every((any) => ((masks[p] as number) & any) !== 0) &&
            (!accept || accept(records[rowAt[p] as number] as StationRecord))
        : undefined;
    const radiusKm = options.radiusM === undefined ? Number.POSITIVE_INFINITY : options.radiusM / 1000;
    const positions = this.knn.around(lng, lat, options.limit, radiusKm, filter);
    return positions.map((p) => records[rowAt[p] as number] as StationRecord);
  }
}
