// npm run stations:import -- <file.csv|file.geojson> [--coord wgs84|gcj02|bd09]
// Validates every row, prints bad rows with line numbers, upserts the rest by external id.
// A running server picks the changes up on restart or POST /api/staff/stations/reload.

import type { CoordSystem } from '../messages/messages.js';
import { loadConfig } from '../platform/config/config.js';
import { createPrisma } from '../platform/db/create-prisma.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { sqlitePathFromUrl } from '../platform/db/sqlite-path.js';
import { COORD_SYSTEMS } from '../stations/geo/coords.js';
import { formatReport } from '../stations/import/format-report.js';
import { importFile } from '../stations/import/import-stations.js';
import { createStationRepo } from '../stations/station-repo.js';

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
applyMigrations(sqlitePathFromUrl(config.DATABASE_URL));
const prisma = await createPrisma(config.DATABASE_URL);
try {
  const result = await importFile(createStationRepo(prisma), args.file, args.coord);
  if (!result.ok) {
    console.error(`${args.file}: ${result.reason}`);
    process.exitCode = 1;
  } else {
    console.info(formatReport(result.value, args.coord));
    if (result.value.errors.length) process.exitCode = 1;
  }
} catch (error) {
  console.error(`${args.file}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
