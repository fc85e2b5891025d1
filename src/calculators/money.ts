import type { Locale } from '../platform/i18n/locales.js';

/**
 * Money is integer fen from input to total: 0.1 + 0.2 yuan must be 30 fen. A figure computed
 * from a rate (an hourly wage, half a month) is rounded to the fen once, half up, at the end.
 */
export function roundDiv(numerator: number, denominator: number): number {
  return Math.floor((numerator * 2 + denominator) / (denominator * 2));
}

/** 1234567 fen → "12,345.67". */
export function yuanDigits(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** What the worker reads: "12,345.67 元" / "¥12,345.67". */
export function yuanWords(fen: number, locale: Locale): string {
  return locale === 'en' ? `¥${yuanDigits(fen)}` : `${yuanDigits(fen)} 元`;
}

/** Above this a monthly wage or an amount paid is a typo (and the sums stay exact integers). */
export const MAX_INPUT_YUAN = 1_000_000;

/**
 * Yuan as a client sends it ("6000", "6,500.50", "￥3000", 6000) into fen, read as decimal text,
 * never through a float. Words ("六千") are the chat's job (tickets/fields/parse-amount.ts).
 */
export function parseYuan(
  input: string | number,
): { ok: true; value: number } | { ok: false; reason: string } {
  const text = String(input)
    .normalize('NFKC')
    .replace(/^[¥]|元$/g, '')
    .replace(/[,\s]/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { ok: false, reason: 'an amount in yuan, e.g. 6000 or 6000.50' };
  const whole = Number(match[1]);
  if (whole > MAX_INPUT_YUAN) return { ok: false, reason: `at most ${MAX_INPUT_YUAN} yuan` };
  return { ok: true, value: whole * 100 + Number((match[2] ?? '').padEnd(2, '0')) };
}
