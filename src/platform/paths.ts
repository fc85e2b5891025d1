import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this file so it holds under tsx (src/) and after a build (dist/src/). */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');
export const PROMPTS_DIR = path.join(PROJECT_ROOT, 'prompts');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');
/** The data model's source (SQLite) and the PostgreSQL copy derived from it, with its migrations. */
export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'prisma', 'schema');
export const POSTGRES_SCHEMA_DIR = path.join(PROJECT_ROOT, 'prisma', 'schema-postgres');
export const POSTGRES_MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations-postgres');
export const WEB_DIR = path.join(PROJECT_ROOT, 'src', 'web');
/** The project's own knowledge cards, one Markdown file each (KNOWLEDGE_CARDS_DIR points elsewhere). */
export const CARDS_DIR = path.join(PROJECT_ROOT, 'knowledge', 'cards');
