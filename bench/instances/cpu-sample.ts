// How busy the app processes and the whole machine were during one load, so a ratio between
// instances can be read against the cores there were to give them.
import fs from 'node:fs';
import { cpuMs } from '../chat-load/processes.js';

/** Busy and total jiffies of every core, from /proc/stat's first line. */
function machineTicks(): { busy: number; total: number } {
  const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  // idle and iowait are fields 4 and 5.
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

export interface CpuUse {
  /** Cores the app processes kept busy on average (1.0 = one core the whole time). */
  appCores: number;
  /** Share of all the machine's cores that were busy, with every other session's work. */
  machineBusy: number;
}

/** Runs `work` and says how much CPU the processes `pids` and the machine used meanwhile. */
export async function measureCpu<T>(
  pids: number[],
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuUse }> {
  const appBefore = pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const machineBefore = machineTicks();
  const started = performance.now();
  const result = await work();
  const elapsedMs = performance.now() - started;
  const appAfter = pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const machineAfter = machineTicks();
  return {
    result,
    cpu: {
      appCores: (appAfter - appBefore) / elapsedMs,
      machineBusy: (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total),
    },
  };
}
