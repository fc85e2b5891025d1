// A/B: the compiled server with and without a V8 flag: HTTP chat CPU per request and idle RSS.
import path from 'node:path';
import { loadHttpChat } from '../bench/chat-load/http-load.js';
import { cpuMs } from '../bench/chat-load/processes.js';
import { rssMiB, startServer } from '../bench/process-probe.js';

const variants = (process.env.AB_FLAGS ?? '|--max-semi-space-size=4').split('|');
const rounds = Number(process.env.AB_ROUNDS ?? 2);
for (let round = 0; round < rounds; round++) {
  for (const flags of variants) {
    const db = path.join('/tmp/mem', `ab-${round}-${Math.random().toString(36).slice(2)}.db`);
    const server = await startServer([...flags.split(' ').filter(Boolean), 'dist/server/server.js'], {
      DATABASE_URL: `file:${db}`,
      RATE_LIMIT_PER_MINUTE: '100000000',
    });
    await new Promise((r) => setTimeout(r, 8000));
    const idle = rssMiB(server.pid);
    await loadHttpChat(`${server.baseUrl}/api/chat/messages`, { chat: true, connections: 10, seconds: 3, users: 'warm' });
    const before = cpuMs(server.pid);
    const result = await loadHttpChat(`${server.baseUrl}/api/chat/messages`, { chat: true, connections: 50, seconds: 10 });
    const cpu = (cpuMs(server.pid) - before) / Math.max(1, result.requests.total - result.non2xx);
    await new Promise((r) => setTimeout(r, 5000));
    const after = rssMiB(server.pid);
    console.log(`round ${round} flags "${flags}": idle ${idle.toFixed(0)} MiB, req/s ${Math.round(result.requests.average)}, cpu/req ${cpu.toFixed(3)} ms, non2xx ${result.non2xx}, rss after load ${after.toFixed(0)} MiB`);
    await server.stop();
  }
}
