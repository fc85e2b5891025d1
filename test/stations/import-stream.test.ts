import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { duration } from '../../src/cli/progress-line.js';
import { applyMigrations } from '../../src/platform/db/migrate.js';
import { formatProgress } from '../../src/stations/import/format-progress.js';
import { type ImportProgress, importFile } from '../../src/stations/import/import-stations.js';
import { tempDir } from '../helpers/test-app.js';

const dir = tempDir('gongyou-import-stream-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const good = (i: number) =>
  `s-${i},驿站${i},上海市浦东新区张江镇测试路${i}号,${(31.2 + i * 1e-4).toFixed(6)},121.59,water|charging,24h,,open,test`;

function database(name: string): string {
  const file = path.join(dir, `${name}.db`);
  applyMigrations(file);
  return file;
}

const stored = (file: string) => {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT externalId, name, hours FROM Station ORDER BY rowid').all() as {
    externalId: string;
    name: string;
    hours: string;
  }[];
  db.close();
  return rows;
};

describe('streaming station import into SQLite', () => {
  it('imports every good row of a file with bad rows, reporting each bad one by line and reason', async () => {
    const lines = ['external_id,name,address,lat,lng,amenities,hours,phone,status,source'];
    for (let i = 1; i <= 2_500; i++) lines.push(good(i));
    lines.splice(101, 0, 's-x1,,上海市,31.2,121.5,water,24h,,open,test'); // line 102: no name
    lines.splice(1_501, 0, 's-x2,远方,巴黎,48.85,2.35,water,24h,,open,test'); // line 1502: outside China
    lines.push('s-7,重复,上海市浦东新区,31.2,121.5,water,24h,,open,test'); // line 2504: s-7 again (first on line 8)
    const file = path.join(dir, 'bad-rows.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const db = database('bad-rows');

    const seen: ImportProgress[] = [];
    const result = await importFile(db, file, 'gcj02', { batchSize: 500, onProgress: (p) => seen.push(p) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ rows: 2_503, valid: 2_500, created: 2_500, updated: 0 });
    expect(result.value.errors.map((e) => [e.line, e.reasons.join('; ')])).toEqual([
      [102, 'name is missing'],
      [1502, 'point 48.85,2.35 is outside China'],
      [2504, 'external id s-7 already used at line 8'],
    ]);
    const rows = stored(db);
    expect(rows).toHaveLength(2_500);
    expect(rows[0]).toMatchObject({ externalId: 's-1', name: '驿站1' });
    expect(rows.at(-1)).toMatchObject({ externalId: 's-2500', name: '驿站2500' });
    // One report per batch of 500 and one at the end; the last has read the whole file.
    expect(seen.length).toBe(6);
    expect(seen.at(-1)).toMatchObject({ rows: 2_503, rejected: 3, bytesRead: fs.statSync(file).size });

    const again = await importFile(db, file, 'gcj02');
    expect(again.ok && again.value).toMatchObject({ created: 0, updated: 2_500 });
    expect(stored(db)).toHaveLength(2_500);
  });

  it('reads a pretty-printed GeoJSON file feature by feature, across read boundaries', async () => {
    const features = Array.from({ length: 40 }, (_, i) => ({
      type: 'Feature',
      id: `g-${i}`,
      geometry:
        i === 5
          ? { type: 'LineString', coordinates: [] }
          : { type: 'Point', coordinates: [121.47, 31.23 + i * 1e-3] },
      properties: { name: `站 {${i}} "引号"`, address: '上海市黄浦区测试路', hours: '24h', source: 'test' },
    }));
    const file = path.join(dir, 'stations.geojson');
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }, null, 2));
    const db = database('geojson');
    // Tiny reads: features, strings and escapes are cut across chunks.
    const result = await importFile(db, file, 'gcj02', { batchSize: 7, readBytes: 13 });
    expect(result.ok && result.value).toMatchObject({ rows: 40, valid: 39, created: 39 });
    if (!result.ok) return;
    expect(result.value.errors).toHaveLength(1);
    expect(result.value.errors[0]?.where).toMatch(/^feature 6 \(line \d+\)$/);
    const rows = stored(db);
    expect(rows.map((r) => r.externalId)).toEqual(features.filter((_, i) => i !== 5).map((f) => f.id));
    expect(rows[0]?.name).toBe('站 {0} "引号"');
  });

  it('shows rows read, rejected, rate and time left', () => {
    const text = formatProgress(
      { rows: 120_000, rejected: 3, bytesRead: 6_000_000, totalBytes: 10_000_000, elapsedMs: 3_000 },
      duration,
    );
    expect(text).toBe('120,000 rows read · 3 rejected · 40,000 rows/s · 60% · 2 s left');
    expect(duration(65_000)).toBe('1 m 05 s');
  });
});
