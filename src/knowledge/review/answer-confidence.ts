import type { Retrieval } from '../knowledge-base.js';

export type ConfidenceBand = 'high' | 'low' | 'none';

/**
 * Best-card score from which an answer is trusted without review: the bar free text must clear
 * to be answered at all (answer-question.ts), so an answer below it was a near thing.
 */
export const HIGH_CONFIDENCE_SCORE = 14;

/**
 * How sure an answer was: none (the "not sure" reply), low (a card that only just fit, or
 * articles without a card), high (a card well above the bar, or an article named outright).
 */
export function confidenceBand(retrieval: Retrieval, answered: boolean, usedCard: boolean): ConfidenceBand {
  if (!answered) return 'none';
  if (retrieval.direct.length) return 'high';
  const score = retrieval.cards[0]?.score ?? 0;
  return usedCard && score >= HIGH_CONFIDENCE_SCORE ? 'high' : 'low';
}
