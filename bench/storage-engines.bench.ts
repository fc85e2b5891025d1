// Storage engines side by side in one run: chat turns and ticket writes on SQLite (the default)
// and on PostgreSQL when TEST_POSTGRES_URL names a server (`.ci/start-postgres.sh` prints one);
// without it, or when the server does not answer, the PostgreSQL rows are skipped with a message.
// One instance each: the multi-instance comparison is the two-instance bench's job.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { INDUSTRIES } from '../src/offices/office-types.js';
import { loadConfig } from '../src/platform/config/config.js';
import { regionIndex } from '../src/regions/index.js';
import { CONSENT_VERSION } from '../src/tickets/consent.js';
import { freshPostgresDatabase, TEST_DATA_KEY, TEST_POSTGRES_URL } from '../test/helpers/postgres.js';
import { chat, tempDir } from '../test/helpers/test-app.js';
import type { BenchRow } from './bench-row.js';

const CHAT_TURNS = 400;
const CHAT_USERS = 32;
const TICKETS = 600;
const TICKETS_IN_FLIGHT = 64;

async function appOn(databaseUrl: string): Promise<FastifyInstance> {
  const app = await buildApp(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      GONGYOU_DATA_KEY: TEST_DATA_KEY,
      LOG_LEVEL: 'silent',
      SEED_SAMPLE_DATA: 'false',
      RATE_LIMIT_PER_MINUTE: '10000000',
    }),
  );
  await app.ready();
  return app;
}

/** Turns per second: CHAT_USERS riders asking at once, each waiting for its reply. */
async function chatTurnsPerSecond(app: FastifyInstance): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CHAT_USERS }, async (_, user) => {
      while (next < CHAT_TURNS) {
        next += 1;
        await chat(app, { channelUserId: `bench-rider-${user}`, text: '加班费怎么算？' });
      }
    }),
  );
  return CHAT_TURNS / ((performance.now() - started) / 1000);
}

async function ticketsPerSecond(app: FastifyInstance): Promise<number> {
  const counties = regionIndex()
    .all(['county'])
    .map((r) => r.code);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: TICKETS_IN_FLIGHT }, async () => {
      while (next < TICKETS) {
        const i = next++;
        await app.tickets.create({
          type: 'wage_arrears',
          claimantName: '样例工友',
          phone: `139${String(i).padStart(8, '0')}`,
          regionCode: counties[i % counties.length]!,
          industry: INDUSTRIES[i % INDUSTRIES.length]!,
          employer: `样例单位${i % 97}`,
          amountYuan: 1000 + i,
          workerCount: 1,
          evidence: ['chat_logs'],
          channel: 'api',
          locale: 'zh-CN',
          consentVersion: CONSENT_VERSION,
          consentAt: new Date(),
        });
      }
    }),
  );
  return TICKETS / ((performance.now() - started) / 1000);
}

async function measure(engine: string, databaseUrl: string): Promise<BenchRow[]> {
  const app = await appOn(databaseUrl);
  try {
    const turns = await chatTurnsPerSecond(app);
    const tickets = await ticketsPerSecond(app);
    return [
      {
        area: 'storage',
        metric: `${engine}: chat turns/s (${CHAT_USERS} riders at once)`,
        value: Math.round(turns),
        unit: '/s',
      },
      {
        area: 'storage',
        metric: `${engine}: tickets persisted/s (${TICKETS_IN_FLIGHT} in flight)`,
        value: Math.round(tickets),
        unit: '/s',
      },
    ];
  } finally {
    await app.close();
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export default async function run(): Promise<BenchRow[]> {
  const rows = await measure('SQLite', `file:${path.join(tempDir('gongyou-bench-storage-'), 'bench.db')}`);
  if (!TEST_POSTGRES_URL || !(await reachable(TEST_POSTGRES_URL))) {
    console.info(
      '  PostgreSQL skipped: set TEST_POSTGRES_URL to a reachable server (.ci/start-postgres.sh prints one)',
    );
    return rows;
  }
  const database = await freshPostgresDatabase();
  try {
    rows.push(...(await measure('PostgreSQL', database.url)));
  } finally {
    await database.drop();
  }
  return rows;
}
