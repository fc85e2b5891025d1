import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  randomFillSync,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * AES-256-GCM for personal fields (claimant name, phone, ID number) stored in the database.
 * A token is "g1." + base64(iv ‖ tag ‖ ciphertext): self-describing, so a later key or scheme
 * can sit beside it ("g2.") without a migration of old rows.
 */
const PREFIX = 'g1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_FILE_NAME = 'gongyou-data.key';

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt personal field: ${reason}`);
    this.name = 'DecryptionError';
  }
}

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  /** decrypt, or undefined for null/undefined input */
  decryptOptional(token: string | null | undefined): string | undefined;
  encryptBytes(plain: Buffer): Buffer;
  decryptBytes(sealed: Buffer): Buffer;
  /**
   * A keyed hash (HMAC-SHA256) for exact-match lookups (a worker's tickets by phone) without
   * storing the value in clear. Derived from the data key with its own label.
   */
  blindIndex(value: string): string;
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error('the data key must be 32 bytes');
  const indexKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'gongyou blind index v1', 32));
  // Prepared once: a raw key Buffer is checked and wrapped again by every createCipheriv.
  const secretKey = createSecretKey(key);
  const nextIv = ivSource();

  // Every chat message is sealed (a turn seals 3–7 fields): one output buffer, no concat.
  function seal(plain: Buffer): Buffer {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', secretKey, iv);
    const body = cipher.update(plain);
    const tail = cipher.final();
    const sealed = Buffer.allocUnsafe(IV_BYTES + TAG_BYTES + body.length + tail.length);
    iv.copy(sealed, 0);
    cipher.getAuthTag().copy(sealed, IV_BYTES);
    body.copy(sealed, IV_BYTES + TAG_BYTES);
    tail.copy(sealed, IV_BYTES + TAG_BYTES + body.length);
    return sealed;
  }

  function open(sealed: Buffer): Buffer {
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('too short');
    const decipher = createDecipheriv('aes-256-gcm', secretKey, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      // Wrong key or tampered data: GCM's tag check says which is impossible to tell apart.
      throw new DecryptionError('wrong key or modified data');
    }
  }

  return {
    encrypt: (plain) => PREFIX + seal(Buffer.from(plain, 'utf8')).toString('base64'),
    decrypt(token) {
      if (!token.startsWith(PREFIX)) throw new DecryptionError('unknown format');
      return open(Buffer.from(token.slice(PREFIX.length), 'base64')).toString('utf8');
    },
    decryptOptional(token) {
      return token == null ? undefined : this.decrypt(token);
    },
    encryptBytes: seal,
    decryptBytes: open,
    blindIndex: (value) => createHmac('sha256', indexKey).update(value, 'utf8').digest('base64url'),
  };
}

/**
 * Random 96-bit GCM nonces, drawn from the CSPRNG 256 at a time rather than one call each
 * (randomBytes per message was a visible share of a chat turn). Each nonce is fresh random
 * bytes, never reused: a slice is valid only until the next call, and seal copies it at once.
 */
function ivSource(): () => Buffer {
  const pool = Buffer.allocUnsafe(IV_BYTES * 256);
  let offset = pool.length;
  return () => {
    if (offset + IV_BYTES > pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const iv = pool.subarray(offset, offset + IV_BYTES);
    offset += IV_BYTES;
    return iv;
  };
}

/** 64 hex characters or 44 base64 characters → 32 bytes. */
export function parseDataKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32)
    throw new Error('GONGYOU_DATA_KEY must be 32 bytes (64 hex or 44 base64 characters)');
  return key;
}

export interface DataKeySource {
  key: Buffer;
  /** env = GONGYOU_DATA_KEY; file = read from the data directory; generated = created just now */
  origin: 'env' | 'file' | 'generated' | 'ephemeral';
  file?: string;
}

/**
 * The data key: GONGYOU_DATA_KEY when set; otherwise the key file next to the SQLite database,
 * created on first run. A generated key works, but whoever holds the data directory holds the
 * key too, so the caller warns and production should set the variable (kept somewhere else).
 */
export function loadDataKey(options: { configured?: string; sqlitePath: string }): DataKeySource {
  if (options.configured) return { key: parseDataKey(options.configured), origin: 'env' };
  if (options.sqlitePath === ':memory:') return { key: randomBytes(32), origin: 'ephemeral' };
  const file = path.join(path.dirname(options.sqlitePath), KEY_FILE_NAME);
  if (fs.existsSync(file)) return { key: parseDataKey(fs.readFileSync(file, 'utf8')), origin: 'file', file };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process wrote a moment ago (that would orphan its rows).
  try {
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return { key: parseDataKey(fs.readFileSync(file, 'utf8')), origin: 'file', file };
    }
    throw err;
  }
  return { key, origin: 'generated', file };
}
