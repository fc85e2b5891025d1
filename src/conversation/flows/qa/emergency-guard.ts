import type { KnowledgeService } from '../../../knowledge/knowledge-service.js';
import type { OutboundMessage } from '../../../messages/messages.js';
import type { FlowContext, FlowResult } from '../../flow.js';
import { signalsDanger } from '../../understanding/danger.js';
import { answerQuestion } from './answer-question.js';

/**
 * Runs before any flow: a message that signals danger gets 110/120 first and goes to staff at
 * top priority, whatever else it says. When it is also a question ("送餐被车撞了算工伤吗"), the
 * offline answer follows the emergency numbers (no LLM: this reply must not wait).
 */
export function createEmergencyGuard(knowledge: KnowledgeService) {
  return async function emergencyGuard(ctx: FlowContext): Promise<FlowResult | undefined> {
    if (!ctx.text || !signalsDanger(ctx.text)) return undefined;
    const replies: OutboundMessage[] = [
      {
        type: 'text',
        text: ctx.t('knowledge:emergency.text'),
        quickReplies: [
          { label: ctx.t('knowledge:quick.human.label'), text: ctx.t('knowledge:quick.human.text') },
        ],
      },
    ];
    const { reply } = await answerQuestion({
      question: ctx.text,
      base: knowledge.base,
      locale: ctx.locale,
      t: ctx.t,
    });
    if (reply) replies.push(reply);
    return {
      replies,
      mode: 'waiting',
      effects: [{ type: 'escalate', reason: 'emergency', priority: 'urgent' }],
    };
  };
}
