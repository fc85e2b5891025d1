import type { HandoffService } from '../../../handoff/handoff-service.js';
import type { FlowGuard } from '../../flow-registry.js';

/**
 * While a chat waits in the queue the bot keeps answering (the guard lets the turn pass), and the
 * office's consoles see what the worker writes as they write it. If a staff member claimed the
 * chat while this message's turn was already running (the turn then saved mode `waiting` over
 * `human`), the guard restores `human`: the bot stays silent and the message goes to the person.
 */
export function createWaitingGuard(handoffs: HandoffService): FlowGuard {
  return async (ctx) => {
    if (ctx.mode !== 'waiting') return undefined;
    const open = await handoffs.openFor(ctx.conversationId);
    if (open?.status === 'claimed')
      return { replies: [], mode: 'human', effects: [{ type: 'forward-to-staff' }] };
    if (open && ctx.text) handoffs.publishIncoming(open, ctx.text);
    return undefined;
  };
}
