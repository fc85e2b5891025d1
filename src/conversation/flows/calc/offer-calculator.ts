import type { OutboundMessage } from '../../../messages/messages.js';
import type { Flow, FlowContext, FlowResult } from '../../flow.js';
import { aboutPay } from '../intake/remembered-facts.js';

/** Questions whose answer a sum can follow: pay, overtime, a contract not signed, a dismissal. */
const ABOUT_A_SUM =
  /加班|辞退|开除|解雇|裁员|被炒|补偿|N\+1|二倍|双倍|没签|合同|\b(?:overtime|dismiss\w*|fired|laid off|severance|compensation|contract)\b/i;
const TOPICS = new Set(['wages', 'hours', 'contract', 'dismissal']);

/**
 * The knowledge flow, offering "算一算我能拿多少" under a wage or dismissal answer: the worker who
 * just read what the law says can see what it comes to for them in one tap.
 */
export function offeringCalculator(flow: Flow): Flow {
  return {
    ...flow,
    async start(ctx: FlowContext): Promise<FlowResult> {
      const result = await flow.start(ctx);
      const about = aboutPay(ctx.text) || ABOUT_A_SUM.test(ctx.text) || TOPICS.has(ctx.intent.topic ?? '');
      if (!about) return result;
      return {
        ...result,
        replies: result.replies.map((reply, i) => (i === 0 ? offering(ctx, reply) : reply)),
      };
    },
  };
}

function offering(ctx: FlowContext, reply: OutboundMessage): OutboundMessage {
  // Only under an answer: "didn't understand" and the menu are no place for a sum.
  if (reply.type !== 'answer' && !reply.citations?.length) return reply;
  const offer = { label: ctx.t('calc:offer.label'), text: ctx.t('calc:offer.text') };
  const others = reply.quickReplies ?? [];
  if (others.some((quick) => quick.text === offer.text)) return reply;
  return { ...reply, quickReplies: [...others.slice(0, 1), offer, ...others.slice(1)] };
}
