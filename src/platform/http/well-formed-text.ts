/** A UTF-16 surrogate half without its partner: with the `u` flag only unpaired halves match. */
const LONE_SURROGATE = /\p{Cs}/u;

export const ILL_FORMED_MESSAGE = 'Text must be well-formed Unicode (a lone UTF-16 surrogate was sent).';

/**
 * Whether every string in a parsed JSON value (keys too) is well-formed Unicode. A lone surrogate
 * cannot be stored or encrypted as UTF-8 faithfully, so it is refused where it enters, once,
 * rather than failing in whichever layer first meets it. Iterative, so depth costs no stack.
 */
export function isWellFormedDeep(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return false;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, element] of Object.entries(item)) {
        if (LONE_SURROGATE.test(key)) return false;
        pending.push(element);
      }
    }
  }
  return true;
}
