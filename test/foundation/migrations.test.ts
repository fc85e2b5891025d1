import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations } from '../../src/platform/db/migrate.js';
import { MIGRATIONS_DIR, PROJECT_ROOT } from '../../src/platform/paths.js';
import { tempDir } from '../helpers/test-app.js';

describe('migrations', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('apply once, record in _prisma_migrations, and are idempotent', () => {
    const dbPath = path.join(dir, 'm.db');
    const first = applyMigrations(dbPath);
    expect(first.applied).toEqual(listMigrations());
    expect(applyMigrations(dbPath).applied).toEqual([]);
    const db = new Database(dbPath, { readonly: true });
    const rows = db
      .prepare('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name')
      .all();
    expect(rows).toHaveLength(first.total);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuse to run when an applied migration was edited', () => {
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(path.join(migrations, '001_a'), { recursive: true });
    fs.writeFileSync(path.join(migrations, '001_a', 'migration.sql'), 'CREATE TABLE a (id INTEGER);');
    const dbPath = path.join(dir, 'edited.db');
    applyMigrations(dbPath, migrations);
    fs.writeFileSync(path.join(migrations, '001_a', 'migration.sql'), 'CREATE TABLE a (id TEXT);');
    expect(() => applyMigrations(dbPath, migrations)).toThrow(/checksum mismatch/);
  });

  it('cover the whole Prisma schema (no model change without its migration)', () => {
    const last = listMigrations().at(-1)!;
    const snapshot = path.join(MIGRATIONS_DIR, last, 'schema.snapshot.prisma');
    const sql = execFileSync(
      'npx',
      [
        'prisma',
        'migrate',
        'diff',
        '--from-schema-datamodel',
        snapshot,
        '--to-schema-datamodel',
        'prisma/schema',
        '--script',
      ],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'scratch.db')}` },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    expect(sql).not.toMatch(/CREATE|ALTER|DROP/);
  });

  it('leave SQLite with foreign keys on in the app connection', async () => {
    const { createPrisma } = await import('../../src/platform/db/create-prisma.js');
    const dbPath = path.join(dir, 'fk.db');
    applyMigrations(dbPath);
    const prisma = await createPrisma(`file:${dbPath}`);
    const [fk] = await prisma.$queryRawUnsafe<{ foreign_keys: bigint }[]>('PRAGMA foreign_keys');
    const [sync] = await prisma.$queryRawUnsafe<{ synchronous: bigint }[]>('PRAGMA synchronous');
    expect(Number(fk?.foreign_keys)).toBe(1);
    expect(Number(sync?.synchronous)).toBe(2);
    await prisma.$disconnect();
  });
});
