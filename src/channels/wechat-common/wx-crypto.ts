import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Result } from '../../platform/result.js';

// WeChat's callback crypto ("WXBizMsgCrypt"), shared by the official account and WeCom:
// AES-256-CBC, key = base64(EncodingAESKey + "="), IV = first 16 key bytes, PKCS#7 padding to
// 32-byte blocks, plaintext = 16 random bytes ‖ uint32 BE length ‖ message ‖ receiver id.

export type CryptoResult<T> = Result<T>;

const BLOCK = 32;

/** SHA-1 over the parts sorted as strings: WeChat's `signature` and `msg_signature`. */
export function wxSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Constant-time comparison of two hex signatures. */
export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given.toLowerCase()));
}

export interface WxCrypto {
  /** Decrypt an `Encrypt`/`echostr` value; fails when the padding or receiver id is wrong. */
  decrypt(encrypted: string): CryptoResult<string>;
  encrypt(message: string): string;
}

/** `receiverId` is the official account's AppID or the WeCom CorpID. */
export function createWxCrypto(encodingAesKey: string, receiverId: string): WxCrypto {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey must be 43 base64 characters');
  const iv = key.subarray(0, 16);

  return {
    decrypt(encrypted) {
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-cbc', key, iv);
        decipher.setAutoPadding(false);
        plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
      } catch {
        return { ok: false, reason: 'not decryptable with this EncodingAESKey' };
      }
      const pad = plain.at(-1) ?? 0;
      if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) return { ok: false, reason: 'bad padding' };
      const body = plain.subarray(0, plain.length - pad);
      const length = body.readUInt32BE(16);
      if (20 + length > body.length) return { ok: false, reason: 'bad message length' };
      const message = body.subarray(20, 20 + length).toString('utf8');
      const receiver = body.subarray(20 + length).toString('utf8');
      if (receiver !== receiverId) return { ok: false, reason: 'message is for another account' };
      return { ok: true, value: message };
    },

    encrypt(message) {
      const text = Buffer.from(message, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(text.length);
      const body = Buffer.concat([randomBytes(16), length, text, Buffer.from(receiverId, 'utf8')]);
      const pad = BLOCK - (body.length % BLOCK);
      const cipher = createCipheriv('aes-256-cbc', key, iv);
      cipher.setAutoPadding(false);
      return Buffer.concat([
        cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])),
        cipher.final(),
      ]).toString('base64');
    },
  };
}
