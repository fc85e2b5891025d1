// Tickets: persisted tickets per second (group commit, SQLite WAL + synchronous=FULL) with many
// filers at once and with one at a time, HTTP form API throughput, routing decisions per second
// on the seeded nationwide directory with rules, and the bot turns a one-message report takes.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { INDUSTRIES } from '../src/offices/office-types.js';
import { loadConfig } from '../src/platform/config/config.js';
import { regionIndex } from '../src/regions/index.js';
import { CONSENT_VERSION } from '../src/tickets/consent.js';
import type { NewTicket } from '../src/tickets/ticket-types.js';
import { startServerProcess } from '../test/helpers/server-process.js';
import { tempDir } from '../test/helpers/test-app.js';
import type { BenchRow } from './bench-row.js';

const CONCURRENT_TICKETS = 3000;
const IN_FLIGHT = 64;
const SEQUENTIAL_TICKETS = 300;
const HTTP_TICKETS = 1000;
const ROUTES = 300_000;

const row = (metric: string, value: number, unit: string, target?: string, ok?: boolean): BenchRow => ({
  area: 'tickets',
  metric,
  value: Math.round(value * 100) / 100,
  unit,
  ...(target ? { target, ok } : {}),
});

function sample(i: number, counties: string[]): NewTicket {
  return {
    type: 'wage_arrears',
    claimantName: '样例工友',
    phone: `139${String(i).padStart(8, '0')}`,
    regionCode: counties[i % counties.length]!,
    industry: INDUSTRIES[i % INDUSTRIES.length]!,
    employer: `样例单位${i % 97}`,
    amountYuan: 1000 + (i % 50_000),
    workerCount: i % 20 === 0 ? 12 : 1,
    evidence: ['chat_logs'],
    channel: 'api',
    locale: 'zh-CN',
    consentVersion: CONSENT_VERSION,
    consentAt: new Date(),
  };
}

export default async function run(): Promise<BenchRow[]> {
  const dir = tempDir('gongyou-bench-tickets-');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
    LOG_LEVEL: 'silent',
    SEED_SAMPLE_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: '10000000',
  });
  const app = await buildApp(config);
  await app.ready();
  const rows: BenchRow[] = [];
  try {
    const counties = regionIndex()
      .all(['county'])
      .map((r) => r.code);

    // Many filers at once (the group-commit writer shares transactions between them).
    let next = 0;
    let started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < CONCURRENT_TICKETS) await app.tickets.create(sample(next++, counties));
      }),
    );
    const concurrentRate = CONCURRENT_TICKETS / ((performance.now() - started) / 1000);
    rows.push(
      row(
        `tickets persisted/s (${IN_FLIGHT} in flight)`,
        concurrentRate,
        '/s',
        '≥ 500/s',
        concurrentRate >= 500,
      ),
    );

    // One at a time: every ticket waits for its own fsync.
    started = performance.now();
    for (let i = 0; i < SEQUENTIAL_TICKETS; i++)
      await app.tickets.create(sample(CONCURRENT_TICKETS + i, counties));
    rows.push(
      row(
        'tickets persisted/s (one at a time)',
        SEQUENTIAL_TICKETS / ((performance.now() - started) / 1000),
        '/s',
      ),
    );

    // The form API end to end (validation, place parsing, routing, write), in-process inject.
    const form = (i: number) => ({
      claimantName: '样例工友',
      phone: `137 ${String(i).padStart(4, '0')} 0000`,
      place: '浦东新区',
      industry: 'delivery',
      employer: '样例站点',
      amount: '三千五',
      consent: true,
      consentVersion: CONSENT_VERSION,
    });
    let sent = 0;
    let failed = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (sent < HTTP_TICKETS) {
          const response = await app.inject({ method: 'POST', url: '/api/tickets', payload: form(sent++) });
          if (response.statusCode !== 201) failed++;
        }
      }),
    );
    rows.push(
      row(
        'POST /api/tickets/s (inject, 32 in flight)',
        HTTP_TICKETS / ((performance.now() - started) / 1000),
        '/s',
      ),
    );
    if (failed) rows.push(row('POST /api/tickets failures', failed, 'requests', '0', false));

    // Routing on the nationwide directory with a few hundred rules.
    for (let i = 0; i < 300; i++) {
      const code = counties[(i * 37) % counties.length]!;
      await app.offices.createRule({
        regionPrefix: code.slice(0, i % 3 === 0 ? 2 : i % 3 === 1 ? 4 : 6),
        industry: i % 2 ? INDUSTRIES[i % INDUSTRIES.length]! : null,
        officeId: `region-${code.slice(0, 2)}0000`,
      });
    }
    await app.offices.route('310115', 'delivery', false);
    started = performance.now();
    let sink = 0;
    for (let i = 0; i < ROUTES; i++) {
      const decision = app.offices.routeLoaded(
        counties[i % counties.length]!,
        INDUSTRIES[i % 8]!,
        i % 10 === 0,
      );
      sink += decision.office.regionCode.length;
    }
    const routeRate = ROUTES / ((performance.now() - started) / 1000);
    rows.push(row('routing decisions/s (3,400 offices, 300 rules)', routeRate, '/s'));
    if (sink === 0) throw new Error('routing produced nothing');

    // The one-message report: bot turns until the receipt.
    const text =
      '我是美团骑手，在浦东新区张江站送餐，站长拖欠我3个月工资一共一万二，我叫李强，电话138 1234 5678';
    const user = { channel: 'api' as const, externalUserId: 'bench-rider' };
    let turns = 0;
    let done = false;
    for (const message of [text, '确认', '同意', '同意']) {
      const result = await app.chat.handle({ ...user, text: message });
      turns++;
      if (result.replies.some((reply) => reply.type === 'ticket')) {
        done = true;
        break;
      }
    }
    rows.push(
      row(
        'bot turns for a one-message report',
        done ? turns : Number.NaN,
        'turns',
        '≤ 3',
        done && turns <= 3,
      ),
    );
    rows.push(...(await survivesSigkill(dir)));
    return rows;
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A real server process takes tickets over HTTP, is SIGKILLed mid-stream, and restarted. */
export async function survivesSigkill(dir: string): Promise<BenchRow[]> {
  const env = {
    DATABASE_URL: `file:${path.join(dir, 'sigkill.db')}`,
    SEED_SAMPLE_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: '10000000',
  };
  const server = await startServerProcess(env);
  const acked: { number: string; queryCode: string }[] = [];
  const rejected = 0;
  let i = 0;
  const lane = async () => {
    for (;;) {
      const n = i++;
      try {
        const response = await fetch(`${server.baseUrl}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            claimantName: '样例工友',
            phone: `1360000${String(n % 10_000).padStart(4, '0')}`,
            regionCode: '310115',
            industry: 'delivery',
            employer: '样例站点',
            amount: 3500,
            consent: true,
            consentVersion: CONSENT_VERSION,
          }),
        });
        if (response.status === 201)
          acked.push((await response.json()) as { number: string; queryCode: string });
      } catch {
        return;
      }
    }
  };
  const lanes = Array.from({ length: 16 }, lane);
  // Kill mid-stream once a good number are acknowledged (or after 20 s).
  const deadline = Date.now() + 20_000;
  while (acked.length < 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  server.child.kill('SIGKILL');
  await Promise.all(lanes);
  await server.exited;
  const again = await startServerProcess(env);
  let found = 0;
  try {
    for (const ticket of acked) {
      const response = await fetch(`${again.baseUrl}/api/tickets/${ticket.number}?code=${ticket.queryCode}`);
      if (response.status === 200) found++;
    }
  } finally {
    again.child.kill('SIGTERM');
    await again.exited;
  }
  const share = acked.length ? (found / acked.length) * 100 : Number.NaN;
  return [
    row('acknowledged tickets before SIGKILL (HTTP, 16 in flight)', acked.length, 'tickets'),
    row('acknowledged tickets found after restart', share, '%', '100%', share === 100),
    ...(rejected ? [row('tickets refused before SIGKILL', rejected, 'requests', '0', false)] : []),
  ];
}
