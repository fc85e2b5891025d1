import type { Handoff } from '../platform/db/db-types.js';
import { maskPersonalData } from '../platform/privacy/mask-personal-data.js';
import { regionLabel } from '../regions/region-label.js';
import { type HandoffConversations, view } from './handoff-types.js';

const PREVIEW_CHARS = 60;

export interface QueueItemDeps {
  conversations: Pick<HandoffConversations, 'summary' | 'latestInbound'>;
  /** Number and region of the conversation's latest ticket, if it filed one. */
  ticketOf?: (conversationId: string) => Promise<{ number: string; regionCode: string } | undefined>;
  now: () => Date;
}

/**
 * A chat as the queue shows it, so staff can pick the next one without opening each: what the
 * worker last wrote (phone and ID numbers masked, cut short), where (the region by name), in
 * which language and channel, how long they have waited, and the ticket the chat filed.
 */
export function createQueueItems(deps: QueueItemDeps) {
  /** `incoming`: a message being answered right now, not yet stored (it is the latest). */
  return async function queueItem(handoff: Handoff, incoming?: { text: string; at: Date }) {
    const [conversation, stored, ticket] = await Promise.all([
      deps.conversations.summary(handoff.conversationId),
      incoming ? Promise.resolve(undefined) : deps.conversations.latestInbound(handoff.conversationId),
      deps.ticketOf?.(handoff.conversationId) ?? Promise.resolve(undefined),
    ]);
    const latest = incoming ? { text: incoming.text, createdAt: incoming.at } : stored;
    const text = latest?.text ? maskPersonalData(latest.text).replace(/\s+/g, ' ').trim() : '';
    // A chat asked for after a filing, without naming a place again, is where its ticket is.
    const regionCode = handoff.regionCode ?? ticket?.regionCode;
    const since = handoff.claimedAt && handoff.status === 'claimed' ? handoff.claimedAt : handoff.createdAt;
    return {
      ...view(handoff),
      preview: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text,
      lastMessageAt: latest?.createdAt.toISOString() ?? null,
      channel: conversation?.channel ?? null,
      locale: conversation?.locale ?? null,
      regionName: regionCode ? regionLabel(regionCode, 'zh-CN') : null,
      regionNameEn: regionCode ? regionLabel(regionCode, 'en') : null,
      ticketNumber: ticket?.number ?? null,
      waitingSeconds: Math.max(0, Math.round((deps.now().getTime() - since.getTime()) / 1000)),
    };
  };
}

export type QueueItem = Awaited<ReturnType<ReturnType<typeof createQueueItems>>>;
