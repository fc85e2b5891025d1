// npm run bench — runs every bench/*.bench.ts (or those named: npm run bench -- stations, or
// npm run bench -- --only ws) and
// prints one table. Each module's default export returns BenchRow[]. Targets are reported here,
// never asserted in tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './bench-row.js';

const dir = path.dirname(fileURLToPath(import.meta.url));
// `--only ws` and a bare `ws` both select bench/ws.bench.ts.
const wanted = process.argv.slice(2).filter((arg) => arg !== '--only');
const files = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => !wanted.length || wanted.some((name) => file.startsWith(name)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const started = performance.now();
  console.info(`running ${file} …`);
  const module = (await import(pathToFileURL(path.join(dir, file)).href)) as {
    default: () => Promise<BenchRow[]>;
  };
  rows.push(...(await module.default()));
  console.info(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const format = (value: number) =>
  Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumSignificantDigits: 4 });
const table = rows.map((row) => ({
  area: row.area,
  metric: row.metric,
  value: `${format(row.value)} ${row.unit}`,
  target: row.target ?? '',
  met: row.ok === undefined ? '' : row.ok ? 'yes' : 'NO',
}));
const widths = Object.keys(table[0] ?? { area: '' }).map((key) =>
  Math.max(key.length, ...table.map((row) => String(row[key as keyof typeof row]).length)),
);
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
if (table.length) {
  const keys = Object.keys(table[0] ?? {});
  console.info(line(keys));
  console.info(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.info(line(keys.map((key) => String(row[key as keyof typeof row]))));
} else {
  console.info('no benchmarks matched');
}
