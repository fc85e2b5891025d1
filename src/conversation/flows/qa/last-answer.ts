import { maskPersonalData } from '../../../platform/privacy/mask-personal-data.js';
import type { FlowContext } from '../../flow.js';
import type { AnswerOutcome } from './answer-question.js';

/** Conversation memory key: the answer a 有用 / 没用 tap is about. */
export const LAST_ANSWER = 'lastAnswer';

/** Only what the review queue needs; the question already masked, as the queue stores it. */
export interface LastAnswer {
  question: string;
  cardId?: string;
  topic?: string;
  score: number;
}

export function lastAnswerOf(ctx: FlowContext, outcome: AnswerOutcome): LastAnswer {
  const top = outcome.retrieval.cards[0];
  const fits = outcome.usedCard && top;
  return {
    question: maskPersonalData(ctx.text).slice(0, 300),
    ...(fits ? { cardId: top.card.id, topic: top.card.topic } : {}),
    score: top?.score ?? 0,
  };
}

/** Memory is JSON from the database: read back only what has the right shape. */
export function readLastAnswer(memory: Readonly<Record<string, unknown>>): LastAnswer | undefined {
  const value = memory[LAST_ANSWER] as Partial<LastAnswer> | undefined;
  if (!value || typeof value.question !== 'string' || !value.question) return undefined;
  return {
    question: value.question,
    ...(typeof value.cardId === 'string' ? { cardId: value.cardId } : {}),
    ...(typeof value.topic === 'string' ? { topic: value.topic } : {}),
    score: typeof value.score === 'number' ? value.score : 0,
  };
}
