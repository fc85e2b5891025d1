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
