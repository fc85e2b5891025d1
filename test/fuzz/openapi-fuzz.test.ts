import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_SEED, type FuzzSession, responseProblem, startFuzzSession } from './fuzz-session.js';
import { requestsFor } from './openapi-requests.js';

// Issue 16: every route of the OpenAPI document, fuzzed with hostile strings, wrong types, huge
// and deep bodies and bad multipart. Bounded (RUNS per route) and seeded (FUZZ_SEED), so a
// failure reproduces; `npm run fuzz -- --runs N` runs the same properties longer.
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

let session: FuzzSession;
beforeAll(async () => {
  session = await startFuzzSession();
}, 120_000);
afterAll(() => session?.close());

describe('fuzzing the OpenAPI document', () => {
  it('covers every documented route', () => {
    expect(session.targets.length).toBeGreaterThanOrEqual(60);
  });

  it('answers every fuzzed request to every route with 2xx/4xx (or 503 with Retry-After)', async () => {
    const failures: string[] = [];
    for (const [index, target] of session.targets.entries()) {
      const property = fc.asyncProperty(
        requestsFor(target, session.credentials, session.known),
        async (request) => {
          const response = await session.t.app.inject(request);
          const problem = responseProblem(response);
          if (problem) throw new Error(`${request.method} ${String(request.url).slice(0, 200)}: ${problem}`);
        },
      );
      // One seed per route, derived from the run's: a failure names the route and its seed.
      const seed = FUZZ_SEED + index;
      const result = await fc.check(property, { seed, numRuns: RUNS, endOnFailure: true });
      if (result.failed)
        failures.push(`${target.method} ${target.path} (seed ${seed}): ${String(result.errorInstance)}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
