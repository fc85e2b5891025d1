import { CALC_KINDS, type CalcKind } from '../../../calculators/calc-types.js';
import { parsePastDate } from '../../../measures/arbitration-limit.js';
import { parseChineseNumber } from '../../../tickets/fields/chinese-number.js';
import { parseAmount } from '../../../tickets/fields/parse-amount.js';
import { parsePeriod } from '../../../tickets/fields/parse-period.js';
import { toHalfWidth } from '../../../tickets/fields/parse-result.js';

/**
 * Readers of the calculator's answers. Each returns the value, `none` (the worker said there is
 * none or they do not know) or undefined (not an answer: asked once more, then let go).
 */
export type Answer<T> = { value: T } | { none: true } | undefined;

const NONE =
  /^(?:没有|没|无|不知道|不清楚|不记得|忘了|记不清|一分没给|一分都没|没发|没给|none|no|nothing|don'?t know|not sure|n\/?a)[\s。.!！]*$/i;
const ZERO = /^(?:0|零)\s*(?:小时|个小时|h|hours?|元|块)?[\s。.]*$/i;
const NUM = '[0-9.一二两三四五六七八九十百零半]+';

export function saysNone(text: string): boolean {
  return NONE.test(toHalfWidth(text).trim());
}

const KIND_WORDS: [CalcKind, RegExp][] = [
  ['overtime', /加班|overtime/i],
  ['no-contract-double-pay', /合同|二倍|双倍|double|contract/i],
  ['severance', /补偿|辞退|开除|解雇|裁员|被炒|N\+1|severance|dismiss|fired|laid off/i],
  ['unpaid-wages', /欠|拖|工资|工钱|没发|unpaid|wages?/i],
];

/** Which sum: a kind's button text, or the words of one. */
export function readKind(text: string, buttons: Record<CalcKind, string[]>): CalcKind | undefined {
  const said = text.trim();
  const tapped = CALC_KINDS.find((kind) => buttons[kind].includes(said));
  return tapped ?? KIND_WORDS.find(([, words]) => words.test(said))?.[0];
}

/** A monthly wage or an amount paid: 6000, 六千五, 1.2万, ￥3,500. */
export function readMoney(text: string, options: { noneIsZero?: boolean } = {}): Answer<number> {
  if (ZERO.test(toHalfWidth(text).trim())) return { value: 0 };
  if (saysNone(text)) return options.noneIsZero ? { value: 0 } : { none: true };
  const amount = parseAmount(text, { bare: true });
  if (!amount.ok || amount.value.yuan <= 0 || amount.value.yuan > 1_000_000) return undefined;
  return { value: Math.round(amount.value.yuan * 100) };
}

function number(text: string): number | undefined {
  const parsed = parseChineseNumber(text);
  return parsed.ok ? parsed.value : undefined;
}

/** Months: 3, 三个月, 两个多月, 3月到5月, 半年. */
export function readMonths(text: string, now: Date): Answer<number> {
  const plain = toHalfWidth(text).trim();
  if (saysNone(plain)) return { none: true };
  const bare = /^([0-9一二两三四五六七八九十]+)\s*(?:个月|月|months?)?$/i.exec(plain);
  let value: number | undefined;
  if (bare) value = number(bare[1] ?? '');
  else {
    const period = parsePeriod(plain, { now });
    value = period.ok ? period.value.months : undefined;
  }
  if (value === undefined || !Number.isInteger(value) || value < 0 || value > 600) return undefined;
  return { value };
}

/** Hours, to a tenth: 20, 二十小时, 2.5h; 没有 / 0 is none worked. */
export function readHours(text: string): Answer<number> {
  const plain = toHalfWidth(text).trim();
  if (ZERO.test(plain) || saysNone(plain)) return { value: 0 };
  const match = new RegExp(
    `^(?:大概|大约|约|一共|总共)?\\s*(${NUM})\\s*(?:多)?\\s*(?:个)?\\s*(?:小时|钟头|h|hrs?|hours?)?[\\s。.]*$`,
    'i',
  ).exec(plain);
  const hours = match
    ? /^[0-9.]+$/.test(match[1] ?? '')
      ? Number(match[1])
      : number(match[1] ?? '')
    : undefined;
  if (hours === undefined || !Number.isFinite(hours) || hours < 0 || hours > 2000) return undefined;
  return { value: Math.round(hours * 10) / 10 };
}

/** Time worked in months: 3年4个月, 三年零四个月, 一年半, 半年, 8个月, 2 years 3 months. */
export function readService(text: string): Answer<number> {
  const plain = toHalfWidth(text).trim();
  if (saysNone(plain)) return { none: true };
  if (/^半年$/.test(plain)) return { value: 6 };
  const zh = new RegExp(`^(?:(${NUM})\\s*年(半)?)?\\s*(?:零|又)?\\s*(?:(${NUM})\\s*个?多?月)?(?:多)?$`).exec(
    plain,
  );
  const en = /^(?:(\d+)\s*years?)?\s*(?:and\s*)?(?:(\d+)\s*months?)?$/i.exec(plain);
  const [years, half, months] =
    zh?.[1] || zh?.[3] ? [zh[1], zh[2], zh[3]] : en?.[1] || en?.[2] ? [en[1], undefined, en[2]] : [];
  if (years === undefined && months === undefined) return undefined;
  const y = years ? number(years) : 0;
  const m = months ? number(months) : 0;
  if (y === undefined || m === undefined || !Number.isInteger(y) || !Number.isInteger(m)) return undefined;
  const total = y * 12 + (half ? 6 : 0) + m;
  return total > 0 && total <= 720 ? { value: total } : undefined;
}

/** A past day: 2026-03-15, 2026年3月15日, 3月15号 (this year, or last year's if not yet come), 今天, 昨天. */
export function readPastDay(text: string, now: Date): Answer<string> {
  const plain = toHalfWidth(text).trim();
  if (saysNone(plain)) return { none: true };
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const ymd = (y: number, m: number, d: number) =>
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (/^(?:今天|today)/i.test(plain)) return { value: china.toISOString().slice(0, 10) };
  if (/^(?:昨天|yesterday)/i.test(plain))
    return { value: new Date(china.getTime() - 86_400_000).toISOString().slice(0, 10) };
  const full = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(plain);
  const short = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/.exec(plain);
  const year = china.getUTCFullYear();
  const candidates = full
    ? [ymd(Number(full[1]), Number(full[2]), Number(full[3]))]
    : short
      ? [ymd(year, Number(short[1]), Number(short[2])), ymd(year - 1, Number(short[1]), Number(short[2]))]
      : [];
  for (const day of candidates) {
    const parsed = parsePastDate(day, now);
    if (parsed.ok) return { value: parsed.value };
  }
  return undefined;
}
