// Where a turn's CPU goes: the real server, warmed up, then profiled only while the load runs
// (the CPU profiler is started and stopped over IPC by profile-hook.ts, so start-up, the first
// compile of each route and the one-time tables built after listening are left out). Lists the
// top frames by self time, and self and inclusive time per module.
// npx tsx bench/chat-load/profile-server.ts [conversations=500] [seconds=15]: WebSocket load
// npx tsx bench/chat-load/profile-server.ts http [connections=50] [seconds=10]: POST /api/chat/messages
// through autocannon instead (bench/http-chat.bench.ts's load).
// PROFILE_OUT=file keeps the profile (for Chrome DevTools or a closer look).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../src/platform/paths.js';
import { tempDir } from '../../test/helpers/test-app.js';
import { loadHttpChat } from './http-load.js';
import { cpuMs, runLoadClient } from './processes.js';

const http = process.argv[2] === 'http';
const args = http ? process.argv.slice(3) : process.argv.slice(2);
const conversations = Number(args[0] ?? (http ? 50 : 500));
const seconds = Number(args[1] ?? (http ? 10 : 15));
const dir = tempDir('gongyou-profile-');
const profileFile = path.join(dir, 'server.cpuprofile');
const hook = fileURLToPath(new URL('./profile-hook.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', '--import', hook, 'src/server.ts'], {
  cwd: PROJECT_ROOT,
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`,
    SEED_SAMPLE_DATA: 'true',
    RATE_LIMIT_PER_MINUTE: '100000000',
    WS_MAX_PER_IP: '10000',
    PROFILE_HOOK_FILE: profileFile,
  },
  stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
});
const baseUrl = await new Promise<string>((resolve) => {
  let output = '';
  const onExit = (code: number | null) => {
    console.error(`server exited with ${code}:\n${output}`);
    process.exit(1);
  };
  child.once('exit', onExit);
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const match = output.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
    if (!match?.[1]) return;
    child.off('exit', onExit);
    resolve(match[1]);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
});
const ask = (message: string, answer: string) =>
  new Promise<void>((resolve) => {
    const onMessage = (reply: unknown) => {
      if (reply !== answer) return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.send(message);
  });

async function load(users: string, count: number, duration: number) {
  if (http) {
    const r = await loadHttpChat(`${baseUrl}/api/chat/messages`, {
      chat: true,
      connections: count,
      seconds: duration,
      users,
    });
    return {
      answered: r.requests.total - r.non2xx,
      non2xx: r.non2xx,
      errors: r.errors,
      perSecond: r.requests.average,
    };
  }
  return runLoadClient({
    url: `${baseUrl.replace('http', 'ws')}/ws/chat`,
    conversations: count,
    seconds: duration,
    echo: false,
  });
}

// The warm-up: the place-name tables (built 1.5 s and 4 s after listening), each route's
// schema, the JIT. Its users are others than the measured ones.
await load('profile-warm-up', http ? 10 : 50, 6);
await ask('profile:start', 'profile:started');
const pid = child.pid ?? 0;
const cpuBefore = cpuMs(pid);
const systemBefore = systemMs(pid);
const result = await load('profile-load', conversations, seconds);
const cpu = cpuMs(pid) - cpuBefore;
const system = systemMs(pid) - systemBefore;
await ask('profile:stop', 'profile:stopped');
// How many turns each grouped commit held (on average since start, warm-up included).
const metrics = await fetch(`${baseUrl}/metrics`).then((response) => response.text());
const perCommit = metrics.match(/^gongyou_chat_turns_per_commit (\S+)/m)?.[1];
child.kill('SIGTERM');
await new Promise((resolve) => child.on('exit', resolve));

/** System (kernel) CPU of a process so far, ms: fsync and socket work land here. */
function systemMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[12]) * 1000) / 100;
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const where = (url: string) =>
  url
    .replace(/^.*node_modules\//, '')
    .replace(`file://${PROJECT_ROOT}/`, '')
    .replace(/^file:\/\//, '');
const frameKey = (node: Node) =>
  `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
/** The package (or project folder) a frame belongs to, to see which layer to look at. */
function moduleOf(node: Node): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const at = where(url);
  if (at.startsWith('src/')) return at.split('/').slice(0, 3).join('/');
  if (at.startsWith('node:')) return at;
  if (at.startsWith('@')) return at.split('/').slice(0, 2).join('/');
  return at.split('/')[0] || '(native)';
}

const self = new Map<string, number>();
const selfModule = new Map<string, number>();
const inclusiveModule = new Map<string, number>();
const inclusiveFrame = new Map<string, number>();
let total = 0;
let idle = 0;
const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const us = profile.timeDeltas[i] ?? 0;
  total += us;
  if (!node || node.callFrame.functionName === '(idle)') {
    idle += us;
    return;
  }
  add(self, frameKey(node), us);
  add(selfModule, moduleOf(node), us);
  // Each module and frame on the stack counted once per sample (recursion is not double-billed).
  const modules = new Set<string>();
  const frames = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const each = byId.get(at);
    if (!each || each.callFrame.functionName === '(root)') continue;
    modules.add(moduleOf(each));
    frames.add(frameKey(each));
  }
  for (const m of modules) add(inclusiveModule, m, us);
  for (const f of frames) add(inclusiveFrame, f, us);
});
const busy = total - idle;
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
const top = (map: Map<string, number>, n: number, filter: (key: string) => boolean = () => true) =>
  [...map.entries()]
    .filter(([key]) => filter(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);

console.info(JSON.stringify({ ...result, turnsPerCommit: Number(perCommit) }));
console.info(
  `profiled ${(total / 1000).toFixed(0)} ms, busy ${(busy / 1000).toFixed(0)} ms: ${(busy / 1000 / result.answered).toFixed(3)} ms per answered turn; ` +
    `process CPU (/proc) ${(cpu / result.answered).toFixed(3)} ms per answered turn, of it in the kernel ${(system / result.answered).toFixed(3)} ms (profiler overhead included)`,
);
console.info('top frames by self time:');
for (const [key, us] of top(self, 30)) console.info(`${pct(us)}  ${key}`);
console.info('self time by module:');
for (const [key, us] of top(selfModule, 25)) console.info(`${pct(us)}  ${key}`);
console.info('inclusive time by module:');
for (const [key, us] of top(inclusiveModule, 30)) console.info(`${pct(us)}  ${key}`);
console.info("inclusive time of the project's frames:");
for (const [key, us] of top(inclusiveFrame, 40, (key) => key.includes(' src/')))
  console.info(`${pct(us)}  ${key}`);
if (process.env.PROFILE_OUT) fs.copyFileSync(profileFile, process.env.PROFILE_OUT);
fs.rmSync(dir, { recursive: true, force: true });
