import type { Amenity } from '../amenities.js';
import type { HoursSpec } from '../hours/hours-spec.js';
import type { CompiledHours, StationStatus } from '../hours/opening-hours.js';
import type { Station } from '../station.js';

/** What a record reads: the columns of a StationTable (declared here so neither imports the other in a circle). */
export interface StationColumns {
  readonly ids: readonly string[];
  readonly externalIds: readonly string[];
  readonly names: readonly string[];
  readonly addresses: readonly string[];
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly regionCode: Uint32Array;
  readonly amenityList: Uint32Array;
  readonly amenityLists: readonly Amenity[][];
  readonly timetable: Uint32Array;
  readonly timetables: readonly { spec: HoursSpec; compiled: CompiledHours }[];
  readonly phone: Uint32Array;
  readonly operator: Uint32Array;
  readonly statusNote: Uint32Array;
  readonly lastVerified: Uint32Array;
  readonly source: Uint32Array;
  shared(column: Uint32Array, row: number): string | null;
  statusOf(row: number): StationStatus;
}

/**
 * One station of a StationTable, read through on every access: two fields per station instead
 * of seventeen, and no copy of any text. Getters live on the prototype, so a record is not a
 * plain object: copy it with `toInput` (spreading it gives `{}`).
 */
export class StationRecord implements Station {
  constructor(
    private readonly table: StationColumns,
    readonly row: number,
  ) {}

  get id(): string {
    return this.table.ids[this.row] as string;
  }
  get externalId(): string {
    return this.table.externalIds[this.row] as string;
  }
  get name(): string {
    return this.table.names[this.row] as string;
  }
  get address(): string {
    return this.table.addresses[this.row] as string;
  }
  get lat(): number {
    return this.table.lat[this.row] as number;
  }
  get lng(): number {
    return this.table.lng[this.row] as number;
  }
  get regionCode(): string | null {
    return this.table.shared(this.table.regionCode, this.row);
  }
  get amenities(): Amenity[] {
    return this.table.amenityLists[this.table.amenityList[this.row] as number] as Amenity[];
  }
  get hours(): HoursSpec {
    return (this.table.timetables[this.table.timetable[this.row] as number] as { spec: HoursSpec }).spec;
  }
  get compiledHours(): CompiledHours {
    return (this.table.timetables[this.table.timetable[this.row] as number] as { compiled: CompiledHours })
      .compiled;
  }
  get phone(): string | null {
    return this.table.shared(this.table.phone, this.row);
  }
  get operator(): string | null {
    return this.table.shared(this.table.operator, this.row);
  }
  get status(): StationStatus {
    return this.table.statusOf(this.row);
  }
  get statusNote(): string | null {
    return this.table.shared(this.table.statusNote, this.row);
  }
  get lastVerified(): string | null {
    return this.table.shared(this.table.lastVerified, this.row);
  }
  get source(): string {
    return this.table.shared(this.table.source, this.row) ?? '';
  }
}
