import { randomBytes } from 'node:crypto';
import type { CallbackFreshness } from './callback-freshness.js';
import { signatureMatches, type WxCrypto, wxSignature } from './wx-crypto.js';
import { buildWxXml, parseWxXml } from './wx-xml.js';

// Opening and sealing WeChat callback bodies: plaintext mode (signature over token, timestamp,
// nonce) and secure mode (msg_signature also over the Encrypt field, body AES-encrypted).
// Nothing of the body is parsed before its sender is proven: the timestamp window first, then
// the signature (in secure mode over the Encrypt field, found by a plain scan), then the nonce.

export interface CallbackQuery {
  signature?: string;
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

export interface CallbackKeys {
  token: string;
  /** Absent when no EncodingAESKey is configured: only plaintext mode is accepted. */
  crypto?: WxCrypto;
}

export type Opened =
  | { ok: true; fields: Record<string, string>; encrypted: boolean }
  | { ok: false; statusCode: 400 | 401; message: string };

export interface OpenOptions {
  freshness: CallbackFreshness;
  /** WeCom: every callback is encrypted. */
  requireEncrypted?: boolean;
}

// Base64 only, in CDATA or bare: a linear scan that cannot be made to backtrack.
const ENCRYPT_FIELD =
  /<Encrypt>(?:<!\[CDATA\[([A-Za-z0-9+/=]{1,200000})\]\]>|([A-Za-z0-9+/=]{1,200000}))<\/Encrypt>/;

export function openCallback(
  keys: CallbackKeys,
  query: CallbackQuery,
  body: string,
  options: OpenOptions,
): Opened {
  const { timestamp = '', nonce = '' } = query;
  const fresh = options.freshness.checkTimestamp(query.timestamp);
  if (!fresh.ok) return { ok: false, statusCode: 401, message: fresh.reason };
  const replayed = () => {
    const once = options.freshness.checkNonce(timestamp, nonce, body);
    return once.ok ? undefined : ({ ok: false, statusCode: 401, message: once.reason } as const);
  };

  if (query.msg_signature !== undefined) {
    if (!keys.crypto)
      return { ok: false, statusCode: 400, message: 'secure mode needs the EncodingAESKey configured' };
    const found = ENCRYPT_FIELD.exec(body);
    const encrypt = found?.[1] ?? found?.[2];
    if (!encrypt) return { ok: false, statusCode: 400, message: 'expected an encrypted (secure mode) body' };
    if (!signatureMatches(wxSignature(keys.token, timestamp, nonce, encrypt), query.msg_signature)) {
      return { ok: false, statusCode: 401, message: 'msg_signature does not match' };
    }
    const replay = replayed();
    if (replay) return replay;
    const plain = keys.crypto.decrypt(encrypt);
    if (!plain.ok) return { ok: false, statusCode: 400, message: plain.reason };
    const inner = parseWxXml(plain.value);
    if (!inner.ok) return { ok: false, statusCode: 400, message: inner.reason };
    return { ok: true, fields: inner.value, encrypted: true };
  }

  if (options.requireEncrypted)
    return { ok: false, statusCode: 400, message: 'expected an encrypted (secure mode) body' };
  if (!signatureMatches(wxSignature(keys.token, timestamp, nonce), query.signature)) {
    return { ok: false, statusCode: 401, message: 'signature does not match' };
  }
  const replay = replayed();
  if (replay) return replay;
  const outer = parseWxXml(body);
  if (!outer.ok) return { ok: false, statusCode: 400, message: outer.reason };
  // An encrypted body that came without its msg_signature was never verified: refuse it.
  if (outer.value.Encrypt !== undefined)
    return { ok: false, statusCode: 400, message: 'an encrypted body needs its msg_signature' };
  return { ok: true, fields: outer.value, encrypted: false };
}

/** A passive reply, encrypted and signed when the request was. */
export function sealReply(keys: CallbackKeys, xml: string, encrypted: boolean): string {
  if (!encrypted || !keys.crypto) return xml;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const encrypt = keys.crypto.encrypt(xml);
  return buildWxXml({
    Encrypt: encrypt,
    MsgSignature: wxSignature(keys.token, timestamp, nonce, encrypt),
    TimeStamp: timestamp,
    Nonce: nonce,
  });
}
