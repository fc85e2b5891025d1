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

// Written apart from the cards' asks, by someone who did not see them, in the ways workers write
// (typos, no subject, dialect, English without capitals): what eval:qa measures, never tuned on.
export const HELD_OUT_QUESTIONS = path.join(
  PROJECT_ROOT,
  'src',
  'knowledge',
  'eval',
  'held-out-questions.jsonl',
);

export interface HeldOutItem extends EvalItem {
  lang: 'zh' | 'en';
  topic: string;
}

/** The held-out test split: `{q, lang, topic, expect: [{law, article}]}` per line. */
export function loadHeldOutQuestions(file = HELD_OUT_QUESTIONS): HeldOutItem[] {
  return lines(file).map((row) => {
    const { q, lang, topic, expect } = row as {
      q: string;
      lang: 'zh' | 'en';
      topic: string;
      expect: ArticleRef[];
    };
    return { question: q, lang, topic, expect };
  });
}

// Written for developing retrieval, apart from the cards' asks (no question equals an ask) and
// without sight of the held-out split: what retrieval changes are tuned on, with the team set.
export const DEV_QUESTIONS = path.join(PROJECT_ROOT, 'src', 'knowledge', 'eval', 'dev-questions.jsonl');

/** The development split, same format as the held-out one. */
export function loadDevQuestions(file = DEV_QUESTIONS): HeldOutItem[] {
  return loadHeldOutQuestions(file);
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
