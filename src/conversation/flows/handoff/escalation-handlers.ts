import type { FastifyInstance } from 'fastify';
import type { EscalationRequest, HandoffService } from '../../../handoff/handoff-service.js';
import type { Effect } from '../../flow.js';

const REASONS = new Set(['user-request', 'emergency', 'collective', 'ungrounded']);
const PRIORITIES = new Set(['urgent', 'high', 'normal']);

export function escalationOf(effect: Effect): EscalationRequest {
  const reason = REASONS.has(String(effect.reason))
    ? (effect.reason as EscalationRequest['reason'])
    : 'user-request';
  const fallbackPriority = reason === 'emergency' ? 'urgent' : reason === 'collective' ? 'high' : 'normal';
  const priority = PRIORITIES.has(String(effect.priority))
    ? (effect.priority as EscalationRequest['priority'])
    : fallbackPriority;
  const regionCode =
    typeof effect.regionCode === 'string' && /^\d{6,12}$/.test(effect.regionCode)
      ? effect.regionCode
      : undefined;
  return { reason, priority, ...(regionCode ? { regionCode } : {}) };
}

/**
 * `escalate` from any flow (the handoff flow, an emergency, a collective case, two ungrounded
 * answers) queues the chat and lights up the office's consoles; `leave-queue` (取消 while
 * waiting) takes it out again; `forward-to-staff` (the engine, for every message while a person
 * has the chat) shows the message to that office live.
 */
export function registerEscalationHandlers(app: FastifyInstance, handoffs: HandoffService): void {
  app.chat.onEffect('escalate', async (effect, conversation) => {
    const request = escalationOf(effect);
    const queued = await handoffs.enqueue(conversation.id, request);
    if (!queued) {
      // No office to queue for (an empty directory): say so and give the hotline, never leave them waiting.
      await app.conversations.setMode(conversation.id, 'bot');
      await app.delivery.send(
        conversation.id,
        [{ type: 'handoff', text: app.t(conversation.locale)('staff:handoff.noOffice') }],
        {
          author: 'system',
        },
      );
      return;
    }
    // The handoff flow already told the user their place; other flows only said "a person will help".
    if (typeof effect.handoffId !== 'string')
      await handoffs.notifyQueued(conversation.id, queued.handoff, conversation.locale);
    await handoffs.announce(queued.handoff);
  });

  app.chat.onEffect('leave-queue', async (_effect, conversation) => {
    if ((await handoffs.withdraw(conversation.id)) !== 'claimed') return;
    await app.delivery.send(
      conversation.id,
      [{ type: 'handoff', text: app.t(conversation.locale)('staff:handoff.tooLateToLeave') }],
      { author: 'system' },
    );
  });

  app.chat.onEffect('forward-to-staff', async (_effect, conversation) => {
    await handoffs.forward(conversation.id);
  });
}
