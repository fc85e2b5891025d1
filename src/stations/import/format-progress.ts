import type { ImportProgress } from './import-stations.js';

/**
 * "120,000 rows read · 3 rejected · 41,200 rows/s · 60% · 2 s left". Time left comes from the
 * share of the file's bytes read so far, so it holds however long the rows are.
 */
export function formatProgress(p: ImportProgress, duration: (ms: number) => string): string {
  const perSecond = p.elapsedMs > 0 ? Math.round((p.rows / p.elapsedMs) * 1000) : 0;
  const parts = [
    `${p.rows.toLocaleString('en-US')} rows read`,
    `${p.rejected.toLocaleString('en-US')} rejected`,
    `${perSecond.toLocaleString('en-US')} rows/s`,
  ];
  if (p.totalBytes && p.bytesRead > 0) {
    const share = Math.min(1, p.bytesRead / p.totalBytes);
    parts.push(`${Math.round(share * 100)}%`);
    parts.push(`${duration((p.elapsedMs * (1 - share)) / share)} left`);
  }
  return parts.join(' · ');
}
