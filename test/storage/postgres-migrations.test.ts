import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { applyMigrations, listMigrations } from '../../src/platform/db/migrate.js';
import { applyPostgresMigrations } from '../../src/platform/db/migrate-postgres.js';
import { POSTGRES_MIGRATIONS_DIR } from '../../src/platform/paths.js';
import { describeOnPostgres, type FreshDatabase, freshPostgresDatabase } from '../helpers/postgres.js';
import { tempDir } from '../helpers/test-app.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describeOnPostgres('migrations', () => {
  const databases: FreshDatabase[] = [];
  const dir = tempDir();
  const fresh = async () => {
    const database = await freshPostgresDatabase();
    databases.push(database);
    return database.url;
  };
  afterAll(async () => {
    for (const database of databases) await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('apply once when two instances start at the same moment, recorded as Prisma records them', async () => {
    const url = await fresh();
    const [first, second] = await Promise.all([applyPostgresMigrations(url), applyPostgresMigrations(url)]);
    const names = listMigrations(POSTGRES_MIGRATIONS_DIR);
    expect([first.applied, second.applied].sort((a, b) => a.length - b.length)).toEqual([[], names]);
    expect((await applyPostgresMigrations(url)).applied).toEqual([]);
    const rows = await query<{ migration_name: string }>(
      url,
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
  });

  it('refuse to run when an applied migration was edited, and roll a failing one back whole', async () => {
    const url = await fresh();
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(path.join(migrations, '001_a'), { recursive: true });
    fs.writeFileSync(path.join(migrations, '001_a', 'migration.sql'), 'CREATE TABLE a (id INTEGER);');
    await applyPostgresMigrations(url, migrations);
    fs.writeFileSync(path.join(migrations, '001_a', 'migration.sql'), 'CREATE TABLE a (id TEXT);');
    await expect(applyPostgresMigrations(url, migrations)).rejects.toThrow(/checksum mismatch/);

    fs.writeFileSync(path.join(migrations, '001_a', 'migration.sql'), 'CREATE TABLE a (id INTEGER);');
    fs.mkdirSync(path.join(migrations, '002_b'), { recursive: true });
    fs.writeFileSync(
      path.join(migrations, '002_b', 'migration.sql'),
      'CREATE TABLE b (id INTEGER); SELECT nope;',
    );
    await expect(applyPostgresMigrations(url, migrations)).rejects.toThrow();
    const tables = await query<{ tablename: string }>(
      url,
      `SELECT tablename FROM pg_tables WHERE tablename = 'b'`,
    );
    expect(tables).toEqual([]);
  });

  it('make the same tables and columns on PostgreSQL as the SQLite migrations do on SQLite', async () => {
    const url = await fresh();
    await applyPostgresMigrations(url);
    const columns = await query<{ table_name: string; column_name: string }>(
      url,
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const onPostgres = columns.map((c) => `${c.table_name}.${c.column_name}`).sort();

    const file = path.join(dir, 'same.db');
    applyMigrations(file);
    const db = new Database(file, { readonly: true });
    const tables = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
      )
      .all();
    const onSqlite = tables
      .flatMap((t) =>
        db
          .prepare<[], { name: string }>(`PRAGMA table_info("${t.name}")`)
          .all()
          .map((c) => `${t.name}.${c.name}`),
      )
      .sort();
    db.close();
    expect(onPostgres).toEqual(onSqlite);
  });
});
