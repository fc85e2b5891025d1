// Benchmark data on disk: the synthetic stations as the CSV the import reads, and the same rows
// written by a bare prepared INSERT (the baseline an import's rows/s is set against).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { applyMigrations } from '../src/platform/db/migrate.js';
import { generateStations } from '../src/stations/synthetic/generate-stations.js';

export function writeStationsCsv(file: string, count: number): void {
  const lines = ['external_id,name,address,lat,lng,amenities,hours,status,source'];
  for (const s of generateStations(count, 1)) {
    const hours = `"${JSON.stringify(s.hours).replace(/"/g, '""')}"`;
    lines.push(
      [s.externalId, s.name, s.address, s.lat, s.lng, s.amenities.join('|'), hours, s.status, s.source].join(
        ',',
      ),
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Seconds to insert the rows with one prepared statement in one transaction. */
export function bareInsert(file: string, count: number): number {
  applyMigrations(file);
  const stations = generateStations(count, 1);
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO Station (id, externalId, name, address, lat, lng, amenities, hours, status, source, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const started = performance.now();
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const s of stations) {
      insert.run(
        s.id,
        s.externalId,
        s.name,
        s.address,
        s.lat,
        s.lng,
        JSON.stringify(s.amenities),
        JSON.stringify(s.hours),
        s.status,
        s.source,
        now,
      );
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}
