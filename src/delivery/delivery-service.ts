import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Channel, OutboundMessage } from '../messages/messages.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { Prisma } from '../platform/db/db-types.js';
import type { MessageCodec } from '../platform/privacy/message-codec.js';
import { createOutboxClaims } from './outbox-claims.js';
import { createPendingOutboxRead } from './outbox-pending.js';

/**
 * 'delivered' = done; 'offline' = try again later; 'sent' = handed to a client that acknowledges
 * by message id (the web chat): kept pending, and sent again, until `acknowledge` hears of it.
 */
export type SendResult = 'delivered' | 'offline' | 'sent';
export interface DeliveryTarget {
  id: string;
  channel: Channel;
  externalUserId: string;
}
/** Hands replies to one channel. 'offline' = try again later; a throw counts as a failed attempt. */
export type ChannelSender = (target: DeliveryTarget, replies: OutboundMessage[]) => Promise<SendResult>;

export type Author = 'staff' | 'system' | 'bot';

/** Replies staged for another domain's transaction: commit `writes` with it, then `deliver`. */
export interface StagedDelivery {
  writes: Prisma.PrismaPromise<unknown>[];
  deliver(): Promise<{ outboxId: string; delivered: boolean }>;
}

/** Failed attempts (errors, not "user offline") before an item may be marked failed. */
export const MAX_FAILED_ATTEMPTS = 8;
/**
 * And how long it must have been retried by then. Eight attempts alone took 21 minutes (5 s …
 * 10 min apart), so a channel down for an hour lost every staff reply queued in it; WeChat's
 * customer-service window is 48 hours, so the outbox keeps trying for that long.
 */
export const GIVE_UP_AFTER_MS = 48 * 60 * 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** The most ids one acknowledgement may name (a page acknowledges each push frame at once). */
const MAX_ACK_IDS = 100;

/** 5 s, 10 s, 20 s … capped at 10 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 5000 * 2 ** Math.max(0, attempt - 1));
}

/** The conversation store's part: who a conversation is, and the sealed Message rows of a send. */
export interface ConversationMessages {
  target(conversationId: string): Promise<DeliveryTarget | undefined>;
  writes(
    conversationId: string,
    replies: OutboundMessage[],
    author: string,
    at: Date,
  ): Prisma.PrismaPromise<unknown>[];
}

export interface DeliveryDeps {
  prisma: Db;
  codec: MessageCodec;
  conversations: ConversationMessages;
  log: FastifyBaseLogger;
  now?: () => Date;
  /** How long a claimed attempt holds its row (outbox-claims.ts). */
  leaseMs?: number;
}

/**
 * The outbox: a message outside a turn is stored (as a Message, so staff and history see it)
 * and queued in one transaction before any attempt, so a crash between "staff pressed send"
 * and "the user got it" loses nothing.
 */
export function createDeliveryService(deps: DeliveryDeps) {
  const senders = new Map<Channel, ChannelSender>();
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const claims = createOutboxClaims(deps.prisma, deps.leaseMs);
  const pendingOf = createPendingOutboxRead(deps.prisma);

  /** Claim the row, then attempt it; false when another instance has it (or it is done). */
  async function claimAndAttempt(id: string): Promise<boolean> {
    if (!(await claims.claim(id, now()))) return false;
    const item = await deps.prisma.outbox.findUnique({ where: { id } });
    return item ? attempt(item) : false;
  }

  /** One attempt at a row this instance has claimed; its outcome also gives the claim back. */
  async function attempt(item: {
    id: string;
    conversationId: string;
    channel: string;
    payload: string;
    attempts: number;
    createdAt: Date;
  }) {
    const sender = senders.get(item.channel as Channel);
    const conversation = await deps.conversations.target(item.conversationId);
    if (!sender || !conversation) {
      // No sender (the channel's adapter is not running): wait; it flushes when it starts.
      await claims.finish(item.id, { nextAttemptAt: new Date(now().getTime() + MAX_BACKOFF_MS) });
      return false;
    }
    try {
      const result = await sender(
        conversation,
        JSON.parse(deps.codec.open(item.payload) ?? '[]') as OutboundMessage[],
      );
      if (result === 'delivered') {
        await claims.finish(item.id, { status: 'delivered', deliveredAt: now(), lastError: null });
        return true;
      }
      if (result === 'sent') {
        // Not a failed attempt either: an acknowledgement is due within moments. Without one the
        // client is gone or broken; it is sent again, less often the longer it has waited.
        // The claim is given back at once, so the page's reconnect flush may send it again.
        const waitedMs = now().getTime() - item.createdAt.getTime();
        await claims.finish(item.id, {
          nextAttemptAt: new Date(now().getTime() + Math.min(MAX_BACKOFF_MS, Math.max(5000, waitedMs))),
        });
        return true;
      }
      // Offline is not a failure: the user's channel is away; try later and on reconnect.
      await claims.finish(item.id, {
        nextAttemptAt: new Date(now().getTime() + backoffMs(item.attempts + 1)),
      });
      return false;
    } catch (err) {
      const attempts = item.attempts + 1;
      const failed =
        attempts >= MAX_FAILED_ATTEMPTS && now().getTime() - item.createdAt.getTime() >= GIVE_UP_AFTER_MS;
      deps.log.warn(
        { outboxId: item.id, channel: item.channel, attempts, err: (err as Error).message },
        'delivery attempt failed',
      );
      await claims.finish(item.id, {
        attempts,
        status: failed ? 'failed' : 'pending',
        lastError: (err as Error).message.slice(0, 500),
        nextAttemptAt: new Date(now().getTime() + backoffMs(attempts)),
      });
      return false;
    }
  }

  async function processDue(): Promise<void> {
    const ids = await claims.claimDue(now(), 100);
    if (!ids.length) return;
    const due = await deps.prisma.outbox.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: 'asc' },
    });
    for (const item of due) await attempt(item);
  }

  return {
    registerSender(channel: Channel, sender: ChannelSender): void {
      senders.set(channel, sender);
    },

    /**
     * The writes that store and queue replies, for the caller to commit in its own transaction
     * (a ticket's status change and the worker's notice of it commit together); `deliver` tries
     * them once the transaction has committed. Undefined if the conversation does not exist.
     */
    async stage(
      conversationId: string,
      replies: OutboundMessage[],
      options: { author?: Author } = {},
    ): Promise<StagedDelivery | undefined> {
      const conversation = await deps.conversations.target(conversationId);
      if (!conversation) return undefined;
      const at = now();
      const outboxId = randomUUID();
      // Each message gets its id now, so the stored row and every send of it carry the same one.
      const identified = replies.map((reply) => ({ ...reply, id: reply.id ?? randomUUID() }));
      const writes: Prisma.PrismaPromise<unknown>[] = [
        ...deps.conversations.writes(conversationId, identified, options.author ?? 'system', at),
        deps.prisma.outbox.create({
          data: {
            id: outboxId,
            conversationId,
            channel: conversation.channel,
            // Sealed like the Message rows: a staff reply can carry a name or a phone number.
            payload: deps.codec.seal(JSON.stringify(identified)) ?? '[]',
            nextAttemptAt: at,
            createdAt: at,
          },
        }),
      ];
      return {
        writes,
        // Never throws: what is committed stays queued, and the worker retries it.
        async deliver() {
          try {
            return { outboxId, delivered: await claimAndAttempt(outboxId) };
          } catch (err) {
            deps.log.error({ err, outboxId }, 'first delivery attempt failed; left for the retry worker');
            return { outboxId, delivered: false };
          }
        },
      };
    },

    /** Store, queue and try once now. Resolves after the message is durable. */
    async send(conversationId: string, replies: OutboundMessage[], options: { author?: Author } = {}) {
      const staged = await this.stage(conversationId, replies, options);
      if (!staged) throw new Error(`conversation ${conversationId} not found`);
      await deps.prisma.$transaction(staged.writes);
      return staged.deliver();
    },

    /**
     * Queue replies that are already stored as Messages (a turn's answer for a channel that
     * answers out of band), then try this user's queue in order.
     */
    async enqueue(conversationId: string, channel: Channel, replies: OutboundMessage[]): Promise<number> {
      await deps.prisma.outbox.create({
        data: {
          conversationId,
          channel,
          payload: deps.codec.seal(JSON.stringify(replies)) ?? '[]',
          nextAttemptAt: now(),
          createdAt: now(),
        },
      });
      return this.flush(conversationId);
    },

    /** Try everything pending for one conversation (its channel just came back), or everything due. */
    async flush(conversationId?: string): Promise<number> {
      const ids = conversationId
        ? await pendingOf(conversationId)
        : (
            await deps.prisma.outbox.findMany({
              where: { status: 'pending' },
              orderBy: { createdAt: 'asc' },
              select: { id: true },
            })
          ).map((item) => item.id);
      let delivered = 0;
      for (const id of ids) if (await claimAndAttempt(id)) delivered += 1;
      return delivered;
    },

    /**
     * A client saw these messages: the pending items of this conversation whose every message
     * is among them are done. Returns how many items that completed.
     */
    async acknowledge(conversationId: string, messageIds: string[]): Promise<number> {
      const seen = new Set(messageIds.slice(0, MAX_ACK_IDS));
      if (!seen.size) return 0;
      const items = await deps.prisma.outbox.findMany({ where: { status: 'pending', conversationId } });
      const done = items.filter((item) => {
        const replies = JSON.parse(deps.codec.open(item.payload) ?? '[]') as OutboundMessage[];
        return replies.length > 0 && replies.every((reply) => reply.id && seen.has(reply.id));
      });
      if (!done.length) return 0;
      const changed = await deps.prisma.outbox.updateMany({
        where: { id: { in: done.map((item) => item.id) }, status: 'pending' },
        data: { status: 'delivered', deliveredAt: now(), lastError: null },
      });
      return changed.count;
    },

    /** Items still waiting, payload opened. */
    async pending(conversationId?: string) {
      const rows = await deps.prisma.outbox.findMany({
        where: { status: 'pending', ...(conversationId ? { conversationId } : {}) },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => ({ ...row, payload: deps.codec.open(row.payload) ?? '[]' }));
    },

    /** Retry due items in the background every `intervalMs`. */
    start(intervalMs = 2000): void {
      timer ??= setInterval(() => {
        running ??= processDue()
          .catch((err) => deps.log.error({ err }, 'outbox worker failed'))
          .finally(() => {
            running = undefined;
          });
      }, intervalMs);
      timer.unref();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },

    processDue,
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
