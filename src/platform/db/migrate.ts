import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS_DIR } from '../paths.js';

export interface MigrationResult {
  applied: string[];
  total: number;
}

/**
 * Apply pending SQL migrations from prisma/migrations, recording them in Prisma's own
 * `_prisma_migrations` table (same columns, same sha256 checksum) so `prisma migrate status`
 * agrees. Done here rather than by spawning the Prisma CLI: start-up stays fast and needs no
 * dev tooling at run time.
 */
export function applyMigrations(dbPath: string, migrationsDir = MIGRATIONS_DIR): MigrationResult {
  if (dbPath !== ':memory:') fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const done = new Map(
      db
        .prepare<[], { migration_name: string; checksum: string }>(
          'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
        .all()
        .map((row) => [row.migration_name, row.checksum]),
    );
    const names = listMigrations(migrationsDir);
    const applied: string[] = [];
    for (const name of names) {
      const sql = fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`Migration ${name} was changed after it was applied (checksum mismatch)`);
        }
        continue;
      }
      const startedAt = new Date().toISOString();
      db.transaction(() => {
        db.exec(sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), checksum, new Date().toISOString(), name, startedAt);
      })();
      applied.push(name);
    }
    return { applied, total: names.length };
  } finally {
    db.close();
  }
}

export function listMigrations(migrationsDir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, 'migration.sql')),
    )
    .map((entry) => entry.name)
    .sort();
}
