import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/paths.js';
import type { ArticleRef } from '../card.js';
import { parseChineseNumeral } from '../chinese-numeral.js';
import type { EvalItem } from './evaluate.js';

// From the project root, not this module's folder: the compiled dist/ holds no data files.
export const TEAM_QUESTIONS = path.join(PROJECT_ROOT, 'src', 'knowledge', 'eval', 'team-questions.jsonl');

function lines(file: string): unknown[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/** The team's labelled questions: `{q, expect: [{law, article}]}` per line. */
export function loadTeamQuestions(file = TEAM_QUESTIONS): EvalItem[] {
  return lines(file).map((row) => {
    const { q, expect } = row as { q: string; expect: ArticleRef[] };
    return { question: q, expect };
  });
}

/** LawBench's labor subset: `{question, cited_articles: [{law, article: "第六条"}]}` per line. */
export function loadLawBench(file: string): EvalItem[] {
  return lines(file).map((row) => {
    const { question, cited_articles } = row as {
      question: string;
      cited_articles: { law: string; article: string }[];
    };
    const expect = cited_articles.flatMap(({ law, article }) => {
      const number = parseChineseNumeral(article.replace(/^第|条$/g, ''));
      return number ? [{ law: law.replace(/^中华人民共和国/, ''), article: number }] : [];
    });
    return { question, expect };
  });
}
