/**
 * What each line of an issued document is, in the terms of GB/T 9704-2012 (党政机关公文格式),
 * so the DOCX and the PDF lay it out the same way:
 *
 * - `title`: centred (标题);
 * - `number`: the document number, right-aligned under the title (信函格式的发文字号);
 * - `addressee`: flush left, no indent, ending in a full-width colon (主送机关, 顶格);
 * - `body`: justified, first line indented two characters (正文);
 * - `right`: any other right-aligned line inside the text;
 * - `signature` and `date`: the issuing office centred over the date, the date four characters
 *   from the right edge, kept on the page of the last body paragraph with room for the seal
 *   above them (发文机关署名, 成文日期, 印章);
 * - `copy`: the 抄送 line at the end (版记).
 */
export type Role = 'number' | 'addressee' | 'body' | 'right' | 'signature' | 'date' | 'copy';

export interface LaidParagraph {
  text: string;
  role: Role;
}

export interface DocumentLayout {
  title: string;
  paragraphs: LaidParagraph[];
}

const DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/**
 * Read a stored body (template syntax: `# ` title, `>` right-aligned, `!` no indent, other lines
 * body) into roles: `>` lines before the text are the number, `>` lines after it the signature
 * block (a last line that is a date is the date). Bodies issued with the earlier built-in
 * templates, which put `>` on every line, are read the same way as a corrected template would be.
 */
export function layoutBody(body: string, copyTo?: string): DocumentLayout {
  const lines = body.split('\n').filter((line) => line.trim());
  const titleLine = lines.find((line) => line.startsWith('# '));
  let content = lines.filter((line) => line !== titleLine).map((line) => line.trim());
  if (isAllRight(content)) content = repairAllRight(content);

  const lastText = findLastIndex(content, (line) => !line.startsWith('>'));
  const firstText = content.findIndex((line) => !line.startsWith('>'));
  const paragraphs: LaidParagraph[] = content.map((line, index) => {
    const text = line.replace(/^[>!]\s*/, '');
    if (line.startsWith('!')) return { text, role: 'addressee' };
    if (!line.startsWith('>')) return { text, role: 'body' };
    if (firstText < 0 || index < firstText) return { text, role: 'number' };
    if (index > lastText) return { text, role: DATE.test(text) ? 'date' : 'signature' };
    return { text, role: 'right' };
  });
  if (copyTo) paragraphs.push({ text: copyTo, role: 'copy' });
  return { title: titleLine?.slice(2).trim() ?? '', paragraphs };
}

function isAllRight(lines: string[]): boolean {
  return lines.length >= 4 && lines.every((line) => line.startsWith('>'));
}

/** `> 〔2026〕第1号`, `> !单位：`, `> 正文…`, `> 某工会`, `> 2026年12月3日` → the marks meant. */
function repairAllRight(lines: string[]): string[] {
  const last = lines.length - 1;
  const dateAt = DATE.test(lines[last]?.replace(/^>\s*/, '') ?? '') ? last : -1;
  const signatureFrom = dateAt > 0 ? dateAt - 1 : last;
  return lines.map((line, index) =>
    index === 0 || index >= signatureFrom ? line : line.replace(/^>\s*/, ''),
  );
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}

/**
 * Width in em of a line set in a CJK face: full-width characters take one, ASCII half. Used to
 * centre the signature over the date in both formats (character counts, as typesetters do).
 */
export function emWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/** GB/T 9704 7.3.5.1: the date ends four characters from the right; the office is centred over it. */
export const DATE_RIGHT_EM = 4;
export function signatureRightEm(signature: string, date: string | undefined): number {
  if (!date) return DATE_RIGHT_EM;
  return Math.max(0, DATE_RIGHT_EM + (emWidth(date) - emWidth(signature)) / 2);
}

/** Blank lines left above the signature so the seal (about 42 mm) sits on it and the date. */
export const SEAL_LINES = 2;
