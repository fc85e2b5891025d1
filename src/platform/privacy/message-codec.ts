import { DecryptionError, type FieldCipher } from './encryption.js';

/**
 * What a worker types is personal data (names, phone numbers, what happened to them), so a
 * Message's text and payload are sealed with the data key before they reach the database and
 * opened only when read. Rows written before sealing existed are passed through as they are.
 */
export interface MessageCodec {
  seal(value: string | null | undefined): string | null;
  open(stored: string | null | undefined): string | null;
}

const SEALED = 'g1.';

export function createMessageCodec(cipher: FieldCipher, onUnreadable?: (err: Error) => void): MessageCodec {
  return {
    seal: (value) => (value == null ? null : cipher.encrypt(value)),
    open(stored) {
      if (stored == null) return null;
      if (!stored.startsWith(SEALED)) return stored;
      try {
        return cipher.decrypt(stored);
      } catch (err) {
        // A wrong key must not take the console down: show the row as unreadable instead.
        if (err instanceof DecryptionError) {
          onUnreadable?.(err);
          return null;
        }
        throw err;
      }
    },
  };
}
