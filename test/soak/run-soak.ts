// npm run soak -- --minutes N [--rate S]
// Starts the real server (tsx) on a temporary SQLite file, on loopback only, and drives it from
// this process at a steady rate: questions, station searches, complaints filed to a ticket and
// staff taking over a queued chat. Afterwards it checks every acknowledged ticket and message is
// in the database exactly once and that the server's RSS did not grow more than 10% after
// warm-up, and prints p50/p99 per kind and the status counts. Exit code 1 when a check fails.
import fs from 'node:fs';
import path from 'node:path';
import { createStaffAccount, StaffClient, WebWorker } from '../helpers/live-clients.js';
import { startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/test-app.js';
import { createRssSampler } from './rss-sampler.js';
import { checkStore } from './soak-checks.js';
import { createSoakLedger } from './soak-ledger.js';
import { SOAK_MIX, type SoakContext } from './soak-scenarios.js';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
/** Bounded: the soak is for a shared machine, never an open-ended load. */
const minutes = Math.min(argument('minutes', 3), 120);
const rate = Math.min(argument('rate', 5), 50);
/** Scenarios in flight at most; past this a tick is skipped (and counted), not queued. */
const MAX_IN_FLIGHT = 32;
const RSS_GROWTH_BOUND = 0.1;
const SAMPLE_EVERY_MS = 5000;
const STAFF = { username: 'soak.staff', password: 'soak staff password' };

const dir = tempDir('gongyou-soak-');
const file = path.join(dir, 'soak.db');
const databaseUrl = `file:${file}`;
let exitCode = 0;
try {
  createStaffAccount(databaseUrl, STAFF.username, STAFF.password);
  const server = await startServerProcess({
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    SEED_SAMPLE_DATA: 'true',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const pid = server.child.pid ?? 0;
  const staff = new StaffClient(server.baseUrl);
  await staff.login(STAFF.username, STAFF.password);
  const ledger = createSoakLedger();
  const rss = createRssSampler(pid);

  const durationMs = minutes * 60_000;
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let serial = 0;
  let skipped = 0;
  let failedScenarios = 0;
  let nextSample = 0;
  console.info(`soak: ${minutes} min at ${rate} scenarios/s against ${server.baseUrl} (pid ${pid})`);
  while (performance.now() - started < durationMs) {
    const elapsed = performance.now() - started;
    if (elapsed >= nextSample) {
      rss.sample(elapsed);
      nextSample += SAMPLE_EVERY_MS;
    }
    if (inFlight.size >= MAX_IN_FLIGHT) skipped += 1;
    else {
      const n = serial++;
      const ctx: SoakContext = {
        baseUrl: server.baseUrl,
        ledger,
        staff,
        serial: n,
        worker: () => new WebWorker(server.baseUrl, `soak-${n}`),
      };
      const run = (SOAK_MIX[n % SOAK_MIX.length] as (c: SoakContext) => Promise<void>)(ctx)
        .catch(() => {
          failedScenarios += 1;
        })
        .finally(() => inFlight.delete(run));
      inFlight.add(run);
    }
    // A steady rate: the next start is due at its slot, however long this one takes.
    const due = started + (serial + skipped) * (1000 / rate);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
  }
  await Promise.all(inFlight);
  rss.sample(performance.now() - started);
  server.child.kill('SIGTERM');
  await server.exited;

  const store = checkStore(file, ledger);
  const verdict = rss.verdict(durationMs, RSS_GROWTH_BOUND);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const requests = Object.values(ledger.statuses).reduce((a, b) => a + b, 0);
  console.info(
    `\n${serial} scenarios (${skipped} ticks skipped at ${MAX_IN_FLIGHT} in flight, ${failedScenarios} threw), ${requests} requests`,
  );
  console.info('statuses:', ledger.statuses);
  console.info('\nkind        count    p50 ms    p99 ms');
  for (const row of ledger.percentiles()) {
    console.info(
      `${row.kind.padEnd(10)} ${String(row.count).padStart(6)} ${row.p50.toFixed(1).padStart(9)} ${row.p99.toFixed(1).padStart(9)}`,
    );
  }
  console.info(
    `\nRSS: ${mb(verdict.warmedUp)} after warm-up, ${mb(verdict.final)} at the end (${(verdict.growth * 100).toFixed(1)}%, bound ${RSS_GROWTH_BOUND * 100}%), peak ${mb(verdict.peak)}`,
  );
  console.info(
    `store: ${ledger.tickets.length} tickets acknowledged (${store.tickets} in the database), ${store.messages} messages in ${store.conversations} conversations, ${store.problems.length} problems`,
  );
  for (const problem of store.problems.slice(0, 20)) console.error(`  ${problem}`);
  if (store.problems.length || !verdict.ok || failedScenarios) exitCode = 1;
  console.info(exitCode ? 'soak: FAILED' : 'soak: passed');
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
