import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/platform/db/migrate.js';
import { amenityMask } from '../../src/stations/amenities.js';
import { haversineM } from '../../src/stations/geo/haversine.js';
import { StationIndex } from '../../src/stations/geo/station-index.js';
import { type Station, stationFields } from '../../src/stations/station.js';
import { loadStationTable } from '../../src/stations/store/load-station-table.js';
import { StationTable } from '../../src/stations/store/station-table.js';
import { generateStations, random } from '../../src/stations/synthetic/generate-stations.js';
import { tempDir } from '../helpers/test-app.js';

// Plain objects, one per station, with varied optional texts: the shape the index used to keep.
const STATIONS: Station[] = generateStations(3_000, 11).map((s, i) => ({
  ...s,
  regionCode: i % 4 ? `3101${String(i % 17).padStart(2, '0')}` : null,
  phone: i % 5 ? null : `021-6${String(i).padStart(7, '0')}`,
  operator: i % 3 ? '上海市总工会' : null,
  statusNote: s.status === 'temporary' ? `临时调整 ${i}` : null,
  lastVerified: i % 2 ? '2026-11-01' : null,
}));

const dir = tempDir('gongyou-compact-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The k nearest by measuring every station: the straightforward computation. */
function scan(lat: number, lng: number, k: number, mask: number, accept: (s: Station) => boolean) {
  return STATIONS.filter((s) => (amenityMask(s.amenities) & mask) === mask && accept(s))
    .map((s) => ({ id: s.id, d: haversineM(lat, lng, s.lat, s.lng) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k);
}

describe('compact station store', () => {
  it('gives back every field of every station as it was put in', () => {
    const table = StationTable.of(STATIONS);
    const records = table.all();
    expect(records).toHaveLength(STATIONS.length);
    for (let i = 0; i < STATIONS.length; i++) {
      const { compiledHours, ...expected } = STATIONS[i] as Station;
      expect(stationFields(records[i] as Station)).toEqual(expected);
      expect((records[i] as Station).compiledHours).toBe(compiledHours);
    }
    // Shared, not copied: one entry per distinct text, timetable and amenity list.
    expect(table.timetables.length).toBe(4);
    expect(table.amenityLists.length).toBeLessThan(STATIONS.length);
  });

  it('finds the same stations at the same distances as a scan of every station', () => {
    const index = new StationIndex(STATIONS);
    const next = random(12);
    const closedByName = (s: Station) => !s.name.endsWith('7');
    let compared = 0;
    for (let q = 0; q < 300; q++) {
      const lat = 22 + next() * 18;
      const lng = 102 + next() * 20;
      const mask = q % 3 ? 0 : amenityMask(['water', 'charging']);
      const accept = q % 2 ? closedByName : () => true;
      const expected = scan(lat, lng, 5, mask, accept);
      const got = index
        .nearest(lat, lng, { limit: 5, amenityMask: mask, accept })
        .map((s) => ({ id: s.id, d: haversineM(lat, lng, s.lat, s.lng) }));
      expect(got.map((g) => g.d)).toEqual(expected.map((e) => e.d));
      expect(new Set(got.map((g) => g.id))).toEqual(new Set(expected.map((e) => e.id)));
      compared += got.length;
    }
    expect(compared).toBe(1_500);
  });

  it('reads the stored table back chunk by chunk, reporting a row whose hours no longer parse', () => {
    const file = path.join(dir, 'stations.db');
    applyMigrations(file);
    const db = new Database(file);
    const insert = db.prepare(
      `INSERT INTO Station (id, externalId, name, address, lat, lng, regionCode, amenities, hours, phone,
         operator, status, statusNote, lastVerified, source, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const s of STATIONS) {
        insert.run(
          s.id,
          s.externalId,
          s.name,
          s.address,
          s.lat,
          s.lng,
          s.regionCode,
          JSON.stringify(s.amenities),
          JSON.stringify(s.hours),
          s.phone,
          s.operator,
          s.status,
          s.statusNote,
          s.lastVerified,
          s.source,
          'now',
        );
      }
      insert.run(
        'bad',
        'bad-1',
        '坏站',
        '某地',
        31,
        121,
        null,
        '[]',
        '{"week":"nonsense"}',
        null,
        null,
        'open',
        null,
        null,
        'test',
        'now',
      );
    })();
    db.close();

    const bad: string[] = [];
    const load = loadStationTable(file, (externalId) => bad.push(externalId));
    expect(load.total).toBe(STATIONS.length + 1);
    expect(load.step(1_000)).toBe(false);
    expect(load.loaded).toBe(1_000);
    const table = load.finish();
    expect(bad).toEqual(['bad-1']);
    expect(table.size).toBe(STATIONS.length);
    const records = table.all();
    for (let i = 0; i < STATIONS.length; i += 97) {
      const { compiledHours: _c, ...expected } = STATIONS[i] as Station;
      expect(stationFields(records[i] as Station)).toEqual(expected);
    }
  });
});
