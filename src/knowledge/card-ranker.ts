// Which card answers: a linear ranker over a few signals that each see the question differently
// (the whole card, its best single ask, the statute text of what it cites, words in common, and
// the card classifier's probability: card-classifier/).
// Its weights are learned from the cards' own asks, each ask held out of the index it is asked
// of (npm run kb:train-ranker), so no evaluation question ever tunes it.

import weightData from './card-ranker-weights.json' with { type: 'json' };

/** What retrieval knows about one candidate card for one question. */
export interface CardSignals {
  /** BM25 of the question against the whole card (asks twice, answer text once). */
  card: number;
  /** Share of the question's idf mass the card matched. */
  cardCoverage: number;
  /** BM25 of the question against the card's best-matching single ask. */
  ask: number;
  /** Share of the question's idf mass that ask matched. */
  askCoverage: number;
  /** The best statute-side score (0–1, relative to the best article) among the card's citations. */
  citedArticle: number;
  /** The same for the card's first citation, the one its answer leads with. */
  firstArticle: number;
  /** Share of the question's own words (not bigrams) found in the card. */
  words: number;
  /** The card classifier's probability of the card (0 when the classifier is not used). */
  probability: number;
}

export const FEATURES = [
  'card',
  'ask',
  'cardCoverage',
  'askCoverage',
  'citedArticle',
  'firstArticle',
  'words',
  'cardTop',
  'askTop',
  'logCard',
  'logAsk',
  'prob',
  'probShare',
  'probTop',
  'logProb',
] as const;

export type Weights = Record<(typeof FEATURES)[number], number>;

const stored = weightData as { weights: Weights; bm25Only: Weights };
/** With the card classifier's features (every candidate known to the classifier). */
export const RANKER_WEIGHTS: Weights = stored.weights;
/** BM25's signals only: for a question whose candidates include a card the classifier does not know. */
export const BM25_RANKER_WEIGHTS: Weights = stored.bm25Only;

/**
 * Features of every candidate, relative to the best candidate where a score's scale depends on
 * the question (a long question scores higher against every card).
 */
export function featureRows(candidates: readonly CardSignals[]): number[][] {
  const bestCard = Math.max(1e-9, ...candidates.map((c) => c.card));
  const bestAsk = Math.max(1e-9, ...candidates.map((c) => c.ask));
  const bestProbability = Math.max(1e-9, ...candidates.map((c) => c.probability));
  return candidates.map((c) => [
    c.card / bestCard,
    c.ask / bestAsk,
    c.cardCoverage,
    c.askCoverage,
    c.citedArticle,
    c.firstArticle,
    c.words,
    c.card === bestCard ? 1 : 0,
    c.ask === bestAsk ? 1 : 0,
    Math.log1p(c.card) / 4,
    Math.log1p(c.ask) / 4,
    c.probability,
    c.probability / bestProbability,
    c.probability === bestProbability ? 1 : 0,
    // ln p from 1e-6 (0) to 1 (1): the classifier's confidence where the probability is small.
    c.probability > 0 ? Math.max(0, 1 + Math.log(c.probability) / 13.8) : 0,
  ]);
}

export function rankScore(row: readonly number[], weights: Weights = RANKER_WEIGHTS): number {
  let score = 0;
  FEATURES.forEach((name, i) => {
    score += weights[name] * (row[i] ?? 0);
  });
  return score;
}
