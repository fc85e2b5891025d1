// POST /api/chat/messages at 50 connections against the real server process, beside a bare
// Fastify JSON route (its own process) in the same run. Each connection is one web user: its
// first request starts a conversation, the rest send the conversation's clientSecret.
import fs from 'node:fs';
import path from 'node:path';
import { startServerProcess } from '../test/helpers/server-process.js';
import { tempDir } from '../test/helpers/test-app.js';
import type { BenchRow } from './bench-row.js';
import { loadHttpChat } from './chat-load/http-load.js';
import { cpuMs, startEchoServer } from './chat-load/processes.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const load = (url: string, chat: boolean) =>
  loadHttpChat(url, { chat, connections: CONNECTIONS, seconds: SECONDS });

export default async function run(): Promise<BenchRow[]> {
  const dir = tempDir('gongyou-bench-http-');
  const server = await startServerProcess({
    DATABASE_URL: `file:${path.join(dir, 'http.db')}`,
    SEED_SAMPLE_DATA: 'true',
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const echo = await startEchoServer();
  try {
    const bare = await load(`http://127.0.0.1:${echo.port}/bare`, false);
    // A few seconds first, unmeasured: one-time work (the place-name tables built after start,
    // the first compile of each route and query) would otherwise be billed to the first requests.
    await loadHttpChat(`${server.baseUrl}/api/chat/messages`, {
      chat: true,
      connections: 10,
      seconds: 3,
      users: 'http-warm-up',
    });
    const pid = server.child.pid ?? 0;
    const cpuBefore = cpuMs(pid);
    const chat = await load(`${server.baseUrl}/api/chat/messages`, true);
    // The server's own CPU per answered request: steadier than req/s on a machine others load.
    const cpuPerRequest = (cpuMs(pid) - cpuBefore) / Math.max(1, chat.requests.total - chat.non2xx);
    const rate = chat.requests.average;
    const bareRate = bare.requests.average;
    const errors = chat.non2xx + chat.errors;
    return [
      {
        area: 'http chat',
        metric: `POST /api/chat/messages req/s at ${CONNECTIONS} connections (bare route beside)`,
        value: Math.round(rate),
        unit: `/s (bare ${Math.round(bareRate)}/s, ${((100 * rate) / bareRate).toFixed(1)}%)`,
        target: '≥ 3,000/s',
        ok: rate >= 3000,
      },
      {
        area: 'http chat',
        metric: 'latency p50 (bare beside)',
        value: chat.latency.p50,
        unit: `ms (bare ${bare.latency.p50} ms)`,
      },
      {
        area: 'http chat',
        metric: 'latency p99 (bare beside)',
        value: chat.latency.p99,
        unit: `ms (bare ${bare.latency.p99} ms)`,
      },
      {
        area: 'http chat',
        metric: 'server CPU per answered request (target 3,000/s on 2 cores ≈ 0.67 ms)',
        value: cpuPerRequest,
        unit: 'ms',
      },
      { area: 'http chat', metric: 'non-2xx and errors', value: errors, unit: `of ${chat.requests.total}` },
    ];
  } finally {
    echo.stop();
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
