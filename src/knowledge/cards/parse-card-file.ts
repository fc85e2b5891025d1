import type { ArticleRef, Card, CardText } from '../card.js';
import { parseChineseNumeral } from '../chinese-numeral.js';
import { type FrontMatterValue, parseFrontMatter } from './front-matter.js';
import { parseCardBody } from './parse-card-body.js';

export type CardFileResult = { ok: true; card: Card } | { ok: false; problems: string[] };

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KNOWN_FIELDS = new Set(['id', 'topic', 'cite', 'offerReport', 'reviewed', 'author', 'asks', 'asksEn']);
// "劳动合同法 30", "劳动争议司法解释（一） 44", or with the article in words: "劳动法 第四十四条".
const CITE = /^(\S.*?)\s+(?:第\s*)?([零〇一二三四五六七八九十百千\d]+)\s*条?$/;

/** Hard limits on a lead: Chinese characters, and English (a Latin letter is about half as wide). */
export const LEAD_MAX = { zh: 140, en: 280 } as const;

function text(fields: Record<string, FrontMatterValue>, key: string, problems: string[]): string {
  const value = fields[key];
  if (typeof value === 'string' && value) return value;
  problems.push(`${key}: ${value === undefined ? 'missing' : 'must be one line of text'}`);
  return '';
}

function list(
  fields: Record<string, FrontMatterValue>,
  key: string,
  problems: string[],
): string[] | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => !item)) {
    problems.push(`${key}: must be a list of non-empty items`);
    return undefined;
  }
  return value;
}

function citations(items: string[] | undefined, problems: string[]): ArticleRef[] {
  if (!items?.length) {
    problems.push('cite: missing (at least one "law article", e.g. [劳动合同法 30])');
    return [];
  }
  return items.flatMap((item) => {
    const match = CITE.exec(item);
    const article = parseChineseNumeral(match?.[2] ?? '');
    if (!match || !article) {
      problems.push(`cite: "${item}" is not "law article" (e.g. 劳动合同法 30)`);
      return [];
    }
    return [{ law: (match[1] ?? '').trim(), article }];
  });
}

function checkLead(text: CardText | undefined, language: 'zh' | 'en', problems: string[]): void {
  if (text && text.lead.length > LEAD_MAX[language])
    problems.push(
      `## ${language}: the lead is ${text.lead.length} characters, at most ${LEAD_MAX[language]} (move the rest under ### more)`,
    );
}

/**
 * One card from its Markdown file, or every problem found in it, each naming the field. Does not
 * check citations against the statutes (check-card-citations.ts does, over all cards at once).
 */
export function parseCardFile(source: string, fileName: string): CardFileResult {
  const front = parseFrontMatter(source);
  if (!front.ok) return front;
  const { fields } = front;
  const problems: string[] = [];
  for (const key of Object.keys(fields)) if (!KNOWN_FIELDS.has(key)) problems.push(`${key}: unknown field`);

  const id = text(fields, 'id', problems);
  if (id && !KEBAB.test(id)) problems.push(`id: "${id}" must be lower-case words joined by -`);
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  if (id && base !== id) problems.push(`id: "${id}" differs from the file name "${base}.md"`);
  const topic = text(fields, 'topic', problems);
  if (topic && !KEBAB.test(topic)) problems.push(`topic: "${topic}" must be lower-case words joined by -`);
  const reviewed = text(fields, 'reviewed', problems);
  if (reviewed && (!DATE.test(reviewed) || Number.isNaN(Date.parse(reviewed))))
    problems.push(`reviewed: "${reviewed}" is not a date YYYY-MM-DD`);
  const author = text(fields, 'author', problems);
  const offerReport = fields.offerReport;
  if (offerReport !== undefined && typeof offerReport !== 'boolean')
    problems.push('offerReport: must be true or false');
  const ask = list(fields, 'asks', problems);
  if (!ask?.length) problems.push('asks: missing (how workers put the question, one "  - item" a line)');
  const askEn = list(fields, 'asksEn', problems);
  const cite = citations(list(fields, 'cite', problems), problems);

  const body = parseCardBody(front.body, front.bodyLine);
  problems.push(...body.problems);
  checkLead(body.zh, 'zh', problems);
  checkLead(body.en, 'en', problems);

  if (problems.length || !body.zh) return { ok: false, problems };
  const card: Card = { id, topic, ask: ask ?? [], zh: body.zh, cite, reviewed, author };
  if (askEn?.length) card.askEn = askEn;
  if (body.en) card.en = body.en;
  if (offerReport === true) card.offerReport = true;
  return { ok: true, card };
}
