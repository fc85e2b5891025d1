import { fail, ok, type Result } from '../platform/result.js';

/** Above this a typo is likelier than a recovery (一亿元). */
export const MAX_RECOVERED_YUAN = 100_000_000;

/**
 * The amount recovered for the worker, as staff type it when closing ("3500", "3,500.50",
 * "￥1200", 0 when nothing was recovered), in fen. Read as decimal text, never through a float:
 * 0.1 + 0.2 yuan must be 30 fen, and the dashboard's totals are sums of these integers.
 */
export function parseRecoveredYuan(input: string | number): Result<number> {
  const text = String(input)
    .normalize('NFKC')
    .replace(/^[¥￥]|元$/g, '')
    .replace(/[,\s]/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return fail('Enter the amount recovered in yuan, e.g. 3500 or 3500.50 (0 if none).');
  const yuan = Number(match[1]);
  if (yuan > MAX_RECOVERED_YUAN)
    return fail(`The amount recovered cannot exceed ${MAX_RECOVERED_YUAN} yuan.`);
  const fen = yuan * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return ok(fen);
}

/** 123456 fen → "1234.56" (what staff typed, for forms and exports). */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
