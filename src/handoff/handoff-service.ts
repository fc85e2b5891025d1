import { canOversee, type OfficeActor, sees } from '../offices/office-actor.js';
import type { Handoff } from '../platform/db/db-types.js';
import { DomainError } from '../platform/domain-error.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import { DEFAULT_LOCALE, type Locale, normalizeLocale } from '../platform/i18n/locales.js';
import { createHandoffAssignment } from './handoff-assignment.js';
import {
  type EscalationRequest,
  type HandoffDeps,
  OPEN_HANDOFF_STATUSES as OPEN,
  PRIORITY_RANK,
  view,
} from './handoff-types.js';
import { describeHours, isOpen } from './office-hours.js';
import { createQueueItems } from './queue-item.js';
import { queuePosition } from './queue-position.js';
import { createRelocation } from './relocate-handoff.js';
import { transcriptMessage } from './voice-of-message.js';

export type {
  EscalationRequest,
  HandoffConversations,
  HandoffDeps,
  HandoffPriority,
  HandoffReason,
} from './handoff-types.js';
export { view } from './handoff-types.js';

/**
 * The live-chat queue: one open handoff per conversation, queued per office, ordered by
 * priority then arrival. Claiming is one conditional update, so two staff pressing "claim" at
 * once cannot both get the chat.
 */
export function createHandoffService(deps: HandoffDeps) {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());

  async function open(conversationId: string) {
    return prisma.handoff.findFirst({ where: { conversationId, status: { in: OPEN } } });
  }

  const position = (handoff: Handoff) => queuePosition(prisma, handoff);

  function publish(handoff: Handoff, event: string, extra: Record<string, unknown> = {}) {
    deps.hub.publish(handoff.officeId, { event, handoff: view(handoff), ...extra });
  }

  const queueItem = createQueueItems({ conversations: deps.conversations, ticketOf: deps.ticketOf, now });
  // Who reacts to a queue change (auto-assignment, the satisfaction question): listeners, so the
  // queue never writes their tables. One failing listener never breaks the change itself.
  const listeners: ((handoff: Handoff) => Promise<void>)[] = [];
  /** A queue change, with the item as the queue lists it (preview, region, channel, wait, ticket). */
  async function publishQueue(
    handoff: Handoff,
    extra: Record<string, unknown> = {},
    incoming?: { text: string; at: Date },
  ) {
    deps.hub.publish(handoff.officeId, {
      event: 'queue',
      handoff: await queueItem(handoff, incoming),
      ...extra,
    });
    for (const listener of listeners) await listener(handoff).catch((err) => deps.onListenerError?.(err));
  }

  async function localeOf(conversationId: string): Promise<Locale> {
    const row = await deps.conversations.summary(conversationId);
    return normalizeLocale(row?.locale) ?? DEFAULT_LOCALE;
  }

  /** A handoff in the staff member's offices, or 404 (never "it exists but is not yours"). */
  async function inScope(id: string, staff: OfficeActor): Promise<Handoff> {
    const handoff = await prisma.handoff.findUnique({ where: { id } });
    if (!handoff || !sees(staff, handoff.officeId)) throw new DomainError('not-found', 'No such chat.');
    return handoff;
  }

  const relocate = createRelocation({ prisma, hub: deps.hub, officeFor: deps.officeFor, open, publishQueue });

  const assignment = createHandoffAssignment({
    ...deps,
    now,
    translateFor: async (conversationId) => deps.t(await localeOf(conversationId)),
    inScope,
    publishQueue,
    assertTransfer: deps.assertTransfer,
  });

  const service = {
    ...assignment,

    /** React to every queue change (after the consoles are told). */
    onChange(listener: (handoff: Handoff) => Promise<void>) {
      listeners.push(listener);
    },

    /** Queue a conversation (or return its open handoff, raised to the higher priority). */
    async enqueue(conversationId: string, request: EscalationRequest) {
      const existing = await open(conversationId);
      if (existing) {
        const raise = (PRIORITY_RANK[request.priority] ?? 2) < (PRIORITY_RANK[existing.priority] ?? 2);
        const handoff = raise
          ? await prisma.handoff.update({ where: { id: existing.id }, data: { priority: request.priority } })
          : existing;
        return { handoff, created: false, position: await position(handoff) };
      }
      const officeId = await deps.officeFor(
        conversationId,
        request.regionCode,
        request.reason === 'collective',
      );
      if (!officeId) return undefined;
      const handoff = await prisma.handoff.create({
        data: {
          conversationId,
          officeId,
          reason: request.reason,
          priority: request.priority,
          regionCode: request.regionCode ?? null,
        },
      });
      // Flows that escalate normally also switch to `waiting`; one that did not still gets the
      // queue's behaviour (the turn is saved by now, so this cannot race it).
      await deps.conversations.setMode(conversationId, 'waiting', ['bot', 'closed']);
      return { handoff, created: true, position: await position(handoff) };
    },

    /** What the user is told: waiting, place in line, and the hours (or 12351 when closed). */
    queuedText(t: Translate, place: number): string {
      const hours = describeHours(deps.hours, t);
      const open = isOpen(deps.hours, now());
      return [
        t('staff:handoff.queued', { position: place }),
        t(open ? 'staff:handoff.hoursOpen' : 'staff:handoff.hoursClosed', { hours }),
      ].join('\n');
    },

    /** Tell the consoles (the handoff was saved with the turn that asked for it). */
    announce(handoff: Handoff): Promise<void> {
      return publishQueue(handoff);
    },

    /** Move a waiting chat to the office of the region the worker just named (`text`, being answered). */
    relocate: (conversationId: string, regionCode: string, text?: string) =>
      relocate(conversationId, regionCode, text ? { text, at: now() } : undefined),

    async notifyQueued(conversationId: string, handoff: Handoff, locale: Locale) {
      const text = service.queuedText(deps.t(locale), await position(handoff));
      await deps.send(conversationId, [{ type: 'handoff', text }], 'system');
    },

    position,

    openFor: open,

    /** Show a message the worker is writing right now to the office (before the turn is saved). */
    publishIncoming(handoff: Handoff, text: string) {
      publish(handoff, 'message', {
        message: { direction: 'in', author: 'user', text, at: now().toISOString() },
      });
    },

    async list(staff: OfficeActor, status: 'open' | 'waiting' | 'claimed' | 'ended') {
      const statuses =
        status === 'open' ? OPEN : status === 'ended' ? ['returned', 'closed', 'withdrawn'] : [status];
      // The queue is served oldest first; ended chats are looked back on, newest first.
      const rows = await prisma.handoff.findMany({
        where: { officeId: { in: staff.officeIds }, status: { in: statuses } },
        orderBy: [{ createdAt: status === 'ended' ? 'desc' : 'asc' }],
        take: 200,
      });
      rows.sort((a, b) => (PRIORITY_RANK[a.priority] ?? 2) - (PRIORITY_RANK[b.priority] ?? 2));
      return Promise.all(rows.map((row) => queueItem(row)));
    },

    /**
     * Every chat of the actor's offices, newest first, one page at a time after `afterId` (staff
     * search walks back through them until it has enough hits).
     */
    async recentPage(staff: OfficeActor, take: number, afterId?: string) {
      return prisma.handoff.findMany({
        where: { officeId: { in: staff.officeIds } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
        ...(afterId ? { cursor: { id: afterId }, skip: 1 } : {}),
      });
    },

    /** Rows as the queue lists them (preview, region, channel, wait, ticket). */
    queueItems: (rows: Handoff[]) => Promise.all(rows.map((row) => queueItem(row))),

    /** The chat as the queue shows it, if it is in the actor's offices (else 404). */
    scoped: async (id: string, staff: OfficeActor) => view(await inScope(id, staff)),

    async get(id: string, staff: OfficeActor) {
      const handoff = await inScope(id, staff);
      const [messages, conversation] = await Promise.all([
        deps.conversations.history(handoff.conversationId, 500),
        deps.conversations.summary(handoff.conversationId),
      ]);
      return {
        handoff: view(handoff),
        conversation: conversation && {
          id: conversation.id,
          channel: conversation.channel,
          locale: conversation.locale,
          mode: conversation.mode,
        },
        messages: messages.map(transcriptMessage),
      };
    },

    /** Take a waiting chat for oneself (one winner; the worker is told who joined). */
    async claim(id: string, staff: OfficeActor) {
      const handoff = await inScope(id, staff);
      if (handoff.status !== 'waiting') {
        throw new DomainError(
          'conflict',
          handoff.status === 'claimed'
            ? 'Someone else has already taken this chat.'
            : 'This chat is no longer waiting.',
        );
      }
      return assignment.assign(id, staff, staff);
    },

    async reply(id: string, staff: OfficeActor, text: string) {
      const handoff = await inScope(id, staff);
      if (handoff.status !== 'claimed') throw new DomainError('conflict', 'Claim this chat before replying.');
      if (handoff.claimedById !== staff.id)
        throw new DomainError('conflict', 'Another staff member has this chat.');
      await deps.send(handoff.conversationId, [{ type: 'staff', text }], 'staff');
      publish(handoff, 'message', {
        message: { direction: 'out', author: 'staff', text, at: now().toISOString(), staffId: staff.id },
      });
    },

    /** Back to the bot (`returned`) or finished (`closed`). Agents end only their own chats. */
    async end(id: string, staff: OfficeActor, how: 'returned' | 'closed') {
      const handoff = await inScope(id, staff);
      if (!OPEN.includes(handoff.status)) throw new DomainError('conflict', 'This chat has already ended.');
      if (handoff.status === 'claimed' && handoff.claimedById !== staff.id && !canOversee(staff)) {
        throw new DomainError(
          'forbidden',
          'Only the staff member who has this chat, or a supervisor, can end it.',
        );
      }
      const done = await prisma.handoff.updateMany({
        where: { id, status: handoff.status },
        data: { status: how, endedById: staff.id, endedAt: now() },
      });
      if (done.count === 0) throw new DomainError('conflict', 'This chat changed meanwhile; reload it.');
      await deps.conversations.setMode(handoff.conversationId, how === 'returned' ? 'bot' : 'closed');
      const t = deps.t(await localeOf(handoff.conversationId));
      await deps.send(
        handoff.conversationId,
        [
          {
            type: 'handoff',
            text: t(how === 'returned' ? 'staff:handoff.returned' : 'staff:handoff.closed'),
          },
        ],
        'system',
      );
      const ended = await prisma.handoff.findUniqueOrThrow({ where: { id } });
      await publishQueue(ended);
      return view(ended);
    },

    /**
     * The worker said 取消 while waiting: the chat leaves the queue (`withdrawn`) and the consoles
     * drop it. If a person claimed it a moment earlier, the claim stands and the chat goes back
     * to that person (`claimed` is returned so the worker can be told).
     */
    async withdraw(conversationId: string): Promise<'withdrawn' | 'claimed' | 'none'> {
      const handoff = await open(conversationId);
      if (!handoff) return 'none';
      const left = await prisma.handoff.updateMany({
        where: { id: handoff.id, status: 'waiting' },
        data: { status: 'withdrawn', endedAt: now() },
      });
      if (left.count === 0) {
        await deps.conversations.setMode(conversationId, 'human');
        return 'claimed';
      }
      await publishQueue(await prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } }));
      return 'withdrawn';
    },

    /** A message the user wrote while a person has the chat: straight to that office's consoles. */
    async forward(conversationId: string) {
      const handoff = await open(conversationId);
      if (!handoff) return;
      const message = await deps.conversations.latestInbound(conversationId);
      if (!message) return;
      publish(handoff, 'message', {
        message: {
          id: message.id,
          direction: 'in',
          author: 'user',
          text: message.text,
          at: message.createdAt.toISOString(),
        },
      });
    },
  };
  return service;
}

export type HandoffService = ReturnType<typeof createHandoffService>;
