import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Channel } from '../../messages/messages.js';
import { sqlDate } from '../../platform/db/sql-date.js';

/** A Conversation row as the turn path reads it. */
export interface ConversationRow {
  id: string;
  channel: string;
  externalUserId: string;
  locale: string;
  mode: string;
  state: string;
  /** 1 when the conversation has at least one message (SQLite has no booleans). */
  hasMessages: number;
}

export interface MessageToWrite {
  direction: 'in' | 'out';
  author: string;
  /** Already sealed by the MessageCodec. */
  text: string | null;
  payload: string | null;
  createdAt: Date;
}

export interface TurnWrite {
  conversation: { id: string; channel: Channel; externalUserId: string; stored: boolean };
  messages: MessageToWrite[];
  state: string;
  mode: string;
  locale: string;
  at: Date;
  /** A sealed outbox payload for channels that send the replies out of band. */
  outbox?: { channel: Channel; payload: string };
}

const READ = `SELECT c."id", c."channel", c."externalUserId", c."locale", c."mode", c."state",
  EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c."id") AS "hasMessages"
  FROM "Conversation" c`;

/**
 * The statements of a chat turn, prepared once on the connection Prisma uses. Prisma compiles
 * every query again on each call (most of a turn's CPU, issue 18); these are compiled by SQLite
 * once. Columns and date format are Prisma's own (ISO text), so Prisma reads these rows alike.
 */
export function prepareTurnStatements(db: BetterSqlite3.Database) {
  // The adapter turns on safe integers for the whole connection; these rows hold no big ones.
  const byId = db.prepare<[string], ConversationRow>(`${READ} WHERE c."id" = ?`).safeIntegers(false);
  const byUser = db
    .prepare<[string, string], ConversationRow>(`${READ} WHERE c."channel" = ? AND c."externalUserId" = ?`)
    .safeIntegers(false);
  const insertConversation = db.prepare(
    `INSERT INTO "Conversation" ("id", "channel", "externalUserId", "locale", "mode", "state",
       "createdAt", "updatedAt", "lastMessageAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("channel", "externalUserId") DO NOTHING`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO "Message" ("id", "conversationId", "direction", "author", "text", "payload",
       "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateConversation = db.prepare(
    `UPDATE "Conversation" SET "state" = ?, "mode" = ?, "locale" = ?, "lastMessageAt" = ?, "updatedAt" = ?
     WHERE "id" = ?`,
  );
  const insertOutbox = db.prepare(
    `INSERT INTO "Outbox" ("id", "conversationId", "channel", "payload", "status", "attempts",
       "nextAttemptAt", "createdAt") VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
  );

  return {
    byId: (id: string) => byId.get(id),
    byUser: (channel: Channel, externalUserId: string) => byUser.get(channel, externalUserId),

    /** Inside a transaction: a first message creates its conversation, then the turn is written. */
    writeTurn(turn: TurnWrite): void {
      const at = sqlDate(turn.at);
      const { conversation } = turn;
      if (!conversation.stored) {
        const created = insertConversation.run(
          conversation.id,
          conversation.channel,
          conversation.externalUserId,
          turn.locale,
          turn.mode,
          turn.state,
          at,
          at,
          at,
        );
        // Another request created this user's conversation first, under another id.
        if (created.changes === 0) throw new ConversationRaceError();
      }
      for (const message of turn.messages) {
        const createdAt = sqlDate(message.createdAt);
        insertMessage.run(
          randomUUID(),
          conversation.id,
          message.direction,
          message.author,
          message.text,
          message.payload,
          createdAt,
          createdAt,
        );
      }
      const updated = updateConversation.run(turn.state, turn.mode, turn.locale, at, at, conversation.id);
      if (updated.changes === 0) throw new ConversationRaceError();
      if (turn.outbox)
        insertOutbox.run(randomUUID(), conversation.id, turn.outbox.channel, turn.outbox.payload, at, at);
    },
  };
}

/** The conversation changed under the turn (created by a parallel first message, or deleted). */
export class ConversationRaceError extends Error {
  constructor() {
    super('the conversation was created or removed by another request during this turn');
    this.name = 'ConversationRaceError';
  }
}

export type TurnStatements = ReturnType<typeof prepareTurnStatements>;
