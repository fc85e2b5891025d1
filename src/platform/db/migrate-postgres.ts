import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { POSTGRES_MIGRATIONS_DIR } from '../paths.js';
import { listMigrations, type MigrationResult } from './migrate.js';

/** Any fixed number: the advisory lock that lets one instance migrate while the others wait. */
const MIGRATION_LOCK = 4_170_017;

/**
 * Apply pending migrations from prisma/migrations-postgres, recorded in Prisma's own
 * `_prisma_migrations` (its PostgreSQL columns, the same sha256 checksum) so `prisma migrate
 * status` agrees. Several instances start at once behind a load balancer: an advisory lock
 * makes the first one migrate and the others wait, then find nothing left to do. Each migration
 * runs in its own transaction (PostgreSQL's DDL is transactional), so a failed one leaves no half.
 */
export async function applyPostgresMigrations(
  databaseUrl: string,
  migrationsDir = POSTGRES_MIGRATIONS_DIR,
): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Map(done.rows.map((row) => [row.migration_name, row.checksum]));
    const names = listMigrations(migrationsDir);
    const newlyApplied: string[] = [];
    for (const name of names) {
      const sql = fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = applied.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`Migration ${name} was changed after it was applied (checksum mismatch)`);
        }
        continue;
      }
      const startedAt = new Date();
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), checksum, name, startedAt],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      newlyApplied.push(name);
    }
    return { applied: newlyApplied, total: names.length };
  } finally {
    // Closing the session releases the advisory lock too.
    await client.end();
  }
}
