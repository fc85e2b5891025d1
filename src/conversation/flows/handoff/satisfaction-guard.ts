import type { Satisfaction } from '../../../helpdesk/satisfaction.js';
import type { FlowGuard } from '../../flow-registry.js';

/**
 * The worker's tap on 满意 / 一般 / 不满意 after a closed chat: recorded and thanked, instead of
 * being read as a new question. Any other text (or the same word with no question waiting) goes
 * on to the bot as usual.
 */
export function createSatisfactionGuard(satisfaction: Satisfaction): FlowGuard {
  return async (ctx) => {
    if (ctx.mode !== 'bot' || !ctx.text || !satisfaction.ratingOf(ctx.text)) return undefined;
    if (!(await satisfaction.answer(ctx.conversationId, ctx.text))) return undefined;
    return { replies: [{ type: 'text', text: ctx.t('staff:satisfaction.thanks') }] };
  };
}
