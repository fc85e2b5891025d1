// npm run db:migrate — apply pending migrations to DATABASE_URL (start does this too).
import { loadConfig } from '../platform/config/config.js';
import { migrateDatabase } from '../platform/db/migrate-database.js';

const config = loadConfig(process.env);
const result = await migrateDatabase(config.DATABASE_URL);
console.info(
  result.applied.length
    ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
    : `Database is up to date (${result.total} migrations).`,
);
