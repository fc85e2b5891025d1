import type { ArticleRef } from './card.js';
import { parseChineseNumeral } from './chinese-numeral.js';
import { LAW_ALIASES } from './law-names.js';

const ZH_ARTICLE = /第([零〇一二三四五六七八九十百千\d]+)条/g;
const EN_OF = /article\s+(\d+)\s+of\s+(?:the\s+)?((?:[a-z]+\s+){0,4}law)/g;
// \b first: unanchored, every letter of a long token started a scan of the rest of it (a
// 200,000-letter token took minutes); now only word starts do, and each looks at five words.
const EN_LAW_FIRST = /\b((?:[a-z]+\s+){0,4}law)[\s,]*(?:article|art\.?)\s*(\d+)/g;

/**
 * Articles named outright ("劳动合同法第三十条", "《劳动法》第44条", "article 30 of the labor
 * contract law"). `laws` are the short names in the index; the longest name that ends right
 * before 第 wins, so 劳动合同法 is not read as 合同法.
 */
export function findArticleRefs(normalText: string, laws: readonly string[]): ArticleRef[] {
  const names = [
    ...laws.map((law) => [law, law] as const),
    ...Object.entries(LAW_ALIASES).map(([alias, law]) => [alias, law] as const),
  ].sort((a, b) => b[0].length - a[0].length);
  const refs: ArticleRef[] = [];
  let lastLaw: string | undefined;
  for (const match of normalText.matchAll(ZH_ARTICLE)) {
    const before = normalText
      .slice(Math.max(0, (match.index ?? 0) - 30), match.index)
      .replace(/[《》〈〉\s]/g, '');
    const law =
      names.find(([name]) => before.endsWith(name))?.[1] ?? (before.length <= 1 ? lastLaw : undefined);
    const article = parseChineseNumeral(match[1] ?? '');
    if (law && article) {
      refs.push({ law, article });
      lastLaw = law;
    }
  }
  const english = (name: string) =>
    names.find(([alias]) => alias === name.trim().replace(/^the\s+/, ''))?.[1];
  for (const match of normalText.matchAll(EN_OF)) {
    const law = english(match[2] ?? '');
    if (law) refs.push({ law, article: Number(match[1]) });
  }
  for (const match of normalText.matchAll(EN_LAW_FIRST)) {
    const law = english(match[1] ?? '');
    if (law) refs.push({ law, article: Number(match[2]) });
  }
  return refs;
}

/** Statutes the question names without an article ("根据劳动法…"): their articles rank higher. */
export function findLawMentions(normalText: string, laws: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const law of laws) if (normalText.includes(law)) found.add(law);
  for (const [alias, law] of Object.entries(LAW_ALIASES)) if (normalText.includes(alias)) found.add(law);
  // 劳动合同法 contains 合同法 and 劳动法 is inside 劳动法律: keep the longest names only.
  for (const law of [...found]) {
    for (const other of found) if (other !== law && other.includes(law)) found.delete(law);
  }
  return found;
}
