import { createHash } from 'node:crypto';
import type { Result } from '../../platform/result.js';

/** How far a callback's timestamp may be from our clock, either way (WeChat's clocks drift). */
export const CALLBACK_WINDOW_SECONDS = 5 * 60;
/** A bound on memory under a flood of signed callbacks; past it the oldest nonces go first. */
const MAX_REMEMBERED = 100_000;

/**
 * The signature covers the token, timestamp and nonce, in plaintext mode not the body, and
 * never expires by itself: one captured signed URL would let anyone post any body for ever.
 * So a callback is taken only within the window of its timestamp, and each nonce is remembered
 * for as long as its timestamp could still pass, with the digest of the body it came with: the
 * same request again is WeChat retrying (it waits 5 s, up to three times) and is answered; the
 * same nonce with another body is a replay and refused.
 */
export function createCallbackFreshness(now: () => number = () => Date.now()) {
  const seen = new Map<string, { digest: string; at: number }>();

  function forget(at: number) {
    // Insertion order is age order. An entry may go once its timestamp can no longer pass.
    for (const [key, entry] of seen) {
      if (at - entry.at < 2 * CALLBACK_WINDOW_SECONDS * 1000 && seen.size < MAX_REMEMBERED) break;
      seen.delete(key);
    }
  }

  return {
    /** Before anything else: the timestamp is in the window. */
    checkTimestamp(timestamp: string | undefined): Result<number> {
      if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'timestamp is missing' };
      const seconds = Number(timestamp);
      if (Math.abs(now() / 1000 - seconds) > CALLBACK_WINDOW_SECONDS) {
        return { ok: false, reason: 'timestamp is outside the 5-minute window' };
      }
      return { ok: true, value: seconds };
    },

    /** After the signature: this nonce is new, or came before with this very body (a retry). */
    checkNonce(timestamp: string, nonce: string, body: string): Result<void> {
      const at = now();
      forget(at);
      const key = `${timestamp}:${nonce}`;
      const digest = createHash('sha256').update(body).digest('base64');
      const earlier = seen.get(key);
      if (earlier && earlier.digest !== digest) return { ok: false, reason: 'nonce was already used' };
      if (!earlier) seen.set(key, { digest, at });
      return { ok: true, value: undefined };
    },
  };
}

export type CallbackFreshness = ReturnType<typeof createCallbackFreshness>;
