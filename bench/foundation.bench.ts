// Foundation: cold start of the real server process, and chat-turn latency through the whole
// HTTP stack (validation, engine, SQLite transaction, serialisation) for a greeting.
import fs from 'node:fs';
import path from 'node:path';
import { startServerProcess } from '../test/helpers/server-process.js';
import { chat, createTestApp, tempDir } from '../test/helpers/test-app.js';
import { type BenchRow, percentile } from './bench-row.js';

async function coldStartMs(): Promise<number> {
  const dir = tempDir('gongyou-bench-start-');
  const started = performance.now();
  const server = await startServerProcess({
    DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`,
    LOG_LEVEL: 'info',
  });
  const response = await fetch(`${server.baseUrl}/healthz`);
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error('server not healthy');
  server.child.kill('SIGTERM');
  await server.exited;
  fs.rmSync(dir, { recursive: true, force: true });
  return elapsed;
}

export default async function run(): Promise<BenchRow[]> {
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) starts.push(await coldStartMs());
  starts.sort((a, b) => a - b);

  const t = await createTestApp({ LOG_LEVEL: 'silent' });
  const latencies: number[] = [];
  const turns = 500;
  for (let i = 0; i < turns; i++) {
    const begin = performance.now();
    // chat() sends each conversation's clientSecret, as the web page does (and throws on a non-200).
    await chat(t.app, { channelUserId: `bench-${i % 50}`, text: '你好' });
    latencies.push(performance.now() - begin);
  }
  await t.close();
  latencies.sort((a, b) => a - b);
  const total = latencies.reduce((sum, ms) => sum + ms, 0);

  return [
    {
      area: 'foundation',
      metric: 'cold start to first /healthz (median of 3, new DB, sample data)',
      value: percentile(starts, 50),
      unit: 'ms',
    },
    {
      area: 'foundation',
      metric: 'greeting turn via POST /api/chat/messages p50',
      value: percentile(latencies, 50),
      unit: 'ms',
    },
    {
      area: 'foundation',
      metric: 'greeting turn via POST /api/chat/messages p99',
      value: percentile(latencies, 99),
      unit: 'ms',
    },
    {
      area: 'foundation',
      metric: 'greeting turns per second (sequential)',
      value: Math.round((turns / total) * 1000),
      unit: 'turns/s',
    },
  ];
}
