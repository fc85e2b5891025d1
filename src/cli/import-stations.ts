// npm run stations:import -- <file.csv|file.geojson> [--coord wgs84|gcj02|bd09]
// Streams the file: validates each row as it is read, upserts the good ones by external id a
// batch (one transaction) at a time, shows progress (rows read, rejected, rate, time left) and
// prints bad rows with line numbers; past 50 of them, every one is also written to
// <file>.rejected.txt.
// A running server picks the changes up on restart or POST /api/staff/stations/reload.

import fs from 'node:fs';
import type { CoordSystem } from '../messages/messages.js';
import { loadConfig } from '../platform/config/config.js';
import { createPrisma } from '../platform/db/create-prisma.js';
import { engineOf } from '../platform/db/database-engine.js';
import { migrateDatabase } from '../platform/db/migrate-database.js';
import { sqlitePathFromUrl } from '../platform/db/sqlite-path.js';
import { COORD_SYSTEMS } from '../stations/geo/coords.js';
import { formatProgress } from '../stations/import/format-progress.js';
import { formatReport, formatRowError, SHOWN } from '../stations/import/format-report.js';
import { importFileInto } from '../stations/import/import-stations.js';
import { repoSink, type StationSink, sqliteSink } from '../stations/import/station-sink.js';
import { createStationRepo } from '../stations/station-repo.js';
import { duration, progressLine } from './progress-line.js';

const USAGE =
  'usage: npm run stations:import -- <file.csv|file.geojson> [--coord wgs84|gcj02|bd09]  (default gcj02)';

function parseArgs(argv: string[]): { file: string; coord: CoordSystem } | undefined {
  let file: string | undefined;
  let coord: CoordSystem = 'gcj02';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--coord' || arg.startsWith('--coord=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      if (!COORD_SYSTEMS.includes(value as CoordSystem)) return undefined;
      coord = value as CoordSystem;
    } else if (!arg.startsWith('-') && !file) file = arg;
    else return undefined;
  }
  return file ? { file, coord } : undefined;
}

const args = parseArgs(process.argv.slice(2));
if (!args) {
  console.error(USAGE);
  process.exit(2);
}
const config = loadConfig(process.env);
await migrateDatabase(config.DATABASE_URL);
// SQLite: one prepared upsert on the CLI's own connection. PostgreSQL: the repository's batched
// upsert through Prisma (the server takes concurrent writers; no file to open).
const prisma =
  engineOf(config.DATABASE_URL) === 'postgres' ? await createPrisma(config.DATABASE_URL) : undefined;
const sink: StationSink = prisma
  ? repoSink(createStationRepo(prisma))
  : sqliteSink(sqlitePathFromUrl(config.DATABASE_URL));
const progress = progressLine();
try {
  const result = await importFileInto(sink, args.file, args.coord, {
    onProgress: (p) => progress.update(formatProgress(p, duration)),
  });
  progress.done();
  if (!result.ok) {
    console.error(`${args.file}: ${result.reason}`);
    process.exitCode = 1;
  } else {
    console.info(formatReport(result.value, args.coord));
    if (result.value.errors.length > SHOWN) {
      const rejected = `${args.file}.rejected.txt`;
      fs.writeFileSync(rejected, `${result.value.errors.map(formatRowError).join('\n')}\n`);
      console.info(`every rejected row, with its line and reasons: ${rejected}`);
    }
    if (result.value.errors.length) process.exitCode = 1;
  }
} catch (error) {
  progress.done();
  console.error(`${args.file}: ${(error as Error).message}`);
  process.exitCode = 1;
}
await prisma?.$disconnect();
