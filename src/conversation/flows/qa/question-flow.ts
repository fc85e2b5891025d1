import type { KnowledgeService } from '../../../knowledge/knowledge-service.js';
import type { OutboundMessage } from '../../../messages/messages.js';
import type { Llm } from '../../../platform/llm/llm-plugin.js';
import type { Flow, FlowContext, FlowResult } from '../../flow.js';
import { mentionsHarm } from '../../understanding/danger.js';
import { menuReply } from '../menu/menu-flow.js';
import { type AnswerOutcome, answerQuestion } from './answer-question.js';
import { LAST_ANSWER, lastAnswerOf } from './last-answer.js';

/** Conversation memory key: questions in a row the knowledge base could not answer. */
const MISSES = 'knowledgeMisses';

/** One question the flow took on, as the review queue and the metrics see it. */
export interface QuestionSeen {
  ctx: FlowContext;
  outcome: AnswerOutcome;
  /** The worker was handed to staff because of it. */
  escalated: boolean;
}
const MISSES_BEFORE_STAFF = 2;

export interface QuestionFlowDeps {
  knowledge: KnowledgeService;
  llm: () => Llm | undefined;
  /** Called with where each answer came from (for metrics). */
  onAnswer?: (source: 'llm' | 'offline' | 'none', intent: string) => void;
  /** Every question asked (not free text left unanswered): confidence, review queue. */
  onQuestion?: (seen: QuestionSeen) => Promise<void> | void;
}

/**
 * Labor-law questions. Also tries free text the router did not recognise, answering only when
 * retrieval is sure; otherwise the usual "didn't understand" menu. Single turn: it never holds
 * the conversation, so an intake the user was in stays parked.
 */
export function createQuestionFlow(deps: QuestionFlowDeps): Flow {
  return {
    name: 'knowledge',
    intents: ['question', 'unknown'],
    async start(ctx: FlowContext): Promise<FlowResult> {
      const unprompted = ctx.intent.name !== 'question';
      if (!ctx.text) return { replies: [menuReply(ctx.t, ctx.t('fallback.notUnderstood'))] };
      // The menu's "ask a question" button: invite the question rather than guess one.
      if (!unprompted && ctx.text === ctx.t('menu.ask.text')) {
        return { replies: [{ type: 'text', text: ctx.t('knowledge:ask.prompt') }] };
      }
      const outcome = await answerQuestion({
        question: ctx.text,
        base: deps.knowledge.base,
        llm: deps.llm(),
        locale: ctx.locale,
        t: ctx.t,
        unprompted,
        onDelta: ctx.onDelta,
      });
      deps.onAnswer?.(outcome.source, ctx.intent.name);
      if (outcome.reply) {
        // Someone hurt or threatened, asking what the law says: the answer, and a person if they want one.
        const reply = mentionsHarm(ctx.text) ? withPersonOffer(ctx, outcome.reply) : outcome.reply;
        await deps.onQuestion?.({ ctx, outcome, escalated: false });
        // What a later 没用 refers to.
        return {
          replies: [reply],
          memory: { [MISSES]: undefined, [LAST_ANSWER]: lastAnswerOf(ctx, outcome) },
        };
      }
      if (unprompted) return { replies: [menuReply(ctx.t, ctx.t('fallback.notUnderstood'))] };
      // Two questions in a row without a grounded answer: a person should take it from here.
      const misses = Number(ctx.state.memory[MISSES] ?? 0) + 1;
      const escalated = misses >= MISSES_BEFORE_STAFF && ctx.mode === 'bot';
      await deps.onQuestion?.({ ctx, outcome, escalated });
      if (escalated) {
        return {
          replies: [{ type: 'text', text: ctx.t('knowledge:answer.notFoundEscalated') }],
          memory: { [MISSES]: undefined, [LAST_ANSWER]: undefined },
          mode: 'waiting',
          effects: [{ type: 'escalate', reason: 'ungrounded', priority: 'normal' }],
        };
      }
      return {
        replies: [menuReply(ctx.t, ctx.t('knowledge:answer.notFound'))],
        memory: { [MISSES]: misses, [LAST_ANSWER]: undefined },
      };
    },
  };
}

function withPersonOffer(ctx: FlowContext, reply: OutboundMessage): OutboundMessage {
  const offer = { label: ctx.t('knowledge:quick.human.label'), text: ctx.t('knowledge:quick.human.text') };
  if (reply.type !== 'text') return reply;
  const others = (reply.quickReplies ?? []).filter((quick) => quick.text !== offer.text);
  return { ...reply, quickReplies: [offer, ...others] };
}
