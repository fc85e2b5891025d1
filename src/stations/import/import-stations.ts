import fs from 'node:fs';
import path from 'node:path';
import type { CoordSystem } from '../../messages/messages.js';
import type { Result } from '../../platform/result.js';
import type { StationInput } from '../station.js';
import type { StationRepo } from '../station-repo.js';
import { type ReadResult, readCsv, readGeoJson } from './read-file.js';
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

export function readStationFile(file: string, content: string): ReadResult {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return readCsv(content);
  if (ext === '.geojson' || ext === '.json') return readGeoJson(content);
  return { ok: false, reason: `cannot import ${ext || 'a file without extension'}: use .csv or .geojson` };
}

/**
 * Validate every row, report the bad ones with their line numbers, upsert the good ones by
 * external id. Bad rows never stop good rows; a duplicate external id in one file is an error
 * on the later row (which one should win is for a person to decide).
 */
export async function importStations(
  repo: StationRepo,
  file: string,
  content: string,
  coord: CoordSystem,
): Promise<ImportResult> {
  const read = readStationFile(file, content);
  if (!read.ok) return read;
  const errors: RowError[] = [];
  const good: StationInput[] = [];
  const seen = new Map<string, string>();
  for (const row of read.value) {
    const checked = validateStation(row.raw, coord);
    const reasons = [...(row.readError ? [row.readError] : []), ...(checked.ok ? [] : checked.errors)];
    const externalId = checked.ok
      ? checked.station.externalId
      : String(row.raw.external_id ?? row.raw.externalId ?? row.raw.id ?? '') || undefined;
    if (checked.ok && seen.has(checked.station.externalId)) {
      reasons.push(
        `external id ${checked.station.externalId} already used at ${seen.get(checked.station.externalId)}`,
      );
    }
    if (reasons.length || !checked.ok) {
      errors.push({ line: row.line, where: row.where, externalId, reasons });
      continue;
    }
    seen.set(checked.station.externalId, row.where);
    good.push(checked.station);
  }
  const { created, updated } = good.length ? await repo.upsertMany(good) : { created: 0, updated: 0 };
  return {
    ok: true,
    value: {
      file: path.basename(file),
      rows: read.value.length,
      valid: good.length,
      created,
      updated,
      errors,
    },
  };
}

export function importFile(repo: StationRepo, file: string, coord: CoordSystem): Promise<ImportResult> {
  return importStations(repo, file, fs.readFileSync(file, 'utf8'), coord);
}
