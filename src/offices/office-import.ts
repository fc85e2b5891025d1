import { parse } from 'csv-parse/sync';
import {
  type Industry,
  isIndustry,
  OFFICE_KINDS,
  OFFICE_LEVELS,
  type OfficeKind,
  type OfficeLevel,
  type OfficeView,
} from './office-types.js';

/** An office row as imported: its parent is named by code, so one file can build a subtree. */
export type ImportedOffice = Omit<OfficeView, 'id' | 'parentId' | 'contactLoaded' | 'contactPhone'> & {
  parentCode: string | null;
};

export interface ImportedRule {
  regionPrefix: string;
  industry: Industry | null;
  collective: boolean | null;
  officeCode: string;
  priority: number;
  note: string | null;
  active: boolean;
}

export interface ImportBatch {
  offices: ImportedOffice[];
  rules: ImportedRule[];
  /** "row 3: …" for every row that could not be read; nothing is written when there are any. */
  errors: string[];
}

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s ? s : null;
};
const bool = (value: unknown, fallback: boolean | null): boolean | null => {
  const s = text(value)?.toLowerCase();
  if (s === undefined || s === null || s === '' || s === 'any' || s === '*') return fallback;
  if (['true', '1', 'yes', 'y', '是'].includes(s)) return true;
  if (['false', '0', 'no', 'n', '否'].includes(s)) return false;
  return undefined as unknown as null;
};

/** CSV text → rows keyed by the header line. */
export function csvRows(csv: string): Row[] {
  return parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
}

export function readOffices(rows: Row[], errors: string[]): ImportedOffice[] {
  const out: ImportedOffice[] = [];
  for (const [i, row] of rows.entries()) {
    const where = `office row ${i + 1}`;
    const code = text(row.code);
    const name = text(row.name);
    const level = text(row.level) ?? 'county';
    const kind = text(row.kind) ?? 'industry';
    const regionCode = text(row.regionCode);
    const industry = text(row.industry);
    const active = bool(row.active, true);
    if (!code || !name) {
      errors.push(`${where}: code and name are required`);
      continue;
    }
    if (!(OFFICE_LEVELS as readonly string[]).includes(level)) {
      errors.push(`${where}: level ${level}?`);
      continue;
    }
    if (!(OFFICE_KINDS as readonly string[]).includes(kind)) {
      errors.push(`${where}: kind ${kind}?`);
      continue;
    }
    if (!regionCode || !/^\d{6}$/.test(regionCode)) {
      errors.push(`${where}: regionCode must be 6 digits`);
      continue;
    }
    if (industry && !isIndustry(industry)) {
      errors.push(`${where}: unknown industry ${industry}`);
      continue;
    }
    if (active === undefined) {
      errors.push(`${where}: active must be true or false`);
      continue;
    }
    out.push({
      code,
      name,
      kind: kind as OfficeKind,
      level: level as OfficeLevel,
      regionCode,
      industry: (industry as Industry | null) ?? null,
      parentCode: text(row.parentCode),
      phone: text(row.phone),
      address: text(row.address),
      email: text(row.email),
      hours: text(row.hours),
      active: active ?? true,
    });
  }
  return out;
}

export function readRules(rows: Row[], errors: string[]): ImportedRule[] {
  const out: ImportedRule[] = [];
  for (const [i, row] of rows.entries()) {
    const where = `rule row ${i + 1}`;
    const regionPrefix = text(row.regionPrefix) ?? '';
    const industry = text(row.industry);
    const officeCode = text(row.officeCode);
    const collective = bool(row.collective, null);
    const active = bool(row.active, true);
    const priority = Number(text(row.priority) ?? 0);
    if (!/^(?:\d{2}){0,3}$/.test(regionPrefix)) {
      errors.push(`${where}: regionPrefix must be 0, 2, 4 or 6 digits`);
      continue;
    }
    if (industry && industry !== '*' && !isIndustry(industry)) {
      errors.push(`${where}: unknown industry ${industry}`);
      continue;
    }
    if (!officeCode) {
      errors.push(`${where}: officeCode is required`);
      continue;
    }
    if (collective === undefined || active === undefined) {
      errors.push(`${where}: collective/active must be true, false or empty`);
      continue;
    }
    if (!Number.isInteger(priority)) {
      errors.push(`${where}: priority must be an integer`);
      continue;
    }
    out.push({
      regionPrefix,
      industry: industry && industry !== '*' ? (industry as Industry) : null,
      collective,
      officeCode,
      priority,
      note: text(row.note),
      active: active ?? true,
    });
  }
  return out;
}

/** `{offices?: [...], rules?: [...]}` (JSON) or `{kind, csv}`: rows checked, nothing written. */
export function readImport(input: {
  offices?: Row[];
  rules?: Row[];
  kind?: 'offices' | 'rules';
  csv?: string;
}): ImportBatch {
  const errors: string[] = [];
  let officeRows = input.offices ?? [];
  let ruleRows = input.rules ?? [];
  if (input.csv !== undefined) {
    try {
      const rows = csvRows(input.csv);
      if (input.kind === 'rules') ruleRows = [...ruleRows, ...rows];
      else officeRows = [...officeRows, ...rows];
    } catch (err) {
      errors.push(`csv: ${(err as Error).message}`);
    }
  }
  return { offices: readOffices(officeRows, errors), rules: readRules(ruleRows, errors), errors };
}
