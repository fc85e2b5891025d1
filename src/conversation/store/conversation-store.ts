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

export interface LoadedConversation {
  id: string;
  channel: Channel;
  externalUserId: string;
  locale: Locale;
  mode: ConversationMode;
  state: ConversationState;
  isNew: boolean;
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
}

export type ConversationStore = ReturnType<typeof createConversationStore>;

/** Conversations and messages in the database. The engine never sees Prisma; this does. */
export function createConversationStore(prisma: Db, codec: MessageCodec) {
  function toLoaded(row: Conversation, isNew: boolean): LoadedConversation {
    const parsed = parseState(row.state);
    return {
      id: row.id,
      channel: row.channel as Channel,
      externalUserId: row.externalUserId,
      locale: normalizeLocale(row.locale) ?? DEFAULT_LOCALE,
      mode: row.mode as ConversationMode,
      state: parsed.ok ? parsed.value : initialState(),
      isNew,
      ...(parsed.ok ? {} : { stateProblem: parsed.reason }),
    };
  }

  return {
    async findById(id: string): Promise<LoadedConversation | undefined> {
      const row = await prisma.conversation.findUnique({ where: { id } });
      return row ? toLoaded(row, false) : undefined;
    },

    /** The conversation of this user on this channel, created on first contact. */
    async findOrCreate(
      channel: Channel,
      externalUserId: string,
      locale?: Locale,
    ): Promise<LoadedConversation> {
      const existing = await prisma.conversation.findUnique({
        where: { channel_externalUserId: { channel, externalUserId } },
      });
      if (existing)
        return toLoaded(
          existing,
          (await prisma.message.count({ where: { conversationId: existing.id } })) === 0,
        );
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

    /** The inbound message, every reply and the new state, in one transaction. */
    async saveTurn(turn: TurnToSave): Promise<void> {
      const { conversation, inbound } = turn;
      const now = new Date();
      const inboundPayload =
        inbound.location || inbound.image
          ? JSON.stringify({ location: inbound.location, image: inbound.image })
          : null;
      await prisma.$transaction([
        prisma.message.create({
          data: {
            conversationId: conversation.id,
            direction: 'in',
            author: 'user',
            text: codec.seal(inbound.text),
            payload: codec.seal(inboundPayload),
            createdAt: now,
          },
        }),
        ...turn.replies.map((reply, index) =>
          prisma.message.create({
            data: {
              conversationId: conversation.id,
              direction: 'out',
              author: 'bot',
              text: codec.seal(reply.text),
              payload: codec.seal(JSON.stringify(reply)),
              // Keep replies ordered after the message that caused them.
              createdAt: new Date(now.getTime() + index + 1),
            },
          }),
        ),
        prisma.conversation.update({
          where: { id: conversation.id },
          data: {
            state: serializeState(turn.state),
            mode: turn.mode,
            locale: turn.locale,
            lastMessageAt: now,
          },
        }),
      ]);
    },

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
        data: { mode },
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
