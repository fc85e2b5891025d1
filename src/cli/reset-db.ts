// npm run db:reset — delete the SQLite database (and its WAL files) and migrate a fresh one.
import fs from 'node:fs';
import { loadConfig } from '../platform/config/config.js';
import { engineOf } from '../platform/db/database-engine.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { sqlitePathFromUrl } from '../platform/db/sqlite-path.js';

const config = loadConfig(process.env);
if (engineOf(config.DATABASE_URL) !== 'sqlite') {
  // Dropping a shared server's database is a job for its administrator, not a script.
  console.error('db:reset only deletes a SQLite file; DATABASE_URL names a PostgreSQL database.');
  process.exit(2);
}
const dbPath = sqlitePathFromUrl(config.DATABASE_URL);
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
const result = applyMigrations(dbPath);
console.info(`Recreated ${dbPath} with ${result.applied.length} migration(s).`);
