import type { Amenity } from '../amenities.js';
import { amenityMask } from '../amenities.js';
import type { HoursSpec } from '../hours/hours-spec.js';
import { type CompiledHours, STATION_STATUSES, type StationStatus } from '../hours/opening-hours.js';
import type { Station } from '../station.js';
import { SharedStrings } from './shared-strings.js';
import { type StationColumns, StationRecord } from './station-record.js';

export interface Timetable {
  spec: HoursSpec;
  compiled: CompiledHours;
}

/**
 * Every station in columns: coordinates and codes in typed arrays, repeated texts in one shared
 * table, each distinct timetable and amenity list once. Only the texts unique to a station (id,
 * external id, name, address) are strings of their own. 200,000 stations take tens of MiB here,
 * against several hundred as one object per row with its own strings and parsed JSON.
 *
 * Filled once (by `add`, with the capacity known up front), then read only: a change builds a
 * new table (see station-service.ts), so a search never sees half an edit.
 */
export class StationTable implements StationColumns {
  size = 0;
  readonly ids: string[];
  readonly externalIds: string[];
  readonly names: string[];
  readonly addresses: string[];
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  /** Amenity bits, for the index's filter. */
  readonly mask: Uint32Array;
  readonly amenityList: Uint32Array;
  readonly amenityLists: Amenity[][] = [];
  readonly timetable: Uint32Array;
  readonly timetables: Timetable[] = [];
  readonly status: Uint8Array;
  readonly regionCode: Uint32Array;
  readonly phone: Uint32Array;
  readonly operator: Uint32Array;
  readonly statusNote: Uint32Array;
  readonly lastVerified: Uint32Array;
  readonly source: Uint32Array;
  private readonly strings = new SharedStrings();
  private readonly amenityListByKey = new Map<string, number>();
  private readonly timetableByObject = new Map<HoursSpec, number>();
  private readonly timetableByText = new Map<string, number>();
  private records: StationRecord[] | undefined;

  constructor(readonly capacity: number) {
    this.ids = new Array<string>(capacity);
    this.externalIds = new Array<string>(capacity);
    this.names = new Array<string>(capacity);
    this.addresses = new Array<string>(capacity);
    this.lat = new Float64Array(capacity);
    this.lng = new Float64Array(capacity);
    this.mask = new Uint32Array(capacity);
    this.amenityList = new Uint32Array(capacity);
    this.timetable = new Uint32Array(capacity);
    this.status = new Uint8Array(capacity);
    this.regionCode = new Uint32Array(capacity);
    this.phone = new Uint32Array(capacity);
    this.operator = new Uint32Array(capacity);
    this.statusNote = new Uint32Array(capacity);
    this.lastVerified = new Uint32Array(capacity);
    this.source = new Uint32Array(capacity);
  }

  /** A table holding these stations (copied: the table keeps no reference to them). */
  static of(stations: readonly Station[]): StationTable {
    const table = new StationTable(stations.length);
    for (const station of stations) table.add(station);
    return table;
  }

  /** Append a station; `hoursText` (its stored JSON) lets rows share a timetable without re-serialising. */
  add(station: Station, hoursText?: string): number {
    const row = this.size;
    if (row >= this.capacity) throw new Error(`station table is full (${this.capacity})`);
    this.ids[row] = station.id;
    this.externalIds[row] = station.externalId;
    this.names[row] = station.name;
    this.addresses[row] = station.address;
    this.lat[row] = station.lat;
    this.lng[row] = station.lng;
    this.mask[row] = amenityMask(station.amenities);
    this.amenityList[row] = this.amenityNumber(station.amenities);
    this.timetable[row] = this.timetableNumber(station.hours, station.compiledHours, hoursText);
    this.status[row] = Math.max(0, STATION_STATUSES.indexOf(station.status));
    this.regionCode[row] = this.strings.number(station.regionCode);
    this.phone[row] = this.strings.number(station.phone);
    this.operator[row] = this.strings.number(station.operator);
    this.statusNote[row] = this.strings.number(station.statusNote);
    this.lastVerified[row] = this.strings.number(station.lastVerified);
    this.source[row] = this.strings.number(station.source);
    this.size = row + 1;
    this.records = undefined;
    return row;
  }

  /** One record per row, made once and shared by every search (row order). */
  all(): readonly StationRecord[] {
    if (!this.records) {
      const records = new Array<StationRecord>(this.size);
      for (let row = 0; row < this.size; row++) records[row] = new StationRecord(this, row);
      this.records = records;
    }
    return this.records;
  }

  shared(column: Uint32Array, row: number): string | null {
    return this.strings.text(column[row] as number);
  }

  statusOf(row: number): StationStatus {
    return STATION_STATUSES[this.status[row] as number] ?? 'closed';
  }

  private amenityNumber(amenities: readonly Amenity[]): number {
    const key = amenities.join('|');
    let n = this.amenityListByKey.get(key);
    if (n === undefined) {
      n = this.amenityLists.length;
      this.amenityLists.push([...amenities]);
      this.amenityListByKey.set(key, n);
    }
    return n;
  }

  private timetableNumber(spec: HoursSpec, compiled: CompiledHours, text?: string): number {
    let n = this.timetableByObject.get(spec);
    if (n !== undefined) return n;
    const key = text ?? JSON.stringify(spec);
    n = this.timetableByText.get(key);
    if (n === undefined) {
      n = this.timetables.length;
      this.timetables.push({ spec, compiled });
      this.timetableByText.set(key, n);
    }
    this.timetableByObject.set(spec, n);
    return n;
  }
}
