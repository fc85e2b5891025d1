import { randomUUID } from 'node:crypto';
import type { Channel, InboundMessage, OutboundMessage } from '../../messages/messages.js';
import type { Db } from '../../platform/db/create-prisma.js';
import type { Conversation } from '../../platform/db/db-types.js';
import { DEFAULT_LOCALE, type Locale, normalizeLocale } from '../../platform/i18n/locales.js';
import type { MessageCodec } from '../../platform/privacy/message-codec.js';
import {
  type ConversationMode,
  type ConversationState,
  initialState,
  parseState,
  serializeState,
} from '../state.js';
import { createTurnStatements } from './create-turn-statements.js';
import type { ConversationRow, TurnWrite } from './turn-rows.js';

export interface LoadedConversation {
  id: string;
  channel: Channel;
  externalUserId: string;
  locale: Locale;
  mode: ConversationMode;
  state: ConversationState;
  isNew: boolean;
  /** False for a conversation whose first message this is: its row is written with the turn. */
  stored: boolean;
  /** The row's version when read (0 for one not stored yet): the turn's write is guarded by it. */
  version: number;
  /** Set when the stored state could not be parsed and was reset. */
  stateProblem?: string;
}

export interface TurnToSave {
  conversation: LoadedConversation;
  inbound: InboundMessage;
  replies: OutboundMessage[];
  state: ConversationState;
  mode: ConversationMode;
  locale: Locale;
  /** Also queue the replies in the outbox, in the same transaction, for this out-of-band channel. */
  queueFor?: Channel;
}

export type ConversationStore = ReturnType<typeof createConversationStore>;

/**
 * Conversations and messages in the database. The engine never sees Prisma; this does. A turn's
 * read and write go through raw statements on Prisma's own connections (create-turn-statements.ts:
 * prepared statements and group commit on SQLite, named statements on PostgreSQL's pool).
 */
export function createConversationStore(prisma: Db, codec: MessageCodec) {
  const statements = createTurnStatements(prisma);

  function toLoaded(row: ConversationRow | Conversation, isNew: boolean): LoadedConversation {
    const parsed = parseState(row.state);
    return {
      id: row.id,
      channel: row.channel as Channel,
      externalUserId: row.externalUserId,
      locale: normalizeLocale(row.locale) ?? DEFAULT_LOCALE,
      mode: row.mode as ConversationMode,
      state: parsed.ok ? parsed.value : initialState(),
      isNew,
      stored: true,
      version: row.version,
      ...(parsed.ok ? {} : { stateProblem: parsed.reason }),
    };
  }

  return {
    async findById(id: string): Promise<LoadedConversation | undefined> {
      const row = await statements.byId(id);
      return row ? toLoaded(row, !row.hasMessages) : undefined;
    },

    /** The conversation of this user on this channel, if it has one. */
    async find(channel: Channel, externalUserId: string): Promise<LoadedConversation | undefined> {
      const row = await statements.byUser(channel, externalUserId);
      return row ? toLoaded(row, !row.hasMessages) : undefined;
    },

    /**
     * The conversation this user's first message starts: not stored until its turn is saved,
     * so a socket that connects and says nothing leaves no row behind.
     */
    unstored(channel: Channel, externalUserId: string, locale?: Locale): LoadedConversation {
      return {
        id: randomUUID(),
        channel,
        externalUserId,
        locale: locale ?? DEFAULT_LOCALE,
        mode: 'bot',
        state: initialState(),
        isNew: true,
        stored: false,
        version: 0,
      };
    },

    /** The conversation of this user on this channel, created now (for writes outside a turn). */
    async findOrCreate(
      channel: Channel,
      externalUserId: string,
      locale?: Locale,
    ): Promise<LoadedConversation> {
      const existing = await statements.byUser(channel, externalUserId);
      if (existing) return toLoaded(existing, !existing.hasMessages);
      const created = await prisma.conversation.upsert({
        where: { channel_externalUserId: { channel, externalUserId } },
        create: {
          channel,
          externalUserId,
          locale: locale ?? DEFAULT_LOCALE,
          state: serializeState(initialState()),
        },
        update: {},
      });
      return toLoaded(created, true);
    },

    /**
     * The inbound message, every reply, the new state (and the conversation itself on its first
     * message, and the outbox row when asked) in one transaction shared with the turns saved at
     * the same moment. Resolves after that transaction has committed.
     */
    async saveTurn(turn: TurnToSave): Promise<void> {
      const { conversation, inbound } = turn;
      const now = new Date();
      const inboundPayload =
        inbound.location || inbound.image || inbound.audio
          ? JSON.stringify({ location: inbound.location, image: inbound.image, audio: inbound.audio })
          : null;
      const write: TurnWrite = {
        conversation,
        messages: [
          {
            direction: 'in',
            author: 'user',
            text: codec.seal(inbound.text),
            payload: codec.seal(inboundPayload),
            createdAt: now,
          },
          ...turn.replies.map((reply, index) => ({
            direction: 'out' as const,
            author: 'bot',
            text: codec.seal(reply.text),
            payload: codec.seal(JSON.stringify(reply)),
            // Keep replies ordered after the message that caused them.
            createdAt: new Date(now.getTime() + index + 1),
          })),
        ],
        state: serializeState(turn.state),
        mode: turn.mode,
        locale: turn.locale,
        at: now,
        ...(turn.queueFor && turn.replies.length
          ? { outbox: { channel: turn.queueFor, payload: codec.seal(JSON.stringify(turn.replies)) ?? '[]' } }
          : {}),
      };
      await statements.saveTurn(write);
    },

    /** Transactions and turns written so far by the group commit (for /metrics). */
    commitStats: () => statements.stats(),

    async countOpen(since: Date): Promise<number> {
      return prisma.conversation.count({ where: { mode: { not: 'closed' }, lastMessageAt: { gte: since } } });
    },

    /**
     * A mode change outside a turn (a person took the chat, gave it back, it left the queue).
     * With `from`, only a conversation in one of those modes changes; says whether it did.
     */
    async setMode(
      conversationId: string,
      mode: ConversationMode,
      from?: ConversationMode[],
    ): Promise<boolean> {
      const changed = await prisma.conversation.updateMany({
        where: { id: conversationId, ...(from ? { mode: { in: from } } : {}) },
        // A turn that read the conversation before this change must not write over it.
        data: { mode, version: { increment: 1 } },
      });
      return changed.count > 0;
    },

    /** Channel, language and mode of a conversation, for staff views. */
    async summary(conversationId: string) {
      const row = await prisma.conversation.findUnique({
        where: { id: conversationId },
        select: { id: true, channel: true, locale: true, mode: true },
      });
      return row ?? undefined;
    },

    /** The worker's latest message, opened. */
    async latestInbound(conversationId: string) {
      const row = await prisma.message.findFirst({
        where: { conversationId, direction: 'in' },
        orderBy: { createdAt: 'desc' },
      });
      return row ? { id: row.id, text: codec.open(row.text), createdAt: row.createdAt } : undefined;
    },

    /** The latest messages, oldest first, opened (decrypted). */
    async history(conversationId: string, limit = 50) {
      const rows = await prisma.message.findMany({
        where: { conversationId },
        orderBy: { createdAt: 'desc' },
        take: limit,
      });
      return rows
        .reverse()
        .map((row) => ({ ...row, text: codec.open(row.text), payload: codec.open(row.payload) }));
    },

    /** Texts of many conversations in one read (staff search), newest first, opened; payloads left sealed. */
    async textsOf(conversationIds: string[], limit = 20_000) {
      const rows = await prisma.message.findMany({
        where: { conversationId: { in: conversationIds }, text: { not: null } },
        select: { conversationId: true, text: true, createdAt: true },
        orderBy: { createdAt: 'desc' },
        take: limit,
      });
      return rows.map((row) => ({ ...row, text: codec.open(row.text) ?? '' }));
    },
  };
}
