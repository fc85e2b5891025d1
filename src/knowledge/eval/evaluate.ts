import type { ArticleRef } from '../card.js';
import type { KnowledgeBase, SearchOptions } from '../knowledge-base.js';

export interface EvalItem {
  question: string;
  /** Any of these in the ranked citations counts as a hit. */
  expect: ArticleRef[];
}

export interface EvalScore {
  questions: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Questions whose expected articles are not in the index at all (counted as misses). */
  unanswerable: number;
}

const key = (ref: ArticleRef) => `${ref.law}#${ref.article}`;

/** hit@1, hit@3 and MRR (over the first 10) of the citations retrieval ranks for each question. */
export function evaluate(
  base: KnowledgeBase,
  items: readonly EvalItem[],
  options: SearchOptions = {},
): EvalScore {
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let unanswerable = 0;
  for (const item of items) {
    const wanted = new Set(item.expect.map(key));
    if (!item.expect.some((ref) => base.article(ref))) unanswerable += 1;
    const ranked = base.search(item.question, { ...options, limit: 10 }).citations.slice(0, 10);
    const rank = ranked.findIndex((ref) => wanted.has(key(ref)));
    if (rank === 0) hit1 += 1;
    if (rank >= 0 && rank < 3) hit3 += 1;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  const n = Math.max(1, items.length);
  return { questions: items.length, hitAt1: hit1 / n, hitAt3: hit3 / n, mrr: reciprocal / n, unanswerable };
}
