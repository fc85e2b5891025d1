import fs from 'node:fs';
import path from 'node:path';
import type { Article } from './card.js';
import { parseStatute } from './statute-parser.js';

/** Parse a statute directory straight into articles (for the eval and the benchmark; no database). */
export function readStatuteDir(dir: string): Article[] {
  const articles: Article[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()) {
    const parsed = parseStatute(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    if (!parsed.ok) continue;
    for (const a of parsed.value.articles) {
      articles.push({
        law: parsed.value.law,
        lawTitle: parsed.value.lawTitle,
        article: a.article,
        label: a.label,
        chapter: a.chapter,
        text: a.text,
      });
    }
  }
  return articles;
}
