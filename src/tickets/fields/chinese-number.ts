import { fail, ok, type Parsed, toHalfWidth } from './parse-result.js';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  仨: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const UNITS: Record<string, number> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
  k: 1000,
  K: 1000,
};
const BIG: Record<string, number> = { 万: 10_000, 萬: 10_000, w: 10_000, W: 10_000, 亿: 100_000_000 };

/** Characters a number written in words and/or digits can be made of. */
export const NUMBER_CHARS = '0-9.零〇一壹二贰两俩三叁仨四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿';

/**
 * A number as people type it: 3500, 3.5k, 1.2万, 1万2, 一万二 (12,000: the digit after a unit
 * is one place below it), 三千五, 两万五千, 十二, 一千零五, 4,500.
 */
export function parseChineseNumber(input: string): Parsed<number> {
  const text = toHalfWidth(input)
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\s+/g, '');
  if (!text) return fail('empty');
  let total = 0;
  let section = 0;
  let pending: number | undefined;
  let lastUnit = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const decimal = /^\d+(?:\.\d+)?/.exec(text.slice(i));
    if (decimal) {
      pending = Number(decimal[0]);
      i += decimal[0].length;
      continue;
    }
    if (ch in DIGITS) {
      pending = DIGITS[ch]!;
      if (ch === '零' || ch === '〇') lastUnit = 0;
      i += 1;
      continue;
    }
    if (ch in UNITS) {
      section += (pending ?? 1) * UNITS[ch]!;
      lastUnit = UNITS[ch]!;
      pending = undefined;
      i += 1;
      continue;
    }
    if (ch in BIG) {
      section += pending ?? 0;
      total += (section || 1) * BIG[ch]!;
      section = 0;
      lastUnit = BIG[ch]!;
      pending = undefined;
      i += 1;
      continue;
    }
    return fail(`not a number: ${input}`);
  }
  if (pending !== undefined) {
    // 一万二 / 三千五 / 1万2: a lone digit right after a unit counts one place below it.
    const shorthand = lastUnit >= 100 && Number.isInteger(pending) && pending < 10;
    section += shorthand ? (pending * lastUnit) / 10 : pending;
  }
  const value = total + section;
  if (!Number.isFinite(value)) return fail(`not a number: ${input}`);
  return ok(Math.round(value * 100) / 100);
}
