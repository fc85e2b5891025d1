import type { OutboundMessage } from '../messages/messages.js';
import type { OfficeActor } from '../offices/office-actor.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { Handoff } from '../platform/db/db-types.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import type { Locale } from '../platform/i18n/locales.js';
import type { OfficeHours } from './office-hours.js';
import type { StaffHub } from './staff-hub.js';

// The live-chat queue's vocabulary, what it needs from others, and how a handoff is shown.

export type HandoffReason = 'user-request' | 'emergency' | 'collective' | 'ungrounded';
export type HandoffPriority = 'urgent' | 'high' | 'normal';
export const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2 };
export const OPEN_HANDOFF_STATUSES = ['waiting', 'claimed'];

export interface EscalationRequest {
  reason: HandoffReason;
  priority: HandoffPriority;
  regionCode?: string;
}

export type Mode = 'bot' | 'waiting' | 'human' | 'closed';

/** The conversation store's part (it owns Conversation and Message): the handoff never writes them. */
export interface HandoffConversations {
  setMode(conversationId: string, mode: Mode, from?: Mode[]): Promise<boolean>;
  summary(
    conversationId: string,
  ): Promise<{ id: string; channel: string; locale: string; mode: string } | undefined>;
  history(
    conversationId: string,
    limit: number,
  ): Promise<
    {
      id: string;
      direction: string;
      author: string;
      text: string | null;
      payload?: string | null;
      createdAt: Date;
    }[]
  >;
  latestInbound(
    conversationId: string,
  ): Promise<{ id: string; text: string | null; createdAt: Date } | undefined>;
}

export interface HandoffDeps {
  prisma: Db;
  conversations: HandoffConversations;
  hub: StaffHub;
  t: (locale: Locale) => Translate;
  hours: OfficeHours;
  /** Which office a conversation's chat goes to (region, its ticket, else the default office). */
  officeFor: (
    conversationId: string,
    regionCode?: string,
    collective?: boolean,
  ) => Promise<string | undefined>;
  /** Number and region of the conversation's latest ticket (the queue shows them). */
  ticketOf?: (conversationId: string) => Promise<{ number: string; regionCode: string } | undefined>;
  /** Send messages outside a turn (app.delivery.send). */
  send: (conversationId: string, replies: OutboundMessage[], author: 'staff' | 'system') => Promise<void>;
  /** The office scope rule for a transfer (app.offices.access.assertTransfer). */
  assertTransfer: (
    actor: OfficeActor,
    fromOfficeId: string,
    toOfficeId: string,
    reason?: string,
  ) => Promise<void>;
  /** A queue listener failed (logged; the change it reacted to stands). */
  onListenerError?: (err: unknown) => void;
  now?: () => Date;
}

export function view(handoff: Handoff) {
  return {
    id: handoff.id,
    conversationId: handoff.conversationId,
    officeId: handoff.officeId,
    reason: handoff.reason,
    priority: handoff.priority,
    regionCode: handoff.regionCode,
    status: handoff.status,
    claimedById: handoff.claimedById,
    claimedAt: handoff.claimedAt?.toISOString() ?? null,
    createdAt: handoff.createdAt.toISOString(),
    endedAt: handoff.endedAt?.toISOString() ?? null,
  };
}
