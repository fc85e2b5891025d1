import type { ArticleRef } from './card.js';
import { parseChineseNumeral } from './chinese-numeral.js';
import { foldCitationSpelling } from './citation-spelling.js';
import { LAW_ALIASES, shortLawName } from './law-names.js';

export interface CitedSpan {
  ref: ArticleRef;
  /** Where the citation ends in the text (to flag it in place). */
  end: number;
}

// 《劳动合同法》第三十条, 《中华人民共和国劳动法》第44条, 《劳动法》44条, 劳动合同法第82条,
// 劳动法 第82条, 劳动法82条 (read after foldCitationSpelling: ASCII digits, simplified 条).
// A bare name without 第 needs Arabic digits: 劳动法三条 is "three articles", not a citation.
const CITATION =
  /《([^》]{2,40})》\s*第?\s*([零〇一二三四五六七八九十百千\d]+)\s*条|([\u4e00-\u9fff]{2,16}?(?:法|条例|规定|办法))\s*(?:第\s*([零〇一二三四五六七八九十百千\d]+)|(\d+))\s*条/g;

/** The statute a written name means: 《中华人民共和国劳动法》, 社保法, or "根据劳动合同法" (the tail). */
function resolveLaw(name: string, knownLaws: readonly string[]): string {
  const short = shortLawName(name);
  if (LAW_ALIASES[short]) return LAW_ALIASES[short];
  const names = [...knownLaws, ...Object.keys(LAW_ALIASES)].sort((a, b) => b.length - a.length);
  const tail = names.find((known) => short.endsWith(known));
  return tail ? (LAW_ALIASES[tail] ?? tail) : short;
}

// "Article 30 of the Labor Contract Law", for English answers that ignore the format asked for.
const ENGLISH_CITATION = /article\s+(\d+)\s+of\s+(?:the\s+)?((?:[a-z]+\s+){0,4}law)/gi;

/** Every article the text cites, with its statute's short name. */
export function findCitations(text: string, knownLaws: readonly string[] = []): CitedSpan[] {
  const spans: CitedSpan[] = [];
  for (const match of text.matchAll(ENGLISH_CITATION)) {
    const law = LAW_ALIASES[(match[2] ?? '').toLowerCase().replace(/\s+/g, ' ').trim()];
    const article = Number(match[1]);
    if (law && article) spans.push({ ref: { law, article }, end: (match.index ?? 0) + match[0].length });
  }
  // Offsets in the folded text are offsets in the original: the flag lands where it was written.
  for (const match of foldCitationSpelling(text).matchAll(CITATION)) {
    const name = (match[1] ?? match[3] ?? '').trim();
    const article = parseChineseNumeral(match[2] ?? match[4] ?? match[5] ?? '');
    if (!name || !article) continue;
    spans.push({
      ref: { law: resolveLaw(name, knownLaws), article },
      end: (match.index ?? 0) + match[0].length,
    });
  }
  return spans;
}

export interface GroundedText {
  text: string;
  grounded: ArticleRef[];
  ungrounded: ArticleRef[];
}

/**
 * Keep the citations that come from the retrieved context; flag the rest in the text (the model
 * invented or misremembered them) and leave them out of the reply's citations.
 */
export function checkGrounding(
  text: string,
  allowed: readonly ArticleRef[],
  flag: string,
  knownLaws: readonly string[] = [],
): GroundedText {
  const allowedKeys = new Set(allowed.map((ref) => `${ref.law}#${ref.article}`));
  const grounded: ArticleRef[] = [];
  const ungrounded: ArticleRef[] = [];
  const seen = new Set<string>();
  let out = '';
  let cursor = 0;
  for (const span of findCitations(text, [...knownLaws, ...allowed.map((ref) => ref.law)])) {
    const key = `${span.ref.law}#${span.ref.article}`;
    if (allowedKeys.has(key)) {
      if (!seen.has(key)) grounded.push(span.ref);
      seen.add(key);
      continue;
    }
    ungrounded.push(span.ref);
    out += `${text.slice(cursor, span.end)}${flag}`;
    cursor = span.end;
  }
  out += text.slice(cursor);
  return { text: out, grounded, ungrounded };
}
