import { randomBytes } from 'node:crypto';
import { signatureMatches, type WxCrypto, wxSignature } from './wx-crypto.js';
import { buildWxXml, parseWxXml } from './wx-xml.js';

// Opening and sealing WeChat callback bodies: plaintext mode (signature over token, timestamp,
// nonce) and secure mode (msg_signature also over the Encrypt field, body AES-encrypted).

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

export function openCallback(
  keys: CallbackKeys,
  query: CallbackQuery,
  body: string,
  requireEncrypted = false,
): Opened {
  const { timestamp = '', nonce = '' } = query;
  const outer = parseWxXml(body);
  if (!outer.ok) return { ok: false, statusCode: 400, message: outer.reason };
  const encrypt = outer.value.Encrypt;

  if (encrypt === undefined) {
    if (requireEncrypted)
      return { ok: false, statusCode: 400, message: 'expected an encrypted (secure mode) body' };
    if (!signatureMatches(wxSignature(keys.token, timestamp, nonce), query.signature)) {
      return { ok: false, statusCode: 401, message: 'signature does not match' };
    }
    return { ok: true, fields: outer.value, encrypted: false };
  }

  if (!keys.crypto)
    return { ok: false, statusCode: 400, message: 'secure mode needs the EncodingAESKey configured' };
  if (!signatureMatches(wxSignature(keys.token, timestamp, nonce, encrypt), query.msg_signature)) {
    return { ok: false, statusCode: 401, message: 'msg_signature does not match' };
  }
  const plain = keys.crypto.decrypt(encrypt);
  if (!plain.ok) return { ok: false, statusCode: 400, message: plain.reason };
  const inner = parseWxXml(plain.value);
  if (!inner.ok) return { ok: false, statusCode: 400, message: inner.reason };
  return { ok: true, fields: inner.value, encrypted: true };
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
