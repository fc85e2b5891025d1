// WebSocket chat under load (issue 18): N conversations each sending a turn every 2–5 s (the
// turn mix) against the real server process, beside a bare Fastify WebSocket echo in the same
// run; the load client is its own process. Alone: npm run bench -- --only ws
// BENCH_WS_SECONDS (default 20) sets each run's length, BENCH_WS_N (e.g. "1000") the sizes.
import fs from 'node:fs';
import path from 'node:path';
import { startServerProcess } from '../test/helpers/server-process.js';
import { tempDir } from '../test/helpers/test-app.js';
import type { BenchRow } from './bench-row.js';
import { cpuMs, type LoadResult, rssMiB, runLoadClient, startEchoServer } from './chat-load/processes.js';

const SIZES = (process.env.BENCH_WS_N ?? '500,1000,2000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_WS_SECONDS ?? 20);

const round = (value: number) => Math.round(value * 100) / 100;

export default async function run(): Promise<BenchRow[]> {
  const dir = tempDir('gongyou-bench-ws-');
  const server = await startServerProcess({
    DATABASE_URL: `file:${path.join(dir, 'ws.db')}`,
    SEED_SAMPLE_DATA: 'true',
    RATE_LIMIT_PER_MINUTE: '10000000',
    WS_MAX_PER_IP: '10000',
  });
  const echo = await startEchoServer();
  const pid = server.child.pid ?? 0;
  const rows: BenchRow[] = [];
  try {
    for (const n of SIZES) {
      const bare = await runLoadClient({
        url: `ws://127.0.0.1:${echo.port}/ws/echo`,
        conversations: n,
        seconds: SECONDS,
        echo: true,
      });
      const cpuBefore = cpuMs(pid);
      const chat = await runLoadClient({
        url: `${server.baseUrl.replace('http', 'ws')}/ws/chat`,
        conversations: n,
        seconds: SECONDS,
        echo: false,
      });
      const cpuPerTurn = (cpuMs(pid) - cpuBefore) / Math.max(1, chat.answered);
      rows.push(...rowsFor(n, chat, bare, rssMiB(pid).peak, rssMiB(echo.pid).peak, cpuPerTurn));
    }
  } finally {
    echo.stop();
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function rowsFor(
  n: number,
  chat: LoadResult,
  bare: LoadResult,
  rss: number,
  echoRss: number,
  cpuPerTurn: number,
): BenchRow[] {
  const area = `ws N=${n.toLocaleString('en-US')}`;
  const p99Target =
    n === 1000 ? { target: '< 100 ms, 0 errors', ok: chat.p99 < 100 && chat.errors === 0 } : {};
  const unansweredTarget = n === 2000 ? { target: '0', ok: chat.unanswered === 0 } : {};
  return [
    {
      area,
      metric: 'chat reply p50 (echo beside)',
      value: round(chat.p50),
      unit: `ms (echo ${round(bare.p50)} ms)`,
    },
    {
      area,
      metric: 'chat reply p99 (echo beside)',
      value: round(chat.p99),
      unit: `ms (echo ${round(bare.p99)} ms, ×${round(chat.p99 / bare.p99)})`,
      ...p99Target,
    },
    {
      area,
      metric: 'turns answered/s (echo beside)',
      value: round(chat.turnsPerSecond),
      unit: `/s (echo ${round(bare.turnsPerSecond)}/s, ${round((100 * chat.turnsPerSecond) / bare.turnsPerSecond)}%)`,
    },
    { area, metric: 'errors (echo beside)', value: chat.errors, unit: `(echo ${bare.errors})` },
    { area, metric: 'turns refused busy (503 frame)', value: chat.busy, unit: `of ${chat.sent} sent` },
    {
      area,
      metric: 'unanswered turns 20 s after the load',
      value: chat.unanswered,
      unit: 'turns',
      ...unansweredTarget,
    },
    {
      area,
      metric: 'server peak RSS (echo beside)',
      value: round(rss),
      unit: `MiB (echo ${round(echoRss)} MiB)`,
    },
    {
      area,
      metric: 'server CPU per answered turn',
      value: round(cpuPerTurn),
      unit: 'ms',
      ...(n === 1000 ? { target: '< 0.8 ms offline turn (see chat row)' } : {}),
    },
  ];
}
