import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStaffAccount, StaffClient, WebWorker } from '../helpers/live-clients.js';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { WsClient } from '../helpers/ws-client.js';

const dir = tempDir('gongyou-sigkill-');
/** Every server started here, so one a timed-out test left running is stopped too. */
const started: ServerProcess[] = [];
afterAll(() => {
  for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  started.push(server);
  return server;
}

const TICKET_NUMBER = /GY-\d{8}-\d{4}/;
const PASSWORD = 'chaos staff password';

/** A server on its own database file, and a way to read that file beside it. */
function onFile(name: string) {
  const file = path.join(dir, name);
  const env = { DATABASE_URL: `file:${file}`, SEED_SAMPLE_DATA: 'false', RATE_LIMIT_PER_MINUTE: '1000000' };
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  return { env, query };
}

async function kill(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** Run `lanes` loops over `items` concurrently until they are done or `stop` says so. */
async function inLanes<T>(items: T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

// Issue 16, chaos: kill -9 while workers are in the middle of complaints, then start again on
// the same file. Every turn the worker was answered is stored once, every ticket number they
// were given is there once, and a worker who was cut off at consent ends with one ticket.
describe('SIGKILL mid-intake', () => {
  it('keeps every acknowledged turn and ticket once, and a consent cut off files one ticket', async () => {
    const { env, query } = onFile('intake.db');
    const server = await start(env);
    const workers = Array.from({ length: 80 }, (_, i) => ({
      client: new WebWorker(server.baseUrl, `sigkill-intake-${i}`),
      turns: [
        `我是美团骑手，在浦东新区张江站送餐，站长拖欠我3个月工资一共一万二，我叫李强，电话139${String(i).padStart(8, '0')}`,
        '确认',
        '同意',
      ],
      answered: [] as string[],
      ticket: undefined as string | undefined,
    }));
    let tickets = 0;
    const running = inLanes(workers, 20, async (worker) => {
      for (const text of worker.turns) {
        const turn = await worker.client.say(text);
        if (turn.status !== 200) return;
        worker.answered.push(text);
        const number = turn.replies.find((r) => r.type === 'ticket')?.ticket?.number;
        if (number) {
          worker.ticket = number;
          tickets += 1;
        }
      }
    });
    await until(() => tickets >= 15, '15 acknowledged tickets', 90_000);
    await kill(server);
    await running;
    const cutOff = workers.filter((w) => w.answered.length > 0 && w.answered.length < 3);
    expect(cutOff.length).toBeGreaterThan(0);

    const again = await start(env);
    try {
      for (const worker of workers.filter((w) => w.client.conversationId)) {
        const client = new WebWorker(again.baseUrl, worker.client.channelUserId);
        client.clientSecret = worker.client.clientSecret;
        const stored = (await client.history()).filter((m) => m.direction === 'in').map((m) => m.text);
        // What was answered is there, once, in order; at most the one turn in flight besides.
        expect(stored.slice(0, worker.answered.length)).toEqual(worker.answered);
        expect(stored.length - worker.answered.length).toBeLessThanOrEqual(1);
        expect(new Set(stored).size).toBe(stored.length);

        if (worker.answered.includes('确认')) {
          // The worker reads their chat after the outage: a receipt saved but never sent is there;
          // otherwise they consent again.
          const seen = (await client.history()).map((m) => m.text.match(TICKET_NUMBER)?.[0]).find(Boolean);
          const number =
            worker.ticket ??
            seen ??
            (await client.say('同意')).replies.map((r) => r.text.match(TICKET_NUMBER)?.[0]).find(Boolean);
          expect(number).toMatch(TICKET_NUMBER);
          const rows = query<{ number: string }>(
            'SELECT number FROM Ticket WHERE conversationId = ?',
            worker.client.conversationId,
          );
          expect(rows.map((row) => row.number)).toEqual([number]);
        }
      }
      for (const worker of workers.filter((w) => w.ticket)) {
        expect(query('SELECT id FROM Ticket WHERE number = ?', worker.ticket)).toHaveLength(1);
      }
      // The figures the README's table quotes.
      console.info(
        `sigkill mid-intake: ${tickets} tickets acknowledged before the kill, all found once; ` +
          `${cutOff.length} workers cut off mid-intake, ${workers.filter((w) => w.answered.length === 2).length} at consent`,
      );
    } finally {
      await stop(again);
    }
  }, 240_000);
});

// Issue 16, chaos: kill -9 while staff are answering chats they took over, some workers online
// and some not. Every reply staff were told was sent is stored once, and after the restart the
// outbox hands each one still pending to its worker once, when they come back.
describe('SIGKILL mid-delivery', () => {
  it('stores each acknowledged staff reply once and delivers each pending one once after restart', async () => {
    const { env, query } = onFile('delivery.db');
    createStaffAccount(env.DATABASE_URL, 'chaos.staff', PASSWORD);
    const server = await start(env);
    const workers = Array.from({ length: 8 }, (_, i) => new WebWorker(server.baseUrl, `sigkill-wait-${i}`));
    for (const worker of workers) expect((await worker.say('转人工')).status).toBe(200);
    const staff = new StaffClient(server.baseUrl);
    await staff.login('chaos.staff', PASSWORD);
    const queue = await staff.waiting();
    const handoffOf = new Map(queue.map((h) => [h.conversationId, h.id]));
    for (const worker of workers) {
      const id = handoffOf.get(worker.conversationId ?? '');
      expect((await staff.call('POST', `/api/staff/handoffs/${id}/claim`)).status).toBe(200);
    }
    // Half the workers are online: their replies go out live, mid-burst.
    const online = workers.slice(0, 4).map((worker) => new WsClient(worker.socketUrl()));
    await Promise.all(online.map((socket) => socket.waitFor((f) => f.event === 'ready')));
    for (const socket of online) socket.socket.on('error', () => undefined);

    const acknowledged = new Map<string, string[]>();
    // Round by round, so the kill finds replies for online and offline workers alike.
    const replies = Array.from({ length: 20 }, (_, k) =>
      workers.map((worker, w) => ({ worker, text: `第${w}位工友，第${k}条回复` })),
    ).flat();
    let count = 0;
    const running = inLanes(replies, 8, async ({ worker, text }) => {
      const id = handoffOf.get(worker.conversationId ?? '');
      const sent = await staff.call('POST', `/api/staff/handoffs/${id}/messages`, { text });
      if (sent.status !== 200) return;
      const id2 = worker.conversationId ?? '';
      acknowledged.set(id2, [...(acknowledged.get(id2) ?? []), text]);
      count += 1;
    });
    await until(() => count >= 40, '40 acknowledged staff replies', 90_000);
    await kill(server);
    await running;
    expect(count).toBeLessThan(replies.length);
    const before = new Map<string, string[]>();
    for (const [i, socket] of online.entries()) {
      const texts = socket.frames
        .filter((f) => f.event === 'push')
        .flatMap((f) => f.replies as { text: string }[]);
      before.set(
        workers[i]?.conversationId ?? '',
        texts.map((r) => r.text),
      );
    }

    const again = await start(env);
    try {
      const pending = new Map(
        query<{ conversationId: string; n: number }>(
          "SELECT conversationId, count(*) AS n FROM Outbox WHERE status = 'pending' GROUP BY conversationId",
        ).map((row) => [row.conversationId, row.n]),
      );
      for (const worker of workers) {
        const conversationId = worker.conversationId ?? '';
        const client = new WebWorker(again.baseUrl, worker.channelUserId);
        client.clientSecret = worker.clientSecret;
        const socket = new WsClient(client.socketUrl());
        await socket.waitFor((f) => f.event === 'ready', 10_000);
        const pushes = () => socket.frames.filter((f) => f.event === 'push');
        await until(
          () => pushes().length >= (pending.get(conversationId) ?? 0),
          'the pending pushes',
          20_000,
        );
        socket.close();
        const afterTexts = pushes().flatMap((f) => (f.replies as { text: string }[]).map((r) => r.text));
        // Each pending message once after the restart.
        expect(new Set(afterTexts).size).toBe(afterTexts.length);
        // Every acknowledged reply reached the worker, live before the kill or after it.
        const reached = new Set([...(before.get(conversationId) ?? []), ...afterTexts]);
        for (const text of acknowledged.get(conversationId) ?? []) expect(reached).toContain(text);
        // And each is stored once in the chat the worker and staff see.
        const staffLines = (await client.history()).filter((m) => m.author === 'staff').map((m) => m.text);
        const mine = acknowledged.get(conversationId) ?? [];
        expect(staffLines.filter((text) => mine.includes(text)).sort()).toEqual([...mine].sort());
        expect(new Set(staffLines).size).toBe(staffLines.length);
      }
      expect(query("SELECT id FROM Outbox WHERE status != 'delivered'")).toEqual([]);
      const waited = [...pending.values()].reduce((sum, n) => sum + n, 0);
      console.info(
        `sigkill mid-delivery: ${count} staff replies acknowledged before the kill, each stored once; ` +
          `${waited} pending at restart, each delivered once on reconnect`,
      );
    } finally {
      await stop(again);
    }
  }, 240_000);
});
