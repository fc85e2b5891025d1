// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with `prisma migrate diff` from the
// schema of the last migration (its schema.snapshot.prisma) to the current prisma/schema/.
// (`prisma migrate dev` needs a shadow database, which the JS engine cannot provide.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listMigrations } from '../platform/db/migrate.js';
import { MIGRATIONS_DIR, PROJECT_ROOT } from '../platform/paths.js';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'prisma', 'schema');
const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('usage: npm run db:new-migration -- <name>');
  process.exit(2);
}

/** All schema files as one datamodel, in a stable order. */
function currentSchema(): string {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.prisma'))
    .sort((a, b) => (a === 'base.prisma' ? -1 : b === 'base.prisma' ? 1 : a.localeCompare(b)))
    .map((file) => `// ---- ${file}\n${fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')}`)
    .join('\n');
}

const previous = listMigrations().at(-1);
const from = previous ? path.join(MIGRATIONS_DIR, previous, 'schema.snapshot.prisma') : undefined;
if (from && !fs.existsSync(from)) {
  console.error(`${from} is missing: cannot tell what the last migration's schema was.`);
  process.exit(1);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongyou-migrate-'));
const snapshot = currentSchema();
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
fs.rmSync(tmp, { recursive: true, force: true });
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA)\b/i.test(sql)) {
  console.info('The schema has not changed since the last migration: nothing written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
fs.writeFileSync(path.join(dir, 'schema.snapshot.prisma'), snapshot);
console.info(`Wrote ${path.relative(PROJECT_ROOT, dir)}/migration.sql`);
