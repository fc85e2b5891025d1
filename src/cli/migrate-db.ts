// npm run db:migrate — apply pending migrations to DATABASE_URL (start does this too).
import { loadConfig } from '../platform/config/config.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { sqlitePathFromUrl } from '../platform/db/sqlite-path.js';

const config = loadConfig(process.env);
const result = applyMigrations(sqlitePathFromUrl(config.DATABASE_URL));
console.info(
  result.applied.length
    ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
    : `Database is up to date (${result.total} migrations).`,
);
