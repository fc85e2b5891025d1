import type { OutboundMessage } from '../../../messages/messages.js';
import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import type { Flow, FlowContext, FlowResult } from '../../flow.js';
import { INTAKE_FLOW } from '../intake/intake-flow.js';
import { aboutPay, factsOfQuestion, REPORT_FACTS } from '../intake/remembered-facts.js';

/**
 * The question flow, remembering the report in a question: "老板欠我两个月工资 在南山区 一共八千
 * 怎么办" is answered, its facts go to conversation memory, and the answer offers to file, so
 * tapping "我要反映欠薪" starts the intake with place, amount and period filled.
 */
export function keepingReportFacts(flow: Flow, cipher: FieldCipher): Flow {
  return {
    ...flow,
    async start(ctx: FlowContext): Promise<FlowResult> {
      const result = await flow.start(ctx);
      // An intake in progress keeps its own facts; this is for reports outside one.
      if (ctx.state.flow?.name === INTAKE_FLOW) return result;
      // Any question about pay may be the worker's own case: the answer offers to file it.
      if (!aboutPay(ctx.text)) return result;
      const facts = factsOfQuestion(ctx.text, ctx.state.memory, cipher, ctx.intent.facts);
      return {
        ...result,
        replies: result.replies.map((reply, i) => (i === 0 ? offeringToFile(ctx, reply) : reply)),
        ...(facts ? { memory: { ...result.memory, [REPORT_FACTS]: facts } } : {}),
      };
    },
  };
}

function offeringToFile(ctx: FlowContext, reply: OutboundMessage): OutboundMessage {
  const offer = { label: ctx.t('knowledge:quick.report.label'), text: ctx.t('knowledge:quick.report.text') };
  const others = reply.quickReplies ?? [];
  if (others.some((quick) => quick.text === offer.text)) return reply;
  return { ...reply, quickReplies: [offer, ...others] };
}
