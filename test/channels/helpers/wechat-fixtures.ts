import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Signed and encrypted WeChat callback fixtures, written from WeChat's documentation
// independently of src/channels/wechat-common (so a bug there cannot hide in both).

export function sha1Sorted(...parts: string[]): string {
  return createHash('sha1').update(parts.sort().join('')).digest('hex');
}

function keyOf(aesKey: string) {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  return { key, iv: key.subarray(0, 16) };
}

export function encrypt(aesKey: string, receiverId: string, message: string): string {
  const { key, iv } = keyOf(aesKey);
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(receiverId)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

export function decrypt(aesKey: string, encrypted: string): { message: string; receiverId: string } {
  const { key, iv } = keyOf(aesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  const body = plain.subarray(0, plain.length - (plain.at(-1) ?? 0));
  const length = body.readUInt32BE(16);
  return {
    message: body.subarray(20, 20 + length).toString(),
    receiverId: body.subarray(20 + length).toString(),
  };
}

export function xml(fields: Record<string, string | number>): string {
  return `<xml>${Object.entries(fields)
    .map(([k, v]) => (typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`))
    .join('')}</xml>`;
}

/** First value of a tag in a WeChat XML body. */
export function tag(body: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(body);
  return match ? (match[1] ?? match[2]) : undefined;
}

export interface SignedRequest {
  url: string;
  payload: string;
  headers: Record<string, string>;
}

let sequence = 0;
function stamp() {
  sequence += 1;
  return { timestamp: String(Math.floor(Date.now() / 1000)), nonce: `n${Date.now()}${sequence}` };
}

/** A plaintext-mode official-account POST. */
export function plainPost(path: string, token: string, body: string): SignedRequest {
  const { timestamp, nonce } = stamp();
  const signature = sha1Sorted(token, timestamp, nonce);
  return {
    url: `${path}?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&openid=x`,
    payload: body,
    headers: { 'content-type': 'text/xml' },
  };
}

/** A secure-mode POST: the message encrypted into <Encrypt>, signed with msg_signature. */
export function securePost(
  path: string,
  keys: { token: string; aesKey: string; receiverId: string },
  inner: string,
): SignedRequest {
  const { timestamp, nonce } = stamp();
  const encrypted = encrypt(keys.aesKey, keys.receiverId, inner);
  const msgSignature = sha1Sorted(keys.token, timestamp, nonce, encrypted);
  const signature = sha1Sorted(keys.token, timestamp, nonce);
  return {
    url: `${path}?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&encrypt_type=aes&msg_signature=${msgSignature}`,
    payload: xml({ ToUserName: keys.receiverId, Encrypt: encrypted }),
    headers: { 'content-type': 'text/xml' },
  };
}
