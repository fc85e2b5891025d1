import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type SourceRow, UnreadableFile } from './source-row.js';

const REQUIRED_COLUMNS = ['name', 'address', 'lat', 'lng', 'hours'];

interface Parsed {
  record: string[];
  info: { lines: number };
  raw: string;
}

/**
 * The rows of a CSV file as they are parsed, one at a time: memory stays flat however long the
 * file. A file that is not CSV, or whose header lacks a needed column, throws UnreadableFile.
 */
export async function* readCsv(input: Readable): AsyncGenerator<SourceRow> {
  const parser = input.pipe(
    parse({ info: true, raw: true, relax_column_count: true, skip_empty_lines: true, bom: true }),
  );
  let columns: string[] | undefined;
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<Parsed>) {
      if (!columns) {
        columns = record.map((c) => c.trim());
        const missing = REQUIRED_COLUMNS.filter((c) => !columns?.includes(c));
        if (!columns.some((c) => ['external_id', 'externalId', 'id'].includes(c)))
          missing.unshift('external_id');
        if (missing.length) throw new UnreadableFile(`the header lacks column(s): ${missing.join(', ')}`);
        continue;
      }
      // info.lines is where the record ends; a quoted field may span lines.
      const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
      const row: SourceRow = { line, where: `line ${line}`, raw: {} };
      for (let i = 0; i < columns.length; i++) row.raw[columns[i] as string] = record[i];
      if (record.length !== columns.length) {
        row.readError = `has ${record.length} fields, the header has ${columns.length}`;
      }
      yield row;
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(`the file is not valid CSV: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
  if (!columns) throw new UnreadableFile('the file is empty');
}
