import fs from 'node:fs';

/** The resident set of a process, in bytes, read from /proc (Linux). */
export function rssOf(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface RssVerdict {
  warmedUp: number;
  final: number;
  peak: number;
  growth: number;
  ok: boolean;
}

/**
 * RSS sampled through the run. The first `warmUpShare` of the run is warm-up (JIT, caches, the
 * SQLite page cache filling); the baseline is the mean of the samples in the next tenth, the
 * final figure the mean of the last tenth. The run fails if the final figure exceeds the
 * baseline by more than `bound` (0.10 = 10%).
 */
export function createRssSampler(pid: number) {
  const samples: { at: number; bytes: number }[] = [];
  return {
    sample(at: number): void {
      const bytes = rssOf(pid);
      if (bytes !== undefined) samples.push({ at, bytes });
    },
    verdict(durationMs: number, bound: number, warmUpShare = 0.3): RssVerdict {
      const mean = (from: number, to: number) => {
        const window = samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.bytes);
        return window.length ? window.reduce((a, b) => a + b, 0) / window.length : Number.NaN;
      };
      const warmedUp = mean(durationMs * warmUpShare, durationMs * (warmUpShare + 0.1));
      const final = mean(durationMs * 0.9, Number.POSITIVE_INFINITY);
      const peak = Math.max(...samples.filter((s) => s.at >= durationMs * warmUpShare).map((s) => s.bytes));
      const growth = final / warmedUp - 1;
      return { warmedUp, final, peak, growth, ok: Number.isFinite(growth) && growth <= bound };
    },
  };
}
