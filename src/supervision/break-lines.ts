// Chinese line breaking for the PDF: any two CJK characters may be split, an ASCII run
// (a ticket number, an amount, "GB/T") stays whole, and closing punctuation never starts a line
// nor opening punctuation ends one (避头尾), by carrying one unit over to the next line.

const NO_LINE_START = new Set('，。、；：？！）》」』】〕”’…—%,.;:?!)]}·');
const NO_LINE_END = new Set('（《「『【〔“‘([{');

/**
 * Units that are never split: one CJK character (or punctuation), a run of spaces, or a run of
 * ASCII non-spaces up to a hyphen ("GY-", "20261203-", "0001": a ticket number may break there).
 */
export function units(text: string): string[] {
  return (text.match(/[\x21-\x7e]+|\s+|[^\x21-\x7e\s]/gu) ?? []).flatMap((unit) =>
    isAsciiRun(unit) ? unit.split(/(?<=-)(?=.)/) : [unit],
  );
}

export function isAsciiRun(unit: string): boolean {
  return /^[\x21-\x7e]+$/.test(unit);
}

export interface BrokenLine {
  text: string;
  /** The last line of its paragraph: set ragged, never stretched. */
  last: boolean;
}

/**
 * Break `text` into lines no wider than `width` (the first `firstIndent` narrower), measuring
 * with `measure` (the renderer's font metrics).
 */
export function breakLines(
  text: string,
  width: number,
  measure: (unit: string) => number,
  firstIndent = 0,
): BrokenLine[] {
  const lines: string[][] = [];
  let current: string[] = [];
  let used = 0;
  const room = () => width - (lines.length === 0 ? firstIndent : 0);
  for (const unit of units(text)) {
    const unitWidth = measure(unit);
    if (current.length && used + unitWidth > room() + 0.01) {
      const carried: string[] = [];
      // 避头尾: carry units over while the next line would start with closing punctuation
      // ("0001）。" → "）" then "。") or this one would end with an opening one.
      const startsBadly = () => NO_LINE_START.has((carried[0] ?? unit)[0] ?? '');
      const endsBadly = () => NO_LINE_END.has(current.at(-1)?.at(-1) ?? '');
      while (current.length > 1 && carried.length < 3 && (startsBadly() || endsBadly())) {
        carried.unshift(current.pop() as string);
      }
      lines.push(trimEnd(current));
      current = [...carried];
      used = carried.reduce((sum, u) => sum + measure(u), 0);
      if (/^\s+$/.test(unit) && !current.length) continue;
    }
    current.push(unit);
    used += unitWidth;
  }
  if (current.length) lines.push(trimEnd(current));
  return lines.map((line, index) => ({ text: line.join(''), last: index === lines.length - 1 }));
}

function trimEnd(line: string[]): string[] {
  const out = [...line];
  while (out.length && /^\s+$/.test(out.at(-1) ?? '')) out.pop();
  return out;
}
