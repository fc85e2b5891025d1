import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { CoordSystem } from '../../messages/messages.js';
import type { Result } from '../../platform/result.js';
import type { StationInput } from '../station.js';
import type { StationRepo } from '../station-repo.js';
import { readCsv } from './read-csv.js';
import { readGeoJson } from './read-geojson.js';
import { type SourceRow, UnreadableFile } from './source-row.js';
import { repoSink, type StationSink, sqliteSink } from './station-sink.js';
import { validateStation } from './validate-station.js';

export interface RowError {
  line: number;
  where: string;
  externalId?: string;
  reasons: string[];
}

export interface ImportReport {
  file: string;
  rows: number;
  valid: number;
  created: number;
  updated: number;
  errors: RowError[];
}

export type ImportResult = Result<ImportReport>;

/** How far an import is, after each batch (the CLI draws it; bytes give the time left). */
export interface ImportProgress {
  rows: number;
  rejected: number;
  bytesRead: number;
  totalBytes?: number;
  elapsedMs: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per transaction. */
  batchSize?: number;
  totalBytes?: number;
  /** Bytes per read from the file (tests cut features across reads with a small one). */
  readBytes?: number;
}

type RowReader = (input: Readable) => AsyncGenerator<SourceRow>;

function readerFor(file: string): Result<RowReader> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return { ok: true, value: readCsv };
  if (ext === '.geojson' || ext === '.json') return { ok: true, value: readGeoJson };
  return { ok: false, reason: `cannot import ${ext || 'a file without extension'}: use .csv or .geojson` };
}

/**
 * Read, validate and upsert a station file as a stream: rows are checked as they are read and
 * written a batch (one transaction) at a time, so memory does not grow with the file. Every bad
 * row is reported with its line and reasons, and never stops the good ones; a duplicate external
 * id in one file is an error on the later row (which one should win is for a person to decide).
 * A file unreadable from the start is refused as a whole; one that breaks part-way keeps what
 * was imported before the break and reports where it broke.
 */
export async function importStream(
  sink: StationSink,
  file: string,
  input: Readable,
  coord: CoordSystem,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const reader = readerFor(file);
  if (!reader.ok) {
    input.destroy();
    return reader;
  }
  const batchSize = options.batchSize ?? 2_000;
  const started = performance.now();
  // A file stream counts what it has read (a listener of our own would change how it flows).
  const bytesRead = () => (input as Readable & { bytesRead?: number }).bytesRead ?? 0;
  const errors: RowError[] = [];
  // External id → line first seen: a number per row, not the row.
  const seen = new Map<string, number>();
  let batch: StationInput[] = [];
  let rows = 0;
  let valid = 0;
  let created = 0;
  let updated = 0;
  const flush = async () => {
    if (batch.length) {
      const written = await sink.write(batch);
      created += written.created;
      updated += written.updated;
      batch = [];
    }
    options.onProgress?.({
      rows,
      rejected: errors.length,
      bytesRead: bytesRead(),
      ...(options.totalBytes === undefined ? {} : { totalBytes: options.totalBytes }),
      elapsedMs: performance.now() - started,
    });
  };
  try {
    for await (const row of reader.value(input)) {
      rows++;
      const checked = validateStation(row.raw, coord);
      const reasons = [...(row.readError ? [row.readError] : []), ...(checked.ok ? [] : checked.errors)];
      const externalId = checked.ok
        ? checked.station.externalId
        : String(row.raw.external_id ?? row.raw.externalId ?? row.raw.id ?? '') || undefined;
      const first = checked.ok ? seen.get(checked.station.externalId) : undefined;
      if (checked.ok && first !== undefined) {
        reasons.push(`external id ${checked.station.externalId} already used at line ${first}`);
      }
      if (reasons.length || !checked.ok) {
        errors.push({ line: row.line, where: row.where, ...(externalId ? { externalId } : {}), reasons });
        continue;
      }
      seen.set(checked.station.externalId, row.line);
      valid++;
      batch.push(checked.station);
      if (batch.length >= batchSize) await flush();
    }
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    if (rows === 0) return { ok: false, reason: error.message };
    errors.push({ line: 0, where: `after row ${rows}`, reasons: [`the rest of the file: ${error.message}`] });
  }
  await flush();
  return { ok: true, value: { file: path.basename(file), rows, valid, created, updated, errors } };
}

/** A file's content already in memory, through the app's repository (tests, the console). */
export function importStations(
  repo: StationRepo,
  file: string,
  content: string,
  coord: CoordSystem,
): Promise<ImportResult> {
  return importStream(repoSink(repo), file, Readable.from([content]), coord);
}

/** A file on disk into the SQLite database at databasePath (the CLI), streamed. */
export async function importFile(
  databasePath: string,
  file: string,
  coord: CoordSystem,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return importFileInto(sqliteSink(databasePath), file, coord, options);
}

/** A file on disk into any sink (the repository's upsert on PostgreSQL), streamed; closes the sink. */
export async function importFileInto(
  sink: StationSink,
  file: string,
  coord: CoordSystem,
  options: ImportOptions = {},
): Promise<ImportResult> {
  try {
    const totalBytes = fs.statSync(file).size;
    return await importStream(
      sink,
      file,
      fs.createReadStream(file, { highWaterMark: options.readBytes ?? 64 * 1024 }),
      coord,
      { totalBytes, ...options },
    );
  } finally {
    sink.close();
  }
}
