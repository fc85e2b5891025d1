import type { ImportReport } from './import-stations.js';

const SHOWN = 50;

/** The import summary for a terminal: counts, then each bad row with its line and reasons. */
export function formatReport(report: ImportReport, coord: string): string {
  const lines = [
    `${report.file} (${coord}): ${report.rows} rows, ${report.valid} valid → ${report.created} created, ${report.updated} updated, ${report.errors.length} rejected`,
  ];
  for (const error of report.errors.slice(0, SHOWN)) {
    lines.push(
      `  ${error.where}${error.externalId ? ` [${error.externalId}]` : ''}: ${error.reasons.join('; ')}`,
    );
  }
  if (report.errors.length > SHOWN) lines.push(`  … and ${report.errors.length - SHOWN} more rejected rows`);
  return lines.join('\n');
}
