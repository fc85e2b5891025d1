// Chat turns per second (HTTP POST /api/chat/messages) on one instance and on two instances
// sharing one PostgreSQL database and one Redis, the load split between them, in the same run,
// with one SQLite instance beside. Issue 17's target: two instances on PostgreSQL ≥ 1.6× one.
// Needs TEST_POSTGRES_URL (.ci/start-postgres.sh) and TEST_REDIS_URL (.ci/start-redis.sh).
import os from 'node:os';
import type autocannon from 'autocannon';
import type { BenchRow } from './bench-row.js';
import { httpChatLoad } from './chat-load/http-chat-load.js';
import { type CpuUse, measureCpu } from './instances/cpu-sample.js';
import { startBenchInstances } from './instances/instance-processes.js';

const CONNECTIONS = 40;
const SECONDS = Number(process.env.BENCH_INSTANCES_SECONDS ?? 6);
const WARM_UP_SECONDS = 2;
const TARGET_RATIO = 1.6;

const turns = (results: autocannon.Result[]) => results.reduce((sum, r) => sum + r.requests.average, 0);
const failures = (results: autocannon.Result[]) => results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
const total = (results: autocannon.Result[]) => results.reduce((sum, r) => sum + r.requests.total, 0);

export default async function run(): Promise<BenchRow[]> {
  const postgresUrl = process.env.TEST_POSTGRES_URL;
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!postgresUrl || !redisUrl) {
    console.info(
      '  skipped: set TEST_POSTGRES_URL and TEST_REDIS_URL (.ci/start-postgres.sh, .ci/start-redis.sh)',
    );
    return [];
  }
  const servers = await startBenchInstances(redisUrl);
  const [first, second] = servers.postgres;
  try {
    const load = (baseUrl: string, connections: number, prefix: string, seconds = SECONDS) =>
      httpChatLoad(baseUrl, { connections, seconds, prefix });
    // Each process runs a short load first, so none is measured while still compiling.
    await Promise.all([
      load(servers.sqlite.baseUrl, 10, 'warm-sqlite', WARM_UP_SECONDS),
      load(first.baseUrl, 10, 'warm-pg-1', WARM_UP_SECONDS),
      load(second.baseUrl, 10, 'warm-pg-2', WARM_UP_SECONDS),
    ]);
    const pid = (server: { child: { pid?: number } }) => server.child.pid ?? 0;
    const sqlite = await measureCpu([pid(servers.sqlite)], async () => [
      await load(servers.sqlite.baseUrl, CONNECTIONS, 'sqlite'),
    ]);
    const one = await measureCpu([pid(first)], async () => [
      await load(first.baseUrl, CONNECTIONS, 'pg-one'),
    ]);
    // The same connections in all, half on each instance, as a balancer without stickiness would.
    const two = await measureCpu([pid(first), pid(second)], () =>
      Promise.all([
        load(first.baseUrl, CONNECTIONS / 2, 'pg-two-a'),
        load(second.baseUrl, CONNECTIONS / 2, 'pg-two-b'),
      ]),
    );
    const ratio = turns(two.result) / turns(one.result);
    const row = (
      metric: string,
      { result, cpu }: { result: autocannon.Result[]; cpu: CpuUse },
    ): BenchRow => ({
      area: 'instances',
      metric: `${metric}, POST /api/chat/messages at ${CONNECTIONS} connections`,
      value: Math.round(turns(result)),
      unit: `turns/s (${failures(result)} non-2xx or errors of ${total(result)}; app ${cpu.appCores.toFixed(2)} cores, machine ${(100 * cpu.machineBusy).toFixed(0)}% busy)`,
    });
    return [
      row('SQLite, one instance', sqlite),
      row('PostgreSQL + Redis, one instance', one),
      row('PostgreSQL + Redis, two instances (load split)', two),
      {
        area: 'instances',
        metric: 'two instances ÷ one, PostgreSQL, same run',
        value: Number(ratio.toFixed(2)),
        unit: '×',
        target: `≥ ${TARGET_RATIO}×`,
        ok: ratio >= TARGET_RATIO,
      },
      {
        area: 'instances',
        metric: 'machine: cores, 1-minute load average after the run',
        // Both instances, PostgreSQL, Redis and this load generator share these cores.
        value: os.cpus().length,
        unit: `cores, load ${os.loadavg()[0]?.toFixed(1)}`,
      },
    ];
  } finally {
    await servers.stop();
  }
}
