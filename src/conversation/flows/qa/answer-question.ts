import type { KnowledgeBase, Retrieval } from '../../../knowledge/knowledge-base.js';
import { llmAnswer } from '../../../knowledge/llm-answer.js';
import { offlineAnswer } from '../../../knowledge/offline-answer.js';
import type { OutboundMessage } from '../../../messages/messages.js';
import type { Translate } from '../../../platform/i18n/create-i18n.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { Llm } from '../../../platform/llm/llm-plugin.js';
import type { ReplyDelta } from '../../flow.js';

/**
 * BM25 score of the best card below which it is not trusted as the answer. Measured on the team
 * set and on off-topic chatter ("今天天气怎么样" scores ~7.6, real questions mostly 9–50).
 */
export const CARD_MIN_SCORE = 8;
/** Free text that was not recognised as a question must clear a higher bar to be answered. */
export const UNPROMPTED_MIN_SCORE = 14;

export interface AnswerInput {
  question: string;
  base: KnowledgeBase;
  llm?: Llm;
  locale: Locale;
  t: Translate;
  /** The router did not see a question: answer only when retrieval is sure. */
  unprompted?: boolean;
  onDelta?: (delta: ReplyDelta) => void;
}

export interface AnswerOutcome {
  reply?: OutboundMessage;
  retrieval: Retrieval;
  source: 'llm' | 'offline' | 'none';
  /** Whether the best card was trusted as the answer (else articles, or nothing). */
  usedCard: boolean;
}

/**
 * Words that say who is asking or where, not what about: a card matched on these alone
 * ("外卖平台哪家便宜" → the riders' injury card) is a coincidence, not an answer.
 */
const TOPIC_ONLY = new Set(
  '外卖 骑手 外卖员 送餐 快递 快递员 司机 网约车 平台 公司 老板 单位 工厂 工地 上班 工作 打工 劳动 劳动法 劳动者 员工 工人 职工 法律 规定 合法 违法 问题 rider delivery platform company boss work job law legal'.split(
    ' ',
  ),
);

/** Whether the best card may answer: strong enough, on topic, and about the article named, if one was. */
function cardFits(retrieval: Retrieval, minScore: number): boolean {
  const top = retrieval.cards[0];
  if (!top || top.score < minScore) return false;
  if (!top.matchedWords.some((word) => !TOPIC_ONLY.has(word))) return false;
  if (!retrieval.direct.length) return true;
  return top.card.cite.some((ref) =>
    retrieval.direct.some((d) => d.law === ref.law && d.article === ref.article),
  );
}

/** Retrieval, then the LLM when there is one (streamed), else or on any failure the offline answer. */
export async function answerQuestion(input: AnswerInput): Promise<AnswerOutcome> {
  const retrieval = input.base.search(input.question);
  const useCard = cardFits(retrieval, input.unprompted ? UNPROMPTED_MIN_SCORE : CARD_MIN_SCORE);
  if (!useCard && !retrieval.direct.length) return { retrieval, source: 'none', usedCard: false };

  if (input.llm) {
    const reply = await llmAnswer({ ...input, llm: input.llm, retrieval, useCard });
    if (reply) return { reply, retrieval, source: 'llm', usedCard: useCard };
  }
  const reply = offlineAnswer(retrieval, input.base, input.locale, input.t, useCard);
  return { reply, retrieval, source: reply ? 'offline' : 'none', usedCard: useCard };
}
