import type { HandoffService } from '../../../handoff/handoff-service.js';
import type { FlowGuard } from '../../flow-registry.js';
import { knownRegion } from './known-region.js';

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
    // Named where they work while waiting in a queue chosen without it: move to that office now,
    // so the message below already reaches the consoles of the office that will answer.
    const regionCode = open && !open.regionCode ? knownRegion(ctx) : undefined;
    const moved = regionCode ? await handoffs.relocate(ctx.conversationId, regionCode, ctx.text) : undefined;
    const current = moved ?? open;
    if (current && ctx.text) handoffs.publishIncoming(current, ctx.text);
    return undefined;
  };
}
