import { parse } from 'csv-parse/sync';
import type { Result } from '../../platform/result.js';
import type { RawStation } from './validate-station.js';

/** One record of an import file, with where it came from for error reports. */
export interface SourceRow {
  /** 1-based line in the file where the record starts (CSV), or the feature's line (GeoJSON). */
  line: number;
  /** What to call it in a report: "line 12" or "feature 3 (line 40)". */
  where: string;
  raw: RawStation;
  /** A problem found while reading, before validation (wrong column count, not a Point …). */
  readError?: string;
}

export type ReadResult = Result<SourceRow[]>;

const REQUIRED_COLUMNS = ['name', 'address', 'lat', 'lng', 'hours'];

export function readCsv(content: string): ReadResult {
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = (parse as (input: string, options: Record<string, unknown>) => unknown)(content, {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    return { ok: false, reason: `the file is not valid CSV: ${(error as Error).message}` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, reason: 'the file is empty' };
  const columns = header.record.map((c) => c.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (!columns.some((c) => ['external_id', 'externalId', 'id'].includes(c))) missing.unshift('external_id');
  if (missing.length) return { ok: false, reason: `the header lacks column(s): ${missing.join(', ')}` };
  return {
    ok: true,
    value: body.map(({ record, info, raw }) => {
      // info.lines is where the record ends; a quoted field may span lines.
      const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
      const row: SourceRow = {
        line,
        where: `line ${line}`,
        raw: Object.fromEntries(columns.map((c, i) => [c, record[i]])),
      };
      if (record.length !== columns.length) {
        row.readError = `has ${record.length} fields, the header has ${columns.length}`;
      }
      return row;
    }),
  };
}

interface Feature {
  type?: unknown;
  id?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

export function readGeoJson(content: string): ReadResult {
  let doc: { type?: unknown; features?: unknown };
  try {
    doc = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, reason: `the file is not valid JSON: ${(error as Error).message}` };
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    return { ok: false, reason: 'the file is not a GeoJSON FeatureCollection' };
  }
  const lines = featureLines(content);
  return {
    ok: true,
    value: (doc.features as Feature[]).map((feature, i) => {
      const line = lines[i] ?? 0;
      const row: SourceRow = {
        line,
        where: line ? `feature ${i + 1} (line ${line})` : `feature ${i + 1}`,
        raw: { ...(feature?.properties ?? {}) },
      };
      const coords = feature?.geometry?.coordinates;
      if (feature?.geometry?.type !== 'Point' || !Array.isArray(coords) || coords.length < 2) {
        row.readError = 'geometry is not a Point';
      } else {
        row.raw.lng = coords[0];
        row.raw.lat = coords[1];
      }
      if (
        row.raw.external_id === undefined &&
        row.raw.externalId === undefined &&
        feature?.id !== undefined
      ) {
        row.raw.external_id = feature.id;
      }
      return row;
    }),
  };
}

/** Line on which each top-level feature starts (pretty-printed or one feature per line). */
function featureLines(content: string): number[] {
  const lines: number[] = [];
  const pattern = /"type"\s*:\s*"Feature"/g;
  let line = 1;
  let last = 0;
  for (let match = pattern.exec(content); match; match = pattern.exec(content)) {
    for (let i = last; i < match.index; i++) if (content.charCodeAt(i) === 10) line++;
    last = match.index;
    lines.push(line);
  }
  return lines;
}
