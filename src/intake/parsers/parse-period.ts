import { parseChineseNumber } from './chinese-number.js';
import { fail, ok, type Parsed, toHalfWidth } from './parse-result.js';

export interface Period {
  /** As the worker said it: 两个月, 3月到5月. */
  text: string;
  months?: number;
  /** "三个多月": at least `months`. */
  approx: boolean;
}

const N = '[0-9一二两三四五六七八九十几半]+';
const SPAN = new RegExp(`(${N})\\s*(多)?\\s*个\\s*(多)?\\s*月`);
const RANGE = new RegExp(
  `(?:从|自)?\\s*(?:(?:去年|今年|前年)\\s*)?(${N})\\s*月份?\\s*(?:到|至|~|-|—|一直到)\\s*(?:(?:去年|今年)\\s*)?(${N})\\s*月份?`,
);
const YEAR = new RegExp(`(${N})\\s*(多)?\\s*年\\s*(多)?(?!\\s*[0-9一二两三四五六七八九十]+\\s*月)`);

/** How long wages are owed: 两个月, 三个多月, 半年, 一年多, 3月到5月, 上个月. */
export function parsePeriod(input: string): Parsed<Period> {
  const text = toHalfWidth(input);
  const range = RANGE.exec(text);
  if (range) {
    const from = parseChineseNumber(range[1]!);
    const to = parseChineseNumber(range[2]!);
    if (from.ok && to.ok && from.value >= 1 && from.value <= 12 && to.value >= 1 && to.value <= 12) {
      // 11月到2月 crosses a new year.
      const months = ((to.value - from.value + 12) % 12) + 1;
      return ok({ text: range[0].trim(), months, approx: false });
    }
  }
  const span = SPAN.exec(text);
  if (span) {
    const approx = Boolean(span[2] || span[3]) || span[1]!.includes('几');
    const value =
      span[1] === '半'
        ? 0.5
        : parseChineseNumber(span[1]!.replace('几', '')).ok
          ? (parseChineseNumber(span[1]!.replace('几', '')) as { value: number }).value
          : span[1]!.includes('几')
            ? 3
            : Number.NaN;
    if (Number.isFinite(value) && value > 0 && value <= 120) {
      return ok({ text: span[0].trim(), months: Math.max(1, Math.round(value)), approx });
    }
  }
  if (/半年/.test(text)) return ok({ text: '半年', months: 6, approx: /多/.test(text) });
  const year = YEAR.exec(text);
  if (year && !/\d{4}\s*年/.test(text)) {
    const n =
      year[1] === '半'
        ? 0.5
        : parseChineseNumber(year[1]!).ok
          ? (parseChineseNumber(year[1]!) as { value: number }).value
          : Number.NaN;
    if (Number.isFinite(n) && n > 0 && n <= 10) {
      return ok({ text: year[0].trim(), months: Math.round(n * 12), approx: Boolean(year[2] || year[3]) });
    }
  }
  if (/上个?月|上月/.test(text)) return ok({ text: '上个月', months: 1, approx: false });
  if (/这个月|本月/.test(text)) return ok({ text: '本月', months: 1, approx: false });
  const english = /(\d+|one|two|three|four|five|six)\s+months?/i.exec(text);
  if (english) {
    const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
    const months = words[english[1]!.toLowerCase()] ?? Number(english[1]);
    return ok({ text: english[0], months, approx: false });
  }
  return fail('no period in the message');
}
