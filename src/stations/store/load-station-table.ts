import Database from 'better-sqlite3';
import { type Amenity, isAmenity } from '../amenities.js';
import { checkHoursSpec } from '../hours/hours-spec.js';
import { compileHours, STATION_STATUSES, type StationStatus } from '../hours/opening-hours.js';
import { StationTable, type Timetable } from './station-table.js';

type Row = [
  rowid: number,
  id: string,
  externalId: string,
  name: string,
  address: string,
  lat: number,
  lng: number,
  regionCode: string | null,
  amenities: string,
  hours: string,
  phone: string | null,
  operator: string | null,
  status: string,
  statusNote: string | null,
  lastVerified: string | null,
  source: string,
];

/** A table being filled from the database a chunk at a time, so the server answers in between. */
export interface StationTableLoad {
  readonly total: number;
  readonly loaded: number;
  /** Read up to `rows` more rows; true once every row is in (the connection is then closed). */
  step(rows: number): boolean;
  /** Read whatever is left, now (a search arrived before the warm-up finished). */
  finish(): StationTable;
  /** Stop and release the connection (the app closes during the warm-up). */
  cancel(): void;
}

/**
 * Read the Station table straight through better-sqlite3 on its own read-only connection, in
 * rowid order, inside one read transaction (one snapshot, however many chunks). No ORM objects,
 * no array of every row: each chunk goes into the columns and is dropped. A row whose stored
 * hours no longer parse is reported to onBad and left out, never half-used.
 */
export function loadStationTable(
  databasePath: string,
  onBad: (externalId: string, reason: string) => void = () => {},
): StationTableLoad {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  db.exec('BEGIN');
  const { total, last } = db.prepare('SELECT count(*) AS total, max(rowid) AS last FROM "Station"').get() as {
    total: number;
    last: number | null;
  };
  const chunk = db
    .prepare(
      `SELECT rowid, id, externalId, name, address, lat, lng, regionCode, amenities, hours, phone,
              operator, status, statusNote, lastVerified, source
         FROM "Station" WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?`,
    )
    .raw(true);
  const table = new StationTable(total);
  const timetables = new Map<string, Timetable | string>();
  const amenityLists = new Map<string, Amenity[]>();
  let after = 0;
  let done = last === null;
  const close = () => {
    if (db.open) {
      db.exec('COMMIT');
      db.close();
    }
  };
  if (done) close();

  const timetableOf = (text: string): Timetable | string => {
    let found = timetables.get(text);
    if (found === undefined) {
      try {
        const checked = checkHoursSpec(JSON.parse(text));
        found = checked.ok ? { spec: checked.value, compiled: compileHours(checked.value) } : checked.reason;
      } catch (error) {
        found = (error as Error).message;
      }
      timetables.set(text, found);
    }
    return found;
  };
  const amenitiesOf = (text: string): Amenity[] => {
    let found = amenityLists.get(text);
    if (!found) {
      found = (JSON.parse(text) as string[]).filter(isAmenity) as Amenity[];
      amenityLists.set(text, found);
    }
    return found;
  };

  const step = (rows: number): boolean => {
    if (done) return true;
    const got = chunk.all(after, last, rows) as Row[];
    for (const r of got) {
      after = r[0];
      const hours = timetableOf(r[9]);
      if (typeof hours === 'string') {
        onBad(r[2], `stored hours: ${hours}`);
        continue;
      }
      let amenities: Amenity[];
      try {
        amenities = amenitiesOf(r[8]);
      } catch (error) {
        onBad(r[2], `stored amenities: ${(error as Error).message}`);
        continue;
      }
      table.add(
        {
          id: r[1],
          externalId: r[2],
          name: r[3],
          address: r[4],
          lat: r[5],
          lng: r[6],
          regionCode: r[7],
          amenities,
          hours: hours.spec,
          compiledHours: hours.compiled,
          phone: r[10],
          operator: r[11],
          status: (STATION_STATUSES as readonly string[]).includes(r[12])
            ? (r[12] as StationStatus)
            : 'closed',
          statusNote: r[13],
          lastVerified: r[14],
          source: r[15],
        },
        r[9],
      );
    }
    if (got.length < rows) {
      done = true;
      close();
    }
    return done;
  };

  return {
    total,
    get loaded() {
      return table.size;
    },
    step,
    finish() {
      while (!step(50_000));
      return table;
    },
    cancel() {
      done = true;
      close();
    },
  };
}
