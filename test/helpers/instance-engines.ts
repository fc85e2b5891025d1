import { describe } from 'vitest';
import type { InstanceEngine } from './instances.js';
import { TEST_POSTGRES_URL } from './postgres.js';

const WITHOUT_POSTGRES = TEST_POSTGRES_URL
  ? ''
  : ' (skipped: TEST_POSTGRES_URL is not set; .ci/start-postgres.sh prints one)';

/**
 * A two-instance test file's cases on each shared database: a SQLite file always, and a fresh
 * PostgreSQL database when TEST_POSTGRES_URL is set; the engine is in each test's name.
 * `skipReason` (e.g. SKIP_WITHOUT_REDIS): when not empty, both are listed as skipped, saying why.
 */
export function describeInstancesOnEachEngine(
  name: string,
  body: (engine: InstanceEngine) => void,
  skipReason = '',
): void {
  for (const [engine, why] of [
    ['SQLite', skipReason],
    ['PostgreSQL', skipReason || WITHOUT_POSTGRES],
  ] as const) {
    (why ? describe.skip : describe)(`${name} [${engine}]${why}`, () => body(engine));
  }
}
