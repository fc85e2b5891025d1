import { articleLabel, parseChineseNumeral } from './chinese-numeral.js';
import { shortLawName } from './law-names.js';

export interface ParsedArticle {
  article: number;
  label: string;
  chapter?: string;
  text: string;
  line: number;
}

export interface ParsedStatute {
  law: string;
  lawTitle: string;
  date?: string;
  articles: ParsedArticle[];
}

export type StatuteParseResult =
  | { ok: true; value: ParsedStatute }
  | { ok: false; line: number; reason: string };

const ARTICLE = /^第([零〇一二三四五六七八九十百千\d]+)条(之[一二三四五六七八九十]+)?(?:[\s　]+|$)(.*)$/;
const CHAPTER = /^##\s+(第[零〇一二三四五六七八九十百]+章.*)$/;
const DATE_IN_NAME = /\((\d{4}-\d{2}-\d{2})\)\.md$/;

/**
 * Parse one statute in the shared Markdown format: a `# title` first line, optional metadata
 * up to `<!-- INFO END -->`, `## 第X章` headings, and one article per line starting `第X条`
 * (paragraphs after it belong to it). A broken file is reported with the line that broke it.
 */
export function parseStatute(fileName: string, content: string): StatuteParseResult {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const title = lines[0]?.match(/^#\s+(.+)$/)?.[1]?.trim();
  if (!title) return { ok: false, line: 1, reason: 'the first line must be the title: "# <statute name>"' };

  const articles: ParsedArticle[] = [];
  let current: ParsedArticle | undefined;
  let chapter: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const lineNo = i + 1;
    if (line.includes('\uFFFD')) return { ok: false, line: lineNo, reason: 'the file is not valid UTF-8' };
    if (!line || line.startsWith('<!--')) continue;
    if (line.startsWith('#')) {
      const heading = line.match(CHAPTER)?.[1];
      if (heading) chapter = heading.replace(/\s+/g, ' ');
      current = undefined;
      continue;
    }
    const match = line.match(ARTICLE);
    if (match) {
      const number = parseChineseNumeral(match[1] ?? '');
      if (number === undefined)
        return { ok: false, line: lineNo, reason: `cannot read the article number in "第${match[1]}条"` };
      if (match[2])
        return { ok: false, line: lineNo, reason: `"第${match[1]}条${match[2]}" articles are not supported` };
      const previous = articles.at(-1);
      if (previous && number <= previous.article) {
        return {
          ok: false,
          line: lineNo,
          reason: `article ${number} follows article ${previous.article} (line ${previous.line}): numbers must increase`,
        };
      }
      current = {
        article: number,
        label: articleLabel(number),
        chapter,
        text: (match[3] ?? '').trim(),
        line: lineNo,
      };
      articles.push(current);
      continue;
    }
    // A later paragraph of the same article (numbered items, second paragraphs).
    if (current) current.text = current.text ? `${current.text}\n${line}` : line;
  }
  if (!articles.length) return { ok: false, line: 1, reason: 'no articles found (lines starting "第X条")' };
  const empty = articles.find((a) => !a.text);
  if (empty) return { ok: false, line: empty.line, reason: `${empty.label} has no text` };
  return {
    ok: true,
    value: { law: shortLawName(title), lawTitle: title, date: fileName.match(DATE_IN_NAME)?.[1], articles },
  };
}
