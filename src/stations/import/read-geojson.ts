import type { Readable } from 'node:stream';
import { type SourceRow, UnreadableFile } from './source-row.js';

interface Feature {
  type?: unknown;
  id?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/**
 * The features of a GeoJSON FeatureCollection, one at a time, without parsing the whole file:
 * a scanner finds each element of the `features` array (minding strings and nesting) and only
 * that feature's text is parsed. Pretty-printed or one feature per line, each row knows its line.
 */
export async function* readGeoJson(input: Readable): AsyncGenerator<SourceRow> {
  input.setEncoding('utf8');
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Text of the feature being read, and where it started. */
  let feature: string[] | undefined;
  let featureLine = 0;
  let inFeatures = false;
  let sawFeatures = false;
  let count = 0;
  /** The last few characters outside any feature, to spot the "features" key. */
  let recent = '';
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      let start = feature ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 10) line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
        } else if (c === 34) inString = true;
        else if (c === 123 || c === 91) {
          // { or [
          if (inFeatures && depth === 2 && c === 123) {
            start = i;
            featureLine = line;
            feature = [];
          }
          if (!inFeatures && depth === 1 && c === 91 && /"features"\s*:\s*$/.test(recent)) {
            inFeatures = true;
            sawFeatures = true;
          }
          depth++;
        } else if (c === 125 || c === 93) {
          // } or ]
          depth--;
          if (feature && depth === 2 && c === 125) {
            feature.push(chunk.slice(start, i + 1));
            count++;
            yield toRow(feature.join(''), count, featureLine);
            feature = undefined;
            start = -1;
          } else if (inFeatures && depth === 1) inFeatures = false;
        }
        if (!feature && !inFeatures) recent = (recent + chunk[i]).slice(-32);
      }
      if (feature) feature.push(chunk.slice(start));
    }
  } finally {
    input.destroy();
  }
  if (feature) throw new UnreadableFile(`the file ends inside feature ${count + 1} (line ${featureLine})`);
  if (!sawFeatures) throw new UnreadableFile('the file is not a GeoJSON FeatureCollection');
}

function toRow(text: string, n: number, line: number): SourceRow {
  const row: SourceRow = { line, where: `feature ${n} (line ${line})`, raw: {} };
  let feature: Feature;
  try {
    feature = JSON.parse(text) as Feature;
  } catch (error) {
    row.readError = `not valid JSON: ${(error as Error).message}`;
    return row;
  }
  row.raw = { ...(feature?.properties ?? {}) };
  const coords = feature?.geometry?.coordinates;
  if (feature?.geometry?.type !== 'Point' || !Array.isArray(coords) || coords.length < 2) {
    row.readError = 'geometry is not a Point';
  } else {
    row.raw.lng = coords[0];
    row.raw.lat = coords[1];
  }
  if (row.raw.external_id === undefined && row.raw.externalId === undefined && feature?.id !== undefined) {
    row.raw.external_id = feature.id;
  }
  return row;
}
