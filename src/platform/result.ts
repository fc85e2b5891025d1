/**
 * The one result union: parsers and validators return it instead of throwing, since a rider
 * typing "三千五" or a malformed callback is normal input, not an exception.
 */
export type Result<T, R = string> = { ok: true; value: T } | { ok: false; reason: R };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <R = string>(reason: R): { ok: false; reason: R } => ({ ok: false, reason });
