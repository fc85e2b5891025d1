// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql and, under the same name,
// prisma/migrations-postgres/<timestamp>_<name>/migration.sql, each with `prisma migrate diff`
// from the schema of that set's last migration (its schema.snapshot.prisma) to the current
// schema: prisma/schema/ for SQLite, prisma/schema-postgres/ (derived from it first) for
// PostgreSQL. (`prisma migrate dev` needs a shadow database, which the JS engine cannot provide.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listMigrations } from '../platform/db/migrate.js';
import { derivePostgresSchema, joinSchema, readSchemaFolder } from '../platform/db/postgres-schema.js';
import {
  MIGRATIONS_DIR,
  POSTGRES_MIGRATIONS_DIR,
  POSTGRES_SCHEMA_DIR,
  PROJECT_ROOT,
  SCHEMA_DIR,
} from '../platform/paths.js';

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('usage: npm run db:new-migration -- <name>');
  process.exit(2);
}

// The PostgreSQL schema follows the SQLite source before anything is diffed.
const derived = derivePostgresSchema(SCHEMA_DIR);
fs.rmSync(POSTGRES_SCHEMA_DIR, { recursive: true, force: true });
fs.mkdirSync(POSTGRES_SCHEMA_DIR, { recursive: true });
for (const [file, text] of derived) fs.writeFileSync(path.join(POSTGRES_SCHEMA_DIR, file), text);

const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongyou-migrate-'));

/** The SQL from a migration set's last snapshot to `snapshot`, or undefined when nothing changed. */
function diff(migrationsDir: string, snapshot: string): string | undefined {
  const previous = listMigrations(migrationsDir).at(-1);
  const from = previous ? path.join(migrationsDir, previous, 'schema.snapshot.prisma') : undefined;
  if (from && !fs.existsSync(from)) {
    console.error(`${from} is missing: cannot tell what the last migration's schema was.`);
    process.exit(1);
  }
  const toFile = path.join(tmp, 'schema.prisma');
  fs.writeFileSync(toFile, snapshot);
  // The Prisma config's adapter opens DATABASE_URL even for a pure schema diff: point it at a scratch file.
  const env = { ...process.env, DATABASE_URL: `file:${path.join(tmp, 'scratch.db')}` };
  const sql = execFileSync(
    'npx',
    [
      'prisma',
      'migrate',
      'diff',
      ...(from ? ['--from-schema-datamodel', from] : ['--from-empty']),
      '--to-schema-datamodel',
      toFile,
      '--script',
    ],
    { cwd: PROJECT_ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return /\b(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA)\b/i.test(sql) ? sql : undefined;
}

const sets = [
  { dir: MIGRATIONS_DIR, snapshot: joinSchema(readSchemaFolder(SCHEMA_DIR)) },
  { dir: POSTGRES_MIGRATIONS_DIR, snapshot: joinSchema(derived) },
];
const written = sets.map((set) => ({ ...set, sql: diff(set.dir, set.snapshot) }));
fs.rmSync(tmp, { recursive: true, force: true });
if (written.every((set) => set.sql === undefined)) {
  console.info('The schema has not changed since the last migration: nothing written.');
  process.exit(0);
}
for (const set of written) {
  if (set.sql === undefined) continue;
  const dir = path.join(set.dir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), set.sql);
  fs.writeFileSync(path.join(dir, 'schema.snapshot.prisma'), set.snapshot);
  console.info(`Wrote ${path.relative(PROJECT_ROOT, dir)}/migration.sql`);
}
