// Whether a node flag or an environment variable of the start command pays: the compiled server
// started with each variant in turn (alternated, so neither gets the quieter moments of a shared
// machine), its idle RSS, then HTTP chat at 50 connections and the server's CPU per answer.
//   npm run build:server
//   AB_VARIANTS='|--max-semi-space-size=4|--max-semi-space-size=4 MALLOC_ARENA_MAX=2' AB_ROUNDS=3 \
//     node --import tsx bench/chat-load/start-flags-ab.ts
// A variant is space-separated: `--…` words are node arguments, `NAME=value` words environment.
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test/helpers/test-app.js';
import { rssMiB, startServer } from '../process-probe.js';
import { loadHttpChat } from './http-load.js';
import { cpuMs } from './processes.js';

const variants = (process.env.AB_VARIANTS ?? '|--max-semi-space-size=4').split('|');
const rounds = Number(process.env.AB_ROUNDS ?? 2);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dir = tempDir('gongyou-flags-ab-');

for (let round = 0; round < rounds; round++) {
  for (const variant of variants) {
    const words = variant.split(' ').filter(Boolean);
    const env = Object.fromEntries(
      words.filter((word) => !word.startsWith('--')).map((word) => word.split('=') as [string, string]),
    );
    const server = await startServer(
      [...words.filter((word) => word.startsWith('--')), 'dist/server/server.js'],
      {
        ...env,
        DATABASE_URL: `file:${path.join(dir, `ab-${round}-${variants.indexOf(variant)}.db`)}`,
        RATE_LIMIT_PER_MINUTE: '100000000',
      },
    );
    await sleep(8_000);
    const idle = rssMiB(server.pid);
    // Unmeasured first: the place-name tables and each route's first compile.
    await loadHttpChat(`${server.baseUrl}/api/chat/messages`, {
      chat: true,
      connections: 10,
      seconds: 3,
      users: 'ab-warm-up',
    });
    const before = cpuMs(server.pid);
    const result = await loadHttpChat(`${server.baseUrl}/api/chat/messages`, {
      chat: true,
      connections: 50,
      seconds: 10,
    });
    const cpu = (cpuMs(server.pid) - before) / Math.max(1, result.requests.total - result.non2xx);
    await sleep(5_000);
    console.info(
      `round ${round} "${variant}": idle ${idle.toFixed(0)} MiB, ${Math.round(result.requests.average)} req/s, ` +
        `CPU ${cpu.toFixed(3)} ms per answer, ${result.non2xx} non-2xx, ${rssMiB(server.pid).toFixed(0)} MiB after the load`,
    );
    await server.stop();
  }
}
fs.rmSync(dir, { recursive: true, force: true });
