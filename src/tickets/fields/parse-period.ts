import { parseChineseNumber } from './chinese-number.js';
import { parseOpenPeriod } from './parse-open-period.js';
import { fail, ok, type Parsed, toHalfWidth } from './parse-result.js';
import type { Period } from './period.js';

export type { Period } from './period.js';

const N = '[0-9一二两三四五六七八九十几半]+';
const SPAN = new RegExp(`(${N})\\s*(多)?\\s*个\\s*(多)?\\s*月`);
const RANGE = new RegExp(
  `(?:从|自)?\\s*(?:(?:去年|今年|前年)\\s*)?(${N})\\s*月份?\\s*(?:到|至|~|-|—|一直到)\\s*(?:(?:去年|今年)\\s*)?(${N})\\s*月份?`,
);
const YEAR = new RegExp(`(${N})\\s*(多)?\\s*年\\s*(多)?(?!\\s*[0-9一二两三四五六七八九十]+\\s*月)`);

const ONE_MONTH = new RegExp(`(${N})\\s*月份?的?(?:工资|工钱|薪水|钱)`);

/**
 * How long wages are owed: 两个月, 三个多月, 半年, 一年多, 3月到5月, 上个月, 10月份的工资, and
 * periods that run to now (从国庆节到现在, since last winter: see parse-open-period.ts), in
 * Chinese and English. `now` lets an open period be counted in months.
 */
export function parsePeriod(input: string, options: { now?: Date } = {}): Parsed<Period> {
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
  const open = parseOpenPeriod(text, options.now);
  if (open.ok) return open;
  if (/上个?月|上月/.test(text)) return ok({ text: '上个月', months: 1, approx: false });
  if (/这个月|本月/.test(text)) return ok({ text: '本月', months: 1, approx: false });
  const one = ONE_MONTH.exec(text);
  if (one) {
    const month = parseChineseNumber(one[1]!);
    if (month.ok && month.value >= 1 && month.value <= 12)
      return ok({ text: one[0].replace(/的?(?:工资|工钱|薪水|钱)$/, ''), months: 1, approx: false });
  }
  return parseEnglishPeriod(text);
}

const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_RANGE = new RegExp(
  `(?:from\\s+)?${MONTH_NAME}\\s*(?:to|through|till|until|and|-|–|~)\\s*${MONTH_NAME}\\b`,
  'i',
);
const EN_SINCE = new RegExp(`since\\s+${MONTH_NAME}\\b`, 'i');
const EN_NUMBER: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const EN_SPAN =
  /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(months?|years?)\b/i;

function monthOf(name: string): number {
  return MONTH_INDEX.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The same in English: "two months", "October and November", "March to May", "since March". */
function parseEnglishPeriod(text: string): Parsed<Period> {
  const range = EN_RANGE.exec(text);
  if (range) {
    const months = ((monthOf(range[2]!) - monthOf(range[1]!) + 12) % 12) + 1;
    return ok({ text: range[0].trim(), months, approx: false });
  }
  const span = EN_SPAN.exec(text);
  if (span) {
    const n = EN_NUMBER[span[1]!.toLowerCase()] ?? Number(span[1]);
    const months = /year/i.test(span[2]!) ? n * 12 : n;
    if (months > 0 && months <= 120) return ok({ text: span[0], months, approx: false });
  }
  if (/\bhalf\s+a\s+year\b/i.test(text)) return ok({ text: 'half a year', months: 6, approx: false });
  if (/\blast\s+month\b/i.test(text)) return ok({ text: 'last month', months: 1, approx: false });
  if (/\bthis\s+month\b/i.test(text)) return ok({ text: 'this month', months: 1, approx: false });
  const since = EN_SINCE.exec(text);
  if (since) return ok({ text: since[0], approx: false });
  return fail('no period in the message');
}
