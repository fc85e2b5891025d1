import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Channel } from '../../messages/messages.js';
import { sharedGroupCommit } from '../../platform/db/group-commit.js';
import { sqlDate } from '../../platform/db/sql-date.js';
import type { SqliteConnection } from '../../platform/db/sqlite-connection.js';
import {
  CONVERSATION_COLUMNS,
  ConversationRaceError,
  type ConversationRow,
  type TurnStatements,
  type TurnWrite,
} from './turn-rows.js';

type SqliteRow = Omit<ConversationRow, 'hasMessages'> & { hasMessages: number };
const READ = `SELECT ${CONVERSATION_COLUMNS} FROM "Conversation" c`;
const toRow = (row: SqliteRow | undefined): ConversationRow | undefined =>
  row && { ...row, hasMessages: row.hasMessages === 1 };

/**
 * The statements of a chat turn on SQLite, prepared once on the connection Prisma uses. Prisma
 * compiles every query again on each call (most of a turn's CPU, issue 18); these are compiled
 * by SQLite once, and turns saved at the same moment share one transaction and one fsync (group
 * commit). Columns and date format are Prisma's own (ISO text), so Prisma reads these rows alike.
 */
export function sqliteTurnStatements(connection: SqliteConnection): TurnStatements {
  const { db } = connection;
  const commits = sharedGroupCommit(connection);
  // The adapter turns on safe integers for the whole connection; these rows hold no big ones.
  const byId = db.prepare<[string], SqliteRow>(`${READ} WHERE c."id" = ?`).safeIntegers(false);
  const byUser = db
    .prepare<[string, string], SqliteRow>(`${READ} WHERE c."channel" = ? AND c."externalUserId" = ?`)
    .safeIntegers(false);
  const write = prepareWrites(db);

  return {
    byId: async (id) => toRow(byId.get(id)),
    byUser: async (channel: Channel, externalUserId) => toRow(byUser.get(channel, externalUserId)),
    saveTurn: (turn) => commits.submit(() => write(turn)),
    stats: () => commits.stats(),
  };
}

function prepareWrites(db: BetterSqlite3.Database) {
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
    `UPDATE "Conversation" SET "state" = ?, "mode" = ?, "locale" = ?, "lastMessageAt" = ?, "updatedAt" = ?,
       "version" = "version" + 1
     WHERE "id" = ? AND "version" = ?`,
  );
  const insertOutbox = db.prepare(
    `INSERT INTO "Outbox" ("id", "conversationId", "channel", "payload", "status", "attempts",
       "nextAttemptAt", "createdAt") VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
  );

  /** Inside a transaction: a first message creates its conversation, then the turn is written. */
  return function writeTurn(turn: TurnWrite): void {
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
    const updated = updateConversation.run(
      turn.state,
      turn.mode,
      turn.locale,
      at,
      at,
      conversation.id,
      conversation.stored ? conversation.version : 0,
    );
    if (updated.changes === 0) throw new ConversationRaceError();
    if (turn.outbox)
      insertOutbox.run(randomUUID(), conversation.id, turn.outbox.channel, turn.outbox.payload, at, at);
  };
}
