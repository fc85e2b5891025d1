import { staticText } from '../../../platform/i18n/static-text.js';
import type { FlowGuard } from '../../flow-registry.js';
import { LAST_ANSWER, type LastAnswer, readLastAnswer } from './last-answer.js';

export interface FeedbackDeps {
  /** 有用 (yes) or 没用 (no) on the last answer of this conversation. */
  onFeedback: (
    verdict: 'yes' | 'no',
    answer: LastAnswer,
    conversationId: string,
    locale: string,
  ) => Promise<void> | void;
}

/**
 * The worker's 有用 / 没用 after an answer (a button on the web chat, a quick reply elsewhere):
 * counted, 没用 sent to the review queue, and thanked, instead of being read as a question.
 * Once per answer: the tap clears it, so the same word again is just text.
 */
export function createFeedbackGuard(deps: FeedbackDeps): FlowGuard {
  return async (ctx) => {
    if (ctx.mode !== 'bot' || !ctx.text) return undefined;
    const said = ctx.text.toLowerCase();
    const verdict =
      said === staticText(ctx.t, 'knowledge:feedback.yes.text').toLowerCase()
        ? 'yes'
        : said === staticText(ctx.t, 'knowledge:feedback.no.text').toLowerCase()
          ? 'no'
          : undefined;
    const answer = readLastAnswer(ctx.state.memory);
    if (!verdict || !answer) return undefined;
    await deps.onFeedback(verdict, answer, ctx.conversationId, ctx.locale);
    return {
      replies: [
        {
          type: 'text',
          text: ctx.t(verdict === 'yes' ? 'knowledge:feedback.thanksYes' : 'knowledge:feedback.thanksNo'),
        },
      ],
      memory: { [LAST_ANSWER]: undefined },
    };
  };
}
