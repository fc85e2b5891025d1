// Child processes of the load benches: the bare echo server, the load client, and what
// /proc says about a server's memory and CPU.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../src/platform/paths.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Start the bare echo server; resolves with its port and a stop function. */
export function startEchoServer(): Promise<{ port: number; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', here('./echo-server.ts')], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = chunk.toString().match(/listening (\d+)/);
      if (match) resolve({ port: Number(match[1]), pid: child.pid ?? 0, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`echo server exited with ${code}`)));
  });
}

export interface LoadResult {
  sent: number;
  answered: number;
  busy: number;
  errors: number;
  unanswered: number;
  p50: number;
  p99: number;
  turnsPerSecond: number;
}

/** Run the WebSocket load client in its own process and parse its one line of results. */
export function runLoadClient(options: {
  url: string;
  conversations: number;
  seconds: number;
  echo: boolean;
}): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', here('./ws-load-client.ts'), JSON.stringify(options)],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as LoadResult);
      } catch {
        reject(new Error(`load client exited with ${code}: ${output}`));
      }
    });
  });
}

/** Resident memory of a process now and at its peak, MiB. */
export function rssMiB(pid: number): { now: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? Number.NaN);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** User + system CPU a process has used so far, ms. */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat; here counted after "pid (comm) ".
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}
