import { confidenceBand } from '../../../knowledge/review/answer-confidence.js';
import type { ReviewInput } from '../../../knowledge/review/review-queue.js';
import type { QuestionSeen } from './question-flow.js';

/**
 * Which questions the review queue gets: the "not sure" reply, a question that went to staff for
 * want of an answer, and answers of low confidence. Returns the band for the metrics and the item
 * to queue, if any (the question is masked by the queue).
 */
export function reviewOfQuestion(seen: QuestionSeen): {
  band: ReturnType<typeof confidenceBand>;
  item?: ReviewInput;
} {
  const { ctx, outcome, escalated } = seen;
  const band = confidenceBand(outcome.retrieval, outcome.reply !== undefined, outcome.usedCard);
  if (band === 'high') return { band };
  const top = outcome.retrieval.cards[0];
  const reason = escalated ? 'handoff' : band === 'none' ? 'not-sure' : 'low-confidence';
  return {
    band,
    item: {
      reason,
      question: ctx.text,
      locale: ctx.locale,
      conversationId: ctx.conversationId,
      ...(top ? { topic: top.card.topic, cardId: top.card.id, score: top.score } : {}),
    },
  };
}
