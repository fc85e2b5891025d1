import type { HandoffService } from '../../../handoff/handoff-service.js';
import type { Flow } from '../../flow.js';
import { knownRegion } from './known-region.js';

/**
 * 转人工 / talk to a person: the conversation joins its office's queue and the user learns their
 * place in line and the hours. The bot keeps answering while they wait (mode `waiting`); once a
 * person claims the chat the engine goes silent (mode `human`).
 */
export function createHandoffFlow(handoffs: HandoffService): Flow {
  return {
    name: 'handoff',
    intents: ['human'],
    async start(ctx) {
      // A chat whose worker already named a district goes to that district's office.
      const regionCode = knownRegion(ctx);
      const queued = await handoffs.enqueue(ctx.conversationId, {
        reason: 'user-request',
        priority: 'normal',
        ...(regionCode ? { regionCode } : {}),
      });
      if (!queued) return { replies: [{ type: 'handoff', text: ctx.t('staff:handoff.noOffice') }] };
      const text = queued.created
        ? handoffs.queuedText(ctx.t, queued.position)
        : ctx.t('staff:handoff.alreadyQueued', { position: queued.position });
      return {
        replies: [{ type: 'handoff', text }],
        mode: 'waiting',
        effects: [
          { type: 'escalate', reason: 'user-request', priority: 'normal', handoffId: queued.handoff.id },
        ],
      };
    },
  };
}
