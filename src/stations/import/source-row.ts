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

/** The file as a whole cannot be read (not CSV, a header without the needed columns …). */
export class UnreadableFile extends Error {}
