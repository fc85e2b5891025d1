// npm run fuzz -- --runs N [--seed S]
// The fuzz suite's properties, N requests per documented route (default 200), reporting the
// status counts, the slowest response per route and every failure with its seed.
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { FUZZ_SEED, responseProblem, startFuzzSession } from './fuzz-session.js';
import { requestsFor } from './openapi-requests.js';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = argument('runs', 200);
const seed = argument('seed', FUZZ_SEED);
/** The bound on any single answer. */
const SLOW_MS = 1000;

const session = await startFuzzSession();
const statuses = new Map<number, number>();
const failures: string[] = [];
const slowest: { route: string; ms: number }[] = [];
let requests = 0;
const started = performance.now();

for (const [index, target] of session.targets.entries()) {
  let worst = 0;
  const property = fc.asyncProperty(
    requestsFor(target, session.credentials, session.known),
    async (request) => {
      const begin = performance.now();
      const response = await session.t.app.inject(request);
      const ms = performance.now() - begin;
      worst = Math.max(worst, ms);
      requests += 1;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const problem = responseProblem(response) ?? (ms > SLOW_MS ? `took ${Math.round(ms)} ms` : undefined);
      if (problem) throw new Error(`${request.method} ${String(request.url).slice(0, 200)}: ${problem}`);
    },
  );
  const result = await fc.check(property, { seed: seed + index, numRuns: runs, endOnFailure: true });
  if (result.failed)
    failures.push(`${target.method} ${target.path} (seed ${seed + index}): ${String(result.errorInstance)}`);
  slowest.push({ route: `${target.method} ${target.path}`, ms: worst });
}
await session.close();

const seconds = (performance.now() - started) / 1000;
console.info(
  `${requests} requests over ${session.targets.length} routes in ${seconds.toFixed(1)} s (seed ${seed}, ${runs} per route)`,
);
console.info('statuses:', Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])));
console.info(
  'slowest:',
  slowest
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((s) => `${s.route} ${s.ms.toFixed(0)} ms`)
    .join('; '),
);
for (const failure of failures) console.error(`FAIL ${failure}`);
console.info(`${session.targets.length - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
