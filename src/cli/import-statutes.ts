// npm run kb:import -- <dir>
// Loads the statute Markdown files in <dir> into DATABASE_URL, one row per article. Running it
// again changes nothing unless a file did. Bad files are listed with file and line and skipped;
// the exit code is 1 only when no statute could be imported.
import path from 'node:path';
import { importStatutes } from '../knowledge/statute-importer.js';
import { loadConfig } from '../platform/config/config.js';
import { createPrisma } from '../platform/db/create-prisma.js';
import { migrateDatabase } from '../platform/db/migrate-database.js';

const config = loadConfig(process.env);
const dir = process.argv[2] ?? config.KNOWLEDGE_DIR;
if (!dir) {
  console.error('usage: npm run kb:import -- <directory of statute .md files> (or set KNOWLEDGE_DIR)');
  process.exit(2);
}
await migrateDatabase(config.DATABASE_URL);
const prisma = await createPrisma(config.DATABASE_URL);
try {
  const report = await importStatutes(prisma, path.resolve(dir));
  for (const file of report.files) {
    console.info(
      `${file.law.padEnd(20)} ${String(file.articles).padStart(4)} articles  +${file.created} ~${file.updated} -${file.deleted} =${file.unchanged}  (${file.file})`,
    );
  }
  for (const problem of report.problems)
    console.error(`skipped ${problem.file}:${problem.line}: ${problem.reason}`);
  const total = report.files.reduce((n, f) => n + f.articles, 0);
  console.info(
    `${report.files.length} statutes, ${total} articles; ${report.problems.length} file(s) skipped.`,
  );
  process.exitCode = report.files.length ? 0 : 1;
} finally {
  await prisma.$disconnect();
}
