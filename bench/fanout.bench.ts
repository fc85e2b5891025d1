// Staff fan-out: how long a live frame takes from the staff hub to every console of the office,
// in process (one instance) beside through Redis (published on instance A, consoles on B), in
// the same run. `npm run bench -- --only fanout`; the Redis half needs BENCH_REDIS_URL or
// TEST_REDIS_URL (.ci/start-redis.sh prints one) and is skipped without it.
import type { FastifyInstance } from 'fastify';
import { startInstances } from '../test/helpers/instances.js';
import { createTestApp } from '../test/helpers/test-app.js';
import { WsClient } from '../test/helpers/ws-client.js';
import { createOffices, createStaff, loginBearer } from '../test/staff/staff-fixtures.js';
import { type BenchRow, percentile } from './bench-row.js';

const CONSOLES = 20;
const ROUNDS = 300;

/** Consoles of one office on `ws`, signed in through `app`; resolves once each said ready. */
async function openConsoles(app: FastifyInstance, ws: string, officeId: string): Promise<WsClient[]> {
  await createStaff(app, 'bench.fanout', 'agent', officeId);
  const auth = await loginBearer(app, 'bench.fanout');
  const consoles = Array.from({ length: CONSOLES }, () => new WsClient(`${ws}/ws/staff`, auth));
  await Promise.all(consoles.map((c) => c.seen((f) => f.event === 'ready', 30_000)));
  return consoles;
}

/** Publish ROUNDS frames one at a time; each round lasts until the last console has it. */
async function measure(publisher: FastifyInstance, officeId: string, consoles: WsClient[]) {
  const times: number[] = [];
  for (let seq = 0; seq < ROUNDS; seq++) {
    const all = Promise.all(consoles.map((c) => c.waitFor((f) => f.event === 'bench' && f.seq === seq)));
    const began = performance.now();
    publisher.staffHub.publish(officeId, { event: 'bench', seq });
    await all;
    times.push(performance.now() - began);
  }
  return times.sort((a, b) => a - b);
}

const rows = (label: string, times: number[]): BenchRow[] => [
  {
    area: 'fanout',
    metric: `${label}: frame to ${CONSOLES} consoles p50`,
    value: percentile(times, 50),
    unit: 'ms',
  },
  {
    area: 'fanout',
    metric: `${label}: frame to ${CONSOLES} consoles p99`,
    value: percentile(times, 99),
    unit: 'ms',
  },
];

export default async function run(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const single = await createTestApp({ LOG_LEVEL: 'silent', STAFF_LOGIN_PER_MINUTE: '1000' });
  try {
    await single.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = single.app.server.address() as { port: number };
    const offices = await createOffices(single.app);
    const consoles = await openConsoles(single.app, `ws://127.0.0.1:${port}`, offices.a);
    out.push(...rows('in process', await measure(single.app, offices.a, consoles)));
    for (const c of consoles) c.close();
  } finally {
    await single.close();
  }

  const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL;
  if (!redisUrl) {
    console.info('  fanout through Redis skipped: set BENCH_REDIS_URL or TEST_REDIS_URL');
    return out;
  }
  const pair = await startInstances({ redisUrl, env: { STAFF_LOGIN_PER_MINUTE: '1000' } });
  try {
    const offices = await createOffices(pair.a.app);
    const consoles = await openConsoles(pair.b.app, pair.b.ws, offices.a);
    out.push(...rows('Redis, A to B', await measure(pair.a.app, offices.a, consoles)));
    out.push(...rows('Redis, B to B', await measure(pair.b.app, offices.a, consoles)));
    for (const c of consoles) c.close();
  } finally {
    await pair.close();
  }
  return out;
}
