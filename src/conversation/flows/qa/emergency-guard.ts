import type { KnowledgeService } from '../../../knowledge/knowledge-service.js';
import type { OutboundMessage } from '../../../messages/messages.js';
import type { FlowContext, FlowResult } from '../../flow.js';
import { mentionsHarm, signalsSelfHarm } from '../../understanding/danger.js';
import { answerQuestion } from './answer-question.js';

/**
 * Runs before any flow: someone in danger now (the model's `danger`, or any words of self-harm)
 * gets 110/120 first and goes to staff at top priority, whatever else the message says. The
 * offline answer follows the numbers when it is also a question (no LLM: this reply must not
 * wait). A past injury asked about ("上个月被车撞了 算工伤吗") is a question, answered by the
 * question flow with the offer of a person, not an alarm.
 */
export function createEmergencyGuard(knowledge: KnowledgeService) {
  return async function emergencyGuard(ctx: FlowContext): Promise<FlowResult | undefined> {
    if (!ctx.text || !inDangerNow(ctx)) return undefined;
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

/**
 * Any words of self-harm; the model's `danger` where the message speaks of harm or the model is
 * sure (a short "我在望京" is no emergency); words of harm the model did not read as a question
 * about the law with confidence (when it is unsure, the alarm is the safer side).
 */
function inDangerNow(ctx: FlowContext): boolean {
  if (signalsSelfHarm(ctx.text)) return true;
  const harm = mentionsHarm(ctx.text);
  if (ctx.intent.name === 'danger') return harm || ctx.intent.score >= SURE_OF_DANGER;
  const askedAbout = ctx.intent.name === 'question' && ctx.intent.score >= SURE_IT_IS_A_QUESTION;
  return harm && !askedAbout;
}

const SURE_OF_DANGER = 0.8;
/** Words of harm in a question are taken as a past injury asked about only from this probability. */
const SURE_IT_IS_A_QUESTION = 0.9;
