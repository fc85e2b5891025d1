import { engineOf } from './database-engine.js';
import { applyMigrations, type MigrationResult } from './migrate.js';
import { sqlitePathFromUrl } from './sqlite-path.js';

/** Apply the pending migrations of DATABASE_URL's engine (prisma/migrations or migrations-postgres). */
export async function migrateDatabase(databaseUrl: string): Promise<MigrationResult> {
  if (engineOf(databaseUrl) === 'postgres') {
    const { applyPostgresMigrations } = await import('./migrate-postgres.js');
    return applyPostgresMigrations(databaseUrl);
  }
  return applyMigrations(sqlitePathFromUrl(databaseUrl));
}
