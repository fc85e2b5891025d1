import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations } from '../../src/platform/db/migrate.js';
import { derivePostgresSchema, joinSchema, readSchemaFolder } from '../../src/platform/db/postgres-schema.js';
import {
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_DIR,
  PROJECT_ROOT,
  SCHEMA_DIR,
} from '../../src/platform/paths.js';
import { tempDir } from '../helpers/test-app.js';

/** Tables and their columns as the PostgreSQL migrations create them, read from their SQL. */
function postgresColumnsFromMigrations(): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  for (const name of listMigrations(POSTGRES_MIGRATIONS_DIR)) {
    const sql = fs.readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
    for (const [, table, body] of sql.matchAll(/CREATE TABLE "(\w+)" \(\n([\s\S]*?)\n\);/g)) {
      const columns = new Set<string>();
      for (const line of body!.split('\n')) {
        const column = /^\s+"(\w+)" /.exec(line);
        if (column) columns.add(column[1]!);
      }
      tables.set(table!, columns);
    }
    // PostgreSQL's ALTER TABLE lists several ADD / DROP COLUMN clauses in one statement.
    for (const [, table, clauses] of sql.matchAll(/ALTER TABLE "(\w+)"([^;]*);/g)) {
      for (const [, column] of clauses!.matchAll(/ADD COLUMN\s+"(\w+)"/g)) tables.get(table!)?.add(column!);
      for (const [, column] of clauses!.matchAll(/DROP COLUMN\s+"(\w+)"/g))
        tables.get(table!)?.delete(column!);
    }
    for (const [, table] of sql.matchAll(/DROP TABLE "(\w+)"/g)) tables.delete(table!);
  }
  return tables;
}

/** Tables and their columns in a SQLite database made by the SQLite migrations. */
function sqliteColumnsFromMigrations(dir: string): Map<string, Set<string>> {
  const file = path.join(dir, 'columns.db');
  applyMigrations(file);
  const db = new Database(file, { readonly: true });
  try {
    const names = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
      )
      .all()
      .map((row) => row.name);
    return new Map(
      names.map((name) => [
        name,
        new Set(
          db
            .prepare<[], { name: string }>(`PRAGMA table_info("${name}")`)
            .all()
            .map((c) => c.name),
        ),
      ]),
    );
  } finally {
    db.close();
  }
}

const sorted = (tables: Map<string, Set<string>>) =>
  Object.fromEntries([...tables].sort(([a], [b]) => a.localeCompare(b)).map(([t, c]) => [t, [...c].sort()]));

describe('the PostgreSQL schema and migrations stay in step with the SQLite ones', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prisma/schema-postgres is what prisma/schema derives to (run npm run db:derive-postgres)', () => {
    expect(Object.fromEntries(readSchemaFolder(POSTGRES_SCHEMA_DIR))).toEqual(
      Object.fromEntries(derivePostgresSchema(SCHEMA_DIR)),
    );
  });

  it('the last PostgreSQL migration covers the whole PostgreSQL schema', () => {
    const last = listMigrations(POSTGRES_MIGRATIONS_DIR).at(-1)!;
    const snapshot = fs.readFileSync(
      path.join(POSTGRES_MIGRATIONS_DIR, last, 'schema.snapshot.prisma'),
      'utf8',
    );
    expect(snapshot).toBe(joinSchema(readSchemaFolder(POSTGRES_SCHEMA_DIR)));
    const sql = execFileSync(
      'npx',
      [
        'prisma',
        'migrate',
        'diff',
        '--from-schema-datamodel',
        path.join(POSTGRES_MIGRATIONS_DIR, last, 'schema.snapshot.prisma'),
        '--to-schema-datamodel',
        POSTGRES_SCHEMA_DIR,
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

  it('both migration sets make the same tables with the same columns', () => {
    expect(sorted(postgresColumnsFromMigrations())).toEqual(sorted(sqliteColumnsFromMigrations(dir)));
  });
});
