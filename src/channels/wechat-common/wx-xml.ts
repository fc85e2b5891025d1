import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isWellFormedDeep } from '../../platform/http/well-formed-text.js';
import type { Result } from '../../platform/result.js';

// WeChat callback bodies are small XML (`<xml><Tag><![CDATA[…]]></Tag>…</xml>`, a few levels
// deep at most: SendPicsInfo › PicList › item). Read with fast-xml-parser, a maintained parser,
// held to limits a real message is far below: size, nesting, no DTD (so no entity of ours to
// expand), only after the sender is proven (callback-envelope.ts).

export type XmlResult = Result<Record<string, string>>;

/** Far above any WeChat message (a text is at most 2,048 bytes). */
export const WX_XML_MAX_BYTES = 64 * 1024;
/** A callback's body: the XML, or in secure mode its base64 ciphertext in an envelope. */
export const WX_BODY_MAX_BYTES = 2 * WX_XML_MAX_BYTES;
/** <xml> and four levels under it. */
const MAX_DEPTH = 6;

const parser = new XMLParser({
  ignoreAttributes: true,
  // Ids such as MsgId are 64-bit: keep every value as the text it was.
  parseTagValue: false,
  trimValues: true,
  maxNestedTags: MAX_DEPTH,
  // The five predefined entities only: a DTD, the one place to define more, is refused first.
  processEntities: true,
  htmlEntities: false,
});

/** Leaf elements by name; nested containers are flattened (WeChat's names do not collide). */
export function parseWxXml(body: string): XmlResult {
  if (body.length > WX_XML_MAX_BYTES) return { ok: false, reason: 'body is larger than a WeChat message' };
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) return { ok: false, reason: 'DTDs are not accepted' };
  if (XMLValidator.validate(body) !== true) return { ok: false, reason: 'body is not well-formed XML' };
  let document: unknown;
  try {
    document = parser.parse(body);
  } catch {
    return { ok: false, reason: 'body is nested deeper than a WeChat message' };
  }
  const root = (document as { xml?: unknown } | undefined)?.xml;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return { ok: false, reason: 'body is not a WeChat <xml> message' };
  }
  const fields: Record<string, string> = {};
  flatten(root as Record<string, unknown>, fields);
  // Belt and braces: text that reached a field as a lone surrogate is refused like JSON's.
  if (!isWellFormedDeep(fields)) return { ok: false, reason: 'body is not well-formed Unicode' };
  return { ok: true, value: fields };
}

function flatten(node: Record<string, unknown>, into: Record<string, string>): void {
  for (const [name, value] of Object.entries(node)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && typeof item === 'object') flatten(item as Record<string, unknown>, into);
      else into[name] = String(item ?? '');
    }
  }
}

/** Strings go in CDATA (a "]]>" inside is split across two sections); numbers stay bare. */
export function buildWxXml(fields: Record<string, string | number>): string {
  const parts = Object.entries(fields).map(([name, value]) =>
    typeof value === 'number'
      ? `<${name}>${value}</${name}>`
      : `<${name}><![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`,
  );
  return `<xml>${parts.join('')}</xml>`;
}
