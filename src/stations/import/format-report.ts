import type { ImportReport, RowError } from './import-stations.js';

/** Bad rows printed on the terminal; the CLI writes all of them to a file past this. */
export const SHOWN = 50;

export function formatRowError(error: RowError): string {
  return `  ${error.where}${error.externalId ? ` [${error.externalId}]` : ''}: ${error.reasons.join('; ')}`;
}

/** The import summary for a terminal: counts, then each bad row with its line and reasons. */
export function formatReport(report: ImportReport, coord: string): string {
  const lines = [
    `${report.file} (${coord}): ${report.rows} rows, ${report.valid} valid → ${report.created} created, ${report.updated} updated, ${report.errors.length} rejected`,
  ];
  for (const error of report.errors.slice(0, SHOWN)) {
    lines.push(formatRowError(error));
  }
  if (report.errors.length > SHOWN) lines.push(`  … and ${report.errors.length - SHOWN} more rejected rows`);
  return lines.join('\n');
}
