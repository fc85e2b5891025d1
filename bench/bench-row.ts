/** One line of the `npm run bench` table. */
export interface BenchRow {
  area: string;
  metric: string;
  value: number;
  unit: string;
  /** The target from the issue, as text ("≤ 50 µs"), and whether this run met it. */
  target?: string;
  ok?: boolean;
}

/** Percentile of an ascending-sorted array (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
