import type { Amenity } from '../amenities.js';
import type { HoursSpec } from '../hours/hours-spec.js';
import type { CompiledHours, StationStatus } from '../hours/opening-hours.js';
import type { Station } from '../station.js';
import type { StationTable } from './station-table.js';

/**
 * One station of a StationTable, read through on every access: two fields per station instead
 * of seventeen, and no copy of any text. Getters live on the prototype, so a record is not a
 * plain object: copy it with `toInput` (spreading it gives `{}`).
 */
export class StationRecord implements Station {
  constructor(
    private readonly table: StationTable,
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
