// Staff console: how fast a waiting chat reaches the console (target ≤ 1 s) and a staff reply
// reaches a connected web user (target ≤ 200 ms), both over real sockets on loopback.
import WebSocket from 'ws';
import { createTestApp } from '../test/helpers/test-app.js';
import { createOffices, createStaff, loginBearer } from '../test/staff/staff-fixtures.js';
import { type BenchRow, percentile } from './bench-row.js';

type Frame = Record<string, unknown>;

function connect(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ ws: WebSocket; next: (test: (f: Frame) => boolean) => Promise<Frame> }>(
    (resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      // Frames can arrive in the same tick as 'open' (the upgrade response and the first frame in
      // one TCP read), so unclaimed frames are kept until someone asks for them.
      const unclaimed: Frame[] = [];
      const waiters: { test: (f: Frame) => boolean; done: (f: Frame) => void }[] = [];
      ws.on('message', (raw) => {
        const frame = JSON.parse(raw.toString()) as Frame;
        const waiter = waiters.find((w) => w.test(frame));
        if (!waiter) return void unclaimed.push(frame);
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done(frame);
      });
      const next = (test: (f: Frame) => boolean) =>
        new Promise<Frame>((done) => {
          const index = unclaimed.findIndex(test);
          if (index >= 0) return done(unclaimed.splice(index, 1)[0] as Frame);
          waiters.push({ test, done });
        });
      ws.on('open', () => resolve({ ws, next }));
      ws.on('error', reject);
    },
  );
}

export default async function run(): Promise<BenchRow[]> {
  const t = await createTestApp({
    LOG_LEVEL: 'silent',
    HANDOFF_OFFICE: 'region-310115',
    STAFF_LOGIN_PER_MINUTE: '1000',
  });
  const offices = await createOffices(t.app);
  await createStaff(t.app, 'bench.agent', 'agent', offices.a);
  const auth = await loginBearer(t.app, 'bench.agent');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as { port: number }).port;
  const consoleSocket = await connect(`ws://127.0.0.1:${port}/ws/staff`, auth);

  const toConsole: number[] = [];
  const toUser: number[] = [];
  const rounds = 30;
  for (let i = 0; i < rounds; i++) {
    const user = await connect(`ws://127.0.0.1:${port}/ws/chat?channelUserId=bench-${i}`);
    const ready = await user.next((f) => f.event === 'ready');
    const queued = consoleSocket.next(
      (f) =>
        f.event === 'queue' &&
        (f.handoff as { conversationId: string }).conversationId === ready.conversationId,
    );
    let began = performance.now();
    user.ws.send(JSON.stringify({ type: 'message', text: '转人工' }));
    const frame = await queued;
    toConsole.push(performance.now() - began);

    const id = (frame.handoff as { id: string }).id;
    await fetch(`http://127.0.0.1:${port}/api/staff/handoffs/${id}/claim`, { method: 'POST', headers: auth });
    const pushed = user.next(
      (f) => f.event === 'push' && (f.replies as { type: string }[]).some((r) => r.type === 'staff'),
    );
    began = performance.now();
    await fetch(`http://127.0.0.1:${port}/api/staff/handoffs/${id}/messages`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '您好，我是工会工作人员。' }),
    });
    await pushed;
    toUser.push(performance.now() - began);
    await fetch(`http://127.0.0.1:${port}/api/staff/handoffs/${id}/close`, { method: 'POST', headers: auth });
    user.ws.close();
  }
  consoleSocket.ws.close();
  await t.close();
  toConsole.sort((a, b) => a - b);
  toUser.sort((a, b) => a - b);
  const p95Console = percentile(toConsole, 95);
  const p95User = percentile(toUser, 95);
  return [
    {
      area: 'staff',
      metric: `转人工 sent → chat in the console queue p50 (${rounds} chats)`,
      value: percentile(toConsole, 50),
      unit: 'ms',
    },
    {
      area: 'staff',
      metric: '转人工 sent → chat in the console queue p95',
      value: p95Console,
      unit: 'ms',
      target: '≤ 1000 ms',
      ok: p95Console <= 1000,
    },
    {
      area: 'staff',
      metric: 'staff reply sent → web user receives it p50',
      value: percentile(toUser, 50),
      unit: 'ms',
    },
    {
      area: 'staff',
      metric: 'staff reply sent → web user receives it p95',
      value: p95User,
      unit: 'ms',
      target: '≤ 200 ms',
      ok: p95User <= 200,
    },
  ];
}
