import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createFieldCipher,
  DecryptionError,
  KEY_FILE_NAME,
  loadDataKey,
  parseDataKey,
} from '../../src/platform/privacy/encryption.js';
import { maskIdNumber, maskName, maskPhone } from '../../src/platform/privacy/mask-fields.js';
import { tempDir } from '../helpers/test-app.js';

const KEY_HEX = 'a'.repeat(64);

describe('field encryption (AES-256-GCM)', () => {
  const cipher = createFieldCipher(parseDataKey(KEY_HEX));

  it('round-trips, with a fresh IV every time', () => {
    const a = cipher.encrypt('李强');
    const b = cipher.encrypt('李强');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^g1\./);
    expect(a).not.toContain('李强');
    expect(cipher.decrypt(a)).toBe('李强');
  });

  it('never repeats an IV, across refills of the nonce pool, and each token opens to its text', () => {
    const tokens = Array.from({ length: 1000 }, (_, i) => cipher.encrypt(`message ${i}`));
    const ivs = tokens.map((token) => Buffer.from(token.slice(3), 'base64').subarray(0, 12).toString('hex'));
    expect(new Set(ivs).size).toBe(1000);
    expect(tokens.map((token) => cipher.decrypt(token))).toEqual(tokens.map((_, i) => `message ${i}`));
    // A byte layout other readers rely on: iv (12) ‖ tag (16) ‖ ciphertext.
    expect(Buffer.from(cipher.encrypt('').slice(3), 'base64')).toHaveLength(28);
    expect(cipher.decryptBytes(cipher.encryptBytes(Buffer.from('李强')))).toEqual(Buffer.from('李强'));
  });

  it('detects tampering and the wrong key', () => {
    const token = cipher.encrypt('13812345678');
    const raw = Buffer.from(token.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => cipher.decrypt(`g1.${raw.toString('base64')}`)).toThrow(DecryptionError);
    const other = createFieldCipher(parseDataKey('b'.repeat(64)));
    expect(() => other.decrypt(token)).toThrow(DecryptionError);
    expect(() => cipher.decrypt('plain text')).toThrow(DecryptionError);
  });

  it('gives a stable blind index for lookups without storing the value', () => {
    expect(cipher.blindIndex('13812345678')).toBe(cipher.blindIndex('13812345678'));
    expect(cipher.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345679'));
    expect(cipher.blindIndex('13812345678')).not.toContain('1381234');
  });

  it('accepts hex or base64 keys and refuses other lengths', () => {
    expect(parseDataKey(Buffer.alloc(32, 7).toString('base64'))).toHaveLength(32);
    expect(() => parseDataKey('abcd')).toThrow(/32 bytes/);
  });
});

describe('where the key comes from', () => {
  it('uses GONGYOU_DATA_KEY when set, else generates one next to the database once', () => {
    const dir = tempDir();
    try {
      const sqlitePath = path.join(dir, 'gongyou.db');
      expect(loadDataKey({ configured: KEY_HEX, sqlitePath }).origin).toBe('env');
      expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
      const first = loadDataKey({ sqlitePath });
      expect(first.origin).toBe('generated');
      expect(fs.statSync(path.join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
      const second = loadDataKey({ sqlitePath });
      expect(second.origin).toBe('file');
      expect(second.key.equals(first.key)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('masking for lists', () => {
  it('masks names, phones and ID numbers', () => {
    expect(maskName('李强')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('Wang Fang')).toBe('W*** F***');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('310115199001011234')).toBe('310***********1234');
  });
});
