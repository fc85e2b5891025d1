import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../platform/paths.js';
import type { SeedOffice } from './office-seed.js';
import { NATIONAL_OFFICE_CODE, type OfficeLevel } from './office-types.js';

/**
 * The seeded directory written out once (`npx tsx src/cli/prepare-office-seed.ts`), so a start
 * on a new database inserts it without building the GB/T 2260 index first (about 0.4 s).
 * test/offices/prepared-seed.test.ts holds it equal to seedOffices(): it cannot go stale.
 */
export const PREPARED_SEED_FILE = path.join(PROJECT_ROOT, 'src', 'offices', 'prepared', 'office-seed.json');

/** [code, name, level, regionCode, parentCode]: ids equal codes, only the national one is not regional. */
type PreparedRow = [string, string, OfficeLevel, string, string | null];

export interface PreparedSeed {
  source: string;
  rows: PreparedRow[];
}

export function toPrepared(offices: readonly SeedOffice[], source: string): PreparedSeed {
  return { source, rows: offices.map((o) => [o.code, o.name, o.level, o.regionCode, o.parentId]) };
}

export function readPreparedSeed(file = PREPARED_SEED_FILE): SeedOffice[] {
  const prepared = JSON.parse(fs.readFileSync(file, 'utf8')) as PreparedSeed;
  return prepared.rows.map(([code, name, level, regionCode, parentId]) => ({
    id: code,
    code,
    name,
    kind: code === NATIONAL_OFFICE_CODE ? 'national' : 'regional',
    level,
    regionCode,
    parentId,
  }));
}
