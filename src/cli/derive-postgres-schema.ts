// npm run db:derive-postgres — rewrite prisma/schema-postgres/ from prisma/schema/ (the source).
// Run after any model change, before `npm run db:new-migration`, which writes both migrations.
import fs from 'node:fs';
import path from 'node:path';
import { derivePostgresSchema } from '../platform/db/postgres-schema.js';
import { POSTGRES_SCHEMA_DIR, SCHEMA_DIR } from '../platform/paths.js';

const derived = derivePostgresSchema(SCHEMA_DIR);
fs.rmSync(POSTGRES_SCHEMA_DIR, { recursive: true, force: true });
fs.mkdirSync(POSTGRES_SCHEMA_DIR, { recursive: true });
for (const [file, text] of derived) fs.writeFileSync(path.join(POSTGRES_SCHEMA_DIR, file), text);
console.info(`Wrote ${derived.size} files to ${path.relative(process.cwd(), POSTGRES_SCHEMA_DIR)}/`);
