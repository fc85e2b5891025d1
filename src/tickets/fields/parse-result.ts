import type { Result } from '../../platform/result.js';
/** Parsers return a result, never throw: "三千五" or "3.5k" is normal input, not an exception. */
export type Parsed<T> = Result<T>;

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Full-width digits and punctuation to ASCII (１２３４ → 1234, ，→ ,). */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
