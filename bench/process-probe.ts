// Child processes for the start and memory benchmarks: started as production starts them
// (node --import tsx …), measured through /proc (Linux), stopped with SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { PROJECT_ROOT } from '../src/platform/paths.js';

const env = (extra: Record<string, string>) => ({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  NODE_ENV: 'production',
  ...extra,
});

/** A /proc/<pid>/status field in MiB (VmRSS now, VmHWM the peak so far); 0 when unreadable. */
function statusMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export const rssMiB = (pid: number) => statusMiB(pid, 'VmRSS');

/**
 * `npm start` as package.json says it (what production runs): its leading NAME=value words as
 * environment, and node's arguments, V8 flags included.
 */
export function startCommand(): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(fs.readFileSync(`${PROJECT_ROOT}/package.json`, 'utf8')) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_]+=/.test(words[0])) {
    const [name, value] = (words.shift() as string).split('=') as [string, string];
    env[name] = value;
  }
  if (words.shift() !== 'node') throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  return { env, args: words };
}

export interface Server {
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Start a server process and resolve once it says where it listens (bounded: 60 s). */
export function startServer(args: string[], extra: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: env(extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not listen:\n${output.slice(-2000)}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ pid: child.pid as number, baseUrl: match[1], stop: () => stop(child, exited) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`exited before listening:\n${output.slice(-2000)}`)));
  });
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  child.kill('SIGTERM');
  await exited;
}

/** Run a command to its end (bounded: 10 min); resolves with its peak RSS in MiB (VmHWM). */
export function runCommand(args: string[], extra: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: env(extra),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let peak = 0;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  // VmHWM is gone once the process exits: read it often, keep the largest.
  const poll = setInterval(() => {
    peak = Math.max(peak, statusMiB(child.pid as number, 'VmHWM'));
  }, 50);
  const limit = setTimeout(() => child.kill('SIGKILL'), 600_000);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(limit);
      // Exit code 1 means "some rows were rejected"; a crash has no summary.
      if (code === 0 || code === 1) resolve(peak);
      else reject(new Error(`exited ${code}: ${stderr}`));
    });
  });
}
