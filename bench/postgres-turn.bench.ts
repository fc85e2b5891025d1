// A web chat turn on PostgreSQL, in process: statements sent to the server per turn (every
// node-postgres query counted) and the process's CPU per turn, through the HTTP route
// (app.inject: the secret check, the conversation read, the write), many conversations at once.
// Needs TEST_POSTGRES_URL (.ci/start-postgres.sh).
import pg from 'pg';
import { createPostgresTestApp } from '../test/helpers/postgres.js';
import type { BenchRow } from './bench-row.js';
import { mixMessage } from './chat-load/turn-mix.js';

const CONVERSATIONS = 60;
const TURNS_EACH = 16;

export default async function run(): Promise<BenchRow[]> {
  if (!process.env.TEST_POSTGRES_URL) {
    console.info('  skipped: set TEST_POSTGRES_URL (.ci/start-postgres.sh)');
    return [];
  }
  let statements = 0;
  const query = pg.Client.prototype.query;
  // Every statement of the pool, Prisma's adapter and the raw stores alike, goes through here.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const t = await createPostgresTestApp({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    // Each user's conversation and its secret, sent with every later turn as the web page does.
    const conversations = new Map<string, { conversationId: string; clientSecret: string }>();
    const lane = async (prefix: string, index: number, turns: number) => {
      const user = `${prefix}-${index}`;
      for (let turn = 0; turn < turns; turn++) {
        const conversation = conversations.get(user);
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/chat/messages',
          payload: { channelUserId: user, ...mixMessage(turn), ...conversation },
        });
        if (response.statusCode !== 200) throw new Error(`turn answered ${response.statusCode}`);
        const body = response.json() as { conversationId: string; clientSecret?: string };
        if (body.clientSecret) {
          conversations.set(user, { conversationId: body.conversationId, clientSecret: body.clientSecret });
        }
      }
    };
    // Warm: compiled code, prepared statements on each pooled connection, and every conversation's
    // first turn (the only one that creates rows), so what is measured is the later turns.
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => lane('warm', i, 8)));
    const first = statements;
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => lane('first', i, 1)));
    const firstTurn = (statements - first) / CONVERSATIONS;
    // Later turns: each lane continues its conversation after the first one above.
    const before = statements;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => lane('warm', i, TURNS_EACH)));
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = (performance.now() - started) / 1000;
    const turns = CONVERSATIONS * TURNS_EACH;
    return [
      {
        area: 'postgres-turn',
        metric: 'statements per HTTP chat turn, a conversation’s first turn',
        value: firstTurn,
        unit: 'statements',
      },
      {
        area: 'postgres-turn',
        metric: 'statements per HTTP chat turn, later turns',
        value: (statements - before) / turns,
        unit: 'statements',
      },
      {
        area: 'postgres-turn',
        metric: `CPU per HTTP chat turn in process (${CONVERSATIONS} conversations at once, mixed turns)`,
        value: Number(((cpu.user + cpu.system) / 1000 / turns).toFixed(3)),
        unit: `ms (${Math.round(turns / seconds)} turns/s)`,
      },
    ];
  } finally {
    await t.close();
    pg.Client.prototype.query = query;
  }
}
