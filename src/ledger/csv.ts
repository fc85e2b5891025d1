/**
 * One CSV cell. Quotes when needed, and defuses spreadsheet formulas: a cell that starts with
 * = + - @ is prefixed with ' so an employer named "=HYPERLINK(…)" stays text in Excel/WPS.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV with a UTF-8 byte-order mark, so Excel opens the Chinese text correctly. */
export function toCsv(header: string[], rows: unknown[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
