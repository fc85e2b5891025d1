import type { Result } from '../../platform/result.js';
// WeChat callback bodies are flat XML (`<xml><Tag><![CDATA[…]]></Tag>…</xml>`). A tiny reader
// and writer for exactly that shape: no DTDs or entities beyond the five predefined ones, so
// there is nothing for an XXE payload to expand.

export type XmlResult = Result<Record<string, string>>;

const ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?<xml>([\s\S]*)<\/xml>\s*$/;
const ELEMENT = /<([A-Za-z_][\w.-]*)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Leaf elements by name; nested containers are flattened (WeChat's names do not collide). */
export function parseWxXml(body: string): XmlResult {
  const root = ROOT.exec(body);
  if (!root?.[1]) return { ok: false, reason: 'body is not a WeChat <xml> message' };
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) return { ok: false, reason: 'DTDs are not accepted' };
  const fields: Record<string, string> = {};
  for (const match of root[1].matchAll(ELEMENT)) {
    const [, name, cdata, text] = match;
    if (!name) continue;
    fields[name] =
      cdata ?? (text ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');
  }
  return { ok: true, value: fields };
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
