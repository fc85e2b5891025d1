import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../src/platform/paths.js';
import { tempDir } from '../test/helpers/test-app.js';
import type { BenchRow } from './bench-row.js';
import { rssMiB, runCommand, startCommand, startServer } from './process-probe.js';
import { bareInsert, writeStationsCsv } from './stations-files.js';

const COUNT = 200_000;

const row = (metric: string, value: number, unit: string, target?: string, ok?: boolean): BenchRow => ({
  area: 'stations start',
  metric,
  value: Math.round(value * 10) / 10,
  unit,
  ...(target ? { target, ok } : {}),
});

/** Start a process, wait for a 200 from /healthz, return the time it took and the live process. */
async function startToHealthy(args: string[], env: Record<string, string>) {
  const started = performance.now();
  const server = await startServer(args, env);
  const response = await fetch(`${server.baseUrl}/healthz`);
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
  return { ms, server };
}

/** Wait (bounded) until /readyz says the stations are ready; how long after /healthz it took. */
async function stationsReady(baseUrl: string, limitMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const body = (await (await fetch(`${baseUrl}/readyz`)).json()) as { stations?: string };
    if (body.stations === 'ready') return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('stations did not get ready');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Both started as `npm start` starts the server: compiled JavaScript, no TypeScript transformed
 * at start (the server by its own build script, the bare process bundled the same way).
 */
async function buildStartables() {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: ['bench/bare-server.ts'],
    outfile: 'dist/bench/bare-server.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

export default async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = tempDir('gongyou-bench-start-');
  await buildStartables();
  const { args: serverArgs, env: startEnv } = startCommand();
  const bareArgs = ['dist/bench/bare-server.js'];

  // Once each from source under tsx, as `npm start` ran before it was compiled: the old way beside.
  const bareTsx = await startToHealthy(['--import', 'tsx', 'bench/bare-server.ts'], {});
  await bareTsx.server.stop();
  const serverTsx = await startToHealthy(['--import', 'tsx', 'src/server.ts'], {
    DATABASE_URL: `file:${path.join(dir, 'tsx.db')}`,
  });
  await serverTsx.server.stop();

  // New database (sample data), three times each, alternating with the bare process.
  const bare: number[] = [];
  const fresh: number[] = [];
  let idleRss = 0;
  for (let i = 0; i < 3; i++) {
    const b = await startToHealthy(bareArgs, {});
    bare.push(b.ms);
    await b.server.stop();
    const f = await startToHealthy(serverArgs, {
      ...startEnv,
      DATABASE_URL: `file:${path.join(dir, `new-${i}.db`)}`,
    });
    fresh.push(f.ms);
    if (i === 0) {
      await stationsReady(f.server.baseUrl);
      // Idle: a few seconds after start, with the sample data (what the issue's 335 MiB was),
      // and after the place-name tables, built 1.5 s and 4 s after listening (flows-plugin.ts).
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      idleRss = rssMiB(f.server.pid);
    }
    await f.server.stop();
  }
  rows.push(row('from source under tsx: bare Fastify process to /healthz (once)', bareTsx.ms, 'ms'));
  rows.push(row('from source under tsx: server to /healthz, new database (once)', serverTsx.ms, 'ms'));
  rows.push(row('bare Fastify process, compiled, to /healthz (baseline, median of 3)', median(bare), 'ms'));
  rows.push(
    row(
      'cold start to /healthz, new database, compiled (median of 3)',
      median(fresh),
      'ms',
      '< 2000 ms',
      median(fresh) < 2000,
    ),
  );
  rows.push(row('cold start new database ÷ bare process', median(fresh) / median(bare), '×'));
  rows.push(row('RSS idle, sample data', idleRss, 'MiB', '< 200 MiB', idleRss < 200));

  // BENCH_START_ONLY=1: the new-database start and idle memory alone (seconds, not minutes).
  if (process.env.BENCH_START_ONLY === '1') {
    fs.rmSync(dir, { recursive: true, force: true });
    return rows;
  }

  // 200,000 stations: imported by the CLI (measured), then the server started on that database.
  const csv = path.join(dir, 'stations.csv');
  writeStationsCsv(csv, COUNT);
  const importDb = path.join(dir, 'import.db');
  const importStarted = performance.now();
  const importPeak = await runCommand(['--import', 'tsx', 'src/cli/import-stations.ts', csv], {
    DATABASE_URL: `file:${importDb}`,
  });
  const importSeconds = (performance.now() - importStarted) / 1000;
  const bareSeconds = bareInsert(path.join(dir, 'bare.db'), COUNT);
  rows.push(
    row(
      `stations:import of ${COUNT.toLocaleString('en-US')} rows, peak RSS`,
      importPeak,
      'MiB',
      '< 400 MB',
      importPeak < 381.5,
    ),
  );
  rows.push(
    row('stations:import rows/s (whole command, validation included)', COUNT / importSeconds, 'rows/s'),
  );
  rows.push(
    row(
      'bare better-sqlite3 prepared insert rows/s (baseline, no validation)',
      COUNT / bareSeconds,
      'rows/s',
    ),
  );
  rows.push(row('import rows/s ÷ bare insert', bareSeconds / importSeconds, '×'));

  const big: number[] = [];
  let bigRss = 0;
  let readyAfter = 0;
  for (let i = 0; i < 3; i++) {
    const s = await startToHealthy(serverArgs, {
      ...startEnv,
      DATABASE_URL: `file:${importDb}`,
      SEED_SAMPLE_DATA: 'false',
    });
    big.push(s.ms);
    if (i === 0) {
      readyAfter = await stationsReady(s.server.baseUrl);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      bigRss = rssMiB(s.server.pid);
    }
    await s.server.stop();
  }
  rows.push(
    row(
      `cold start to /healthz, ${COUNT.toLocaleString('en-US')} stations (median of 3)`,
      median(big),
      'ms',
      '< 2000 ms',
      median(big) < 2000,
    ),
  );
  rows.push(row('… then stations: ready in /readyz after', readyAfter, 'ms'));
  rows.push(row(`RSS idle with ${COUNT.toLocaleString('en-US')} stations (no sample data)`, bigRss, 'MiB'));
  rows.push(
    row(
      'RSS added by the stations (vs idle, sample data)',
      bigRss - idleRss,
      'MiB',
      '< 100 MiB',
      bigRss - idleRss < 100,
    ),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}
