import { fail, ok, type Parsed, toHalfWidth } from './parse-result.js';

const MOBILE = /(?<![\d])(?:\+?\s*86[\s-]*)?(1[3-9]\d(?:[\s-]*\d){8})(?!\d)/;

/** A mainland mobile number however typed: 138 1234 5678, 138-1234-5678, +86 13812345678. */
export function parsePhone(input: string): Parsed<string> {
  const text = toHalfWidth(input);
  const match = MOBILE.exec(text);
  if (!match) {
    // Eleven digits that do not look like a mobile: say so rather than guess.
    const digits = text.replace(/\D/g, '');
    if (digits.length >= 7) return fail('not a mainland mobile number');
    return fail('no phone number in the message');
  }
  return ok(match[1]!.replace(/\D/g, ''));
}

/** The message with any phone number taken out (so its digits are not read as an amount). */
export function withoutPhone(input: string): string {
  return toHalfWidth(input).replace(new RegExp(MOBILE.source, 'g'), ' ');
}
