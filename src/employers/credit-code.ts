import type { Result } from '../platform/result.js';

/** GB 32100-2015's 31 characters: digits and capitals without I, O, S, V, Z. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of position i is 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.
 * Staff copy it from a business licence; spaces and lower case are forgiven, a wrong character
 * is not (a typo would merge the wrong employers).
 */
export function parseCreditCode(input: string): Result<string> {
  const code = input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== 18) return { ok: false, reason: 'A 统一社会信用代码 has 18 characters.' };
  const values = [...code].map((c) => CHARSET.indexOf(c));
  if (values.some((v) => v < 0)) {
    return { ok: false, reason: 'A 统一社会信用代码 uses digits and capitals other than I, O, S, V, Z.' };
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * (values[i] as number), 0);
  const check = (31 - (sum % 31)) % 31;
  if (values[17] !== check) {
    return {
      ok: false,
      reason: 'The check character of this 统一社会信用代码 does not match: check for a typo.',
    };
  }
  return { ok: true, value: code };
}
