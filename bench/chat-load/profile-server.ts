// Where a turn's CPU goes: the real server under `node --cpu-prof`, loaded by the WebSocket
// load client (its own process), then the profile's top frames by self time.
// npx tsx bench/chat-load/profile-server.ts [conversations=500] [seconds=15]
// npx tsx bench/chat-load/profile-server.ts http [connections=50] [seconds=10]: POST /api/chat/messages
// through autocannon instead (bench/http-chat.bench.ts's load).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/platform/paths.js';
import { tempDir } from '../../test/helpers/test-app.js';
import { loadHttpChat } from './http-load.js';
import { runLoadClient } from './processes.js';

const http = process.argv[2] === 'http';
const args = http ? process.argv.slice(3) : process.argv.slice(2);
const conversations = Number(args[0] ?? (http ? 50 : 500));
const seconds = Number(args[1] ?? (http ? 10 : 15));
const dir = tempDir('gongyou-profile-');
const child = spawn(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', 'src/server.ts'],
  {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`,
      RATE_LIMIT_PER_MINUTE: '10000000',
      WS_MAX_PER_IP: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
const baseUrl = await new Promise<string>((resolve) => {
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const match = output.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
    if (match?.[1]) resolve(match[1]);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
});
const result = http
  ? await loadHttpChat(`${baseUrl}/api/chat/messages`, {
      chat: true,
      connections: conversations,
      seconds,
    }).then((r) => ({
      answered: r.requests.total - r.non2xx,
      non2xx: r.non2xx,
      errors: r.errors,
      perSecond: r.requests.average,
    }))
  : await runLoadClient({
      url: `${baseUrl.replace('http', 'ws')}/ws/chat`,
      conversations,
      seconds,
      echo: false,
    });
child.kill('SIGTERM');
await new Promise((resolve) => child.on('exit', resolve));

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
const profile = JSON.parse(fs.readFileSync(path.join(dir, file ?? ''), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)?.callFrame;
  const delta = profile.timeDeltas[i] ?? 0;
  total += delta;
  if (!frame || frame.functionName === '(idle)') return;
  const where = frame.url.replace(/^.*node_modules\//, '').replace(`file://${PROJECT_ROOT}/`, '');
  const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + delta);
});
const idle = profile.samples.reduce(
  (sum, id, i) =>
    sum + (byId.get(id)?.callFrame.functionName === '(idle)' ? (profile.timeDeltas[i] ?? 0) : 0),
  0,
);
const busy = total - idle;
console.info(JSON.stringify(result));
console.info(
  `busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms; ${(busy / 1000 / result.answered).toFixed(3)} ms per answered turn (includes start-up)`,
);
for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.info(`${((100 * us) / busy).toFixed(1).padStart(5)}%  ${key}`);
// Self time by package (or project folder), to see which layer to look at.
const byPackage = new Map<string, number>();
for (const [key, us] of self) {
  const where = key.slice(key.indexOf(' ') + 1);
  const pkg = where.startsWith('src/')
    ? where.split('/').slice(0, 2).join('/')
    : where.startsWith('@')
      ? where.split('/').slice(0, 2).join('/')
      : where.split('/')[0] || '(native)';
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
console.info('by package:');
for (const [pkg, us] of [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.info(`${((100 * us) / busy).toFixed(1).padStart(5)}%  ${pkg}`);
// PROFILE_OUT=file keeps the profile (for Chrome DevTools or a closer look).
if (process.env.PROFILE_OUT) fs.copyFileSync(path.join(dir, file ?? ''), process.env.PROFILE_OUT);
fs.rmSync(dir, { recursive: true, force: true });
