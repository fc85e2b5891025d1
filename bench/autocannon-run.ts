// autocannon as a child process (its JSON report), for HTTP throughput beside a baseline.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/platform/paths.js';

export interface Cannon {
  requests: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}

/** Mean throughput over the rounds; the worse p99 of them (a p99 cannot be averaged). */
export function combine(runs: Cannon[]): Cannon {
  return {
    requests: { average: runs.reduce((sum, r) => sum + r.requests.average, 0) / runs.length },
    latency: {
      p50: Math.max(...runs.map((r) => r.latency.p50)),
      p99: Math.max(...runs.map((r) => r.latency.p99)),
    },
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

export function autocannon(url: string, seconds: number, connections = 10): Promise<Cannon> {
  const bin = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'autocannon');
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['-j', '-c', String(connections), '-d', String(seconds), url], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out) as Cannon);
      } catch {
        reject(new Error(`autocannon exited ${code}: ${out.slice(0, 200)}`));
      }
    });
  });
}
