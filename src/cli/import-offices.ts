// npx tsx src/cli/import-offices.ts <offices.csv|rules.csv|directory.json> [--rules]
// Import union offices (CSV columns: code,name,kind,level,regionCode,industry,parentCode,phone,
// address,email,hours,active) or routing rules (--rules; regionPrefix,industry,collective,
// officeCode,priority,note,active), or a JSON file {"offices": [...], "rules": [...]}, into
// DATABASE_URL. Nothing is written when any row is wrong.
import fs from 'node:fs';
import { readImport } from '../offices/office-import.js';
import { createOfficeService } from '../offices/office-service.js';
import { loadConfig } from '../platform/config/config.js';
import { createPrisma } from '../platform/db/create-prisma.js';
import { migrateDatabase } from '../platform/db/migrate-database.js';

const [file, flag] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx src/cli/import-offices.ts <file.csv|file.json> [--rules]');
  process.exit(2);
}
const config = loadConfig(process.env);
await migrateDatabase(config.DATABASE_URL);
const prisma = await createPrisma(config.DATABASE_URL);
try {
  const offices = createOfficeService({ prisma, collectiveUp: config.ROUTE_COLLECTIVE_UP });
  await offices.ensureSeeded();
  const text = fs.readFileSync(file, 'utf8');
  const batch = file.endsWith('.json')
    ? readImport(JSON.parse(text) as Parameters<typeof readImport>[0])
    : readImport({ csv: text, kind: flag === '--rules' ? 'rules' : 'offices' });
  const result = await offices.import(batch);
  console.info(`Imported ${result.offices} office(s) and ${result.rules} routing rule(s) from ${file}.`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
