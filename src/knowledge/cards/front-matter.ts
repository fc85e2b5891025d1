// The front matter of a card file: a strict subset of YAML, read here so that no YAML package is
// needed and nothing YAML would guess at (yes/no booleans, dates as Date, numbers) happens.
// Accepted, one key per line:
//   key: text             a string (quotes optional; '#' is text, not a comment)
//   key: true | false     a boolean
//   key: [a, b]           a list on one line, items split at commas
//   key:                  a list, one "  - item" line each

export type FrontMatterValue = string | boolean | string[];

export type FrontMatterResult =
  | { ok: true; fields: Record<string, FrontMatterValue>; body: string; bodyLine: number }
  | { ok: false; problems: string[] };

const FENCE = '---';
const KEY_LINE = /^([A-Za-z][A-Za-z0-9]*):(?:\s+(.*))?$/;
const ITEM_LINE = /^\s+-\s+(.*)$/;

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$/.exec(trimmed) ?? /^'(.*)'$/.exec(trimmed);
  return quoted ? (quoted[1] ?? '') : trimmed;
}

function scalar(raw: string): FrontMatterValue {
  const value = raw.trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  const list = /^\[(.*)\]$/.exec(value);
  if (list) {
    const inner = (list[1] ?? '').trim();
    return inner ? inner.split(/[,，]/).map(unquote) : [];
  }
  return unquote(value);
}

/** Split a file into its front matter fields and the Markdown body; problems name the line. */
export function parseFrontMatter(text: string): FrontMatterResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== FENCE) return { ok: false, problems: ['line 1: the file must start with ---'] };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === FENCE);
  if (end < 0) return { ok: false, problems: ['the front matter is not closed with ---'] };

  const fields: Record<string, FrontMatterValue> = {};
  const problems: string[] = [];
  let openList: string[] | undefined;
  for (let i = 1; i < end; i++) {
    const line = lines[i] ?? '';
    const where = `line ${i + 1}`;
    if (!line.trim()) continue;
    const item = ITEM_LINE.exec(line);
    if (item) {
      if (openList) openList.push(unquote(item[1] ?? ''));
      else problems.push(`${where}: a list item without a key above it`);
      continue;
    }
    const keyed = KEY_LINE.exec(line);
    if (!keyed) {
      problems.push(`${where}: expected "key: value" or "  - item", found "${line.trim().slice(0, 40)}"`);
      openList = undefined;
      continue;
    }
    const key = keyed[1] ?? '';
    if (key in fields) problems.push(`${where}: ${key} is given twice`);
    const raw = keyed[2]?.trim() ?? '';
    if (raw) {
      fields[key] = scalar(raw);
      openList = undefined;
    } else {
      openList = [];
      fields[key] = openList;
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, fields, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}
