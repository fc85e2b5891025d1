import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Channel } from '../../messages/messages.js';
import { pgTimestamp } from '../../platform/db/sql-date.js';
import {
  CONVERSATION_COLUMNS,
  ConversationRaceError,
  type ConversationRow,
  type TurnStatements,
  type TurnWrite,
} from './turn-rows.js';

// Named statements: each pooled connection parses and plans them once, then only binds values.
const BY_ID = {
  name: 'turn-conversation-by-id',
  text: `SELECT ${CONVERSATION_COLUMNS} FROM "Conversation" c WHERE c."id" = $1`,
};
const BY_USER = {
  name: 'turn-conversation-by-user',
  text: `SELECT ${CONVERSATION_COLUMNS} FROM "Conversation" c WHERE c."channel" = $1 AND c."externalUserId" = $2`,
};
const INSERT_CONVERSATION = {
  name: 'turn-insert-conversation',
  text: `INSERT INTO "Conversation" ("id", "channel", "externalUserId", "locale", "mode", "state",
       "createdAt", "updatedAt", "lastMessageAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7) ON CONFLICT ("channel", "externalUserId") DO NOTHING`,
};
// All of a turn's messages in one statement, whatever their number: one round trip.
const INSERT_MESSAGES = {
  name: 'turn-insert-messages',
  text: `INSERT INTO "Message" ("id", "conversationId", "direction", "author", "text", "payload",
       "createdAt", "updatedAt")
     SELECT m.id, $1, m.direction, m.author, m.text, m.payload, m.at, m.at
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamp(3)[])
       AS m(id, direction, author, text, payload, at)`,
};
const UPDATE_CONVERSATION = {
  name: 'turn-update-conversation',
  text: `UPDATE "Conversation" SET "state" = $1, "mode" = $2, "locale" = $3, "lastMessageAt" = $4, "updatedAt" = $4,
       "version" = "version" + 1
     WHERE "id" = $5 AND "version" = $6`,
};
// A stored conversation's turn as one statement, so one round trip and one (implicit) transaction
// instead of BEGIN, three writes and COMMIT: the update over the version the turn read, and the
// messages and the outbox row only if it matched (they select from its RETURNING, so a turn
// overtaken by another writes nothing). Committed like any single statement: as durably as the
// COMMIT it replaces.
const WRITE_STORED_TURN = {
  name: 'turn-write-stored',
  text: `WITH updated AS (
       UPDATE "Conversation" SET "state" = $1, "mode" = $2, "locale" = $3, "lastMessageAt" = $4, "updatedAt" = $4,
         "version" = "version" + 1
       WHERE "id" = $5 AND "version" = $6
       RETURNING "id"
     ), messages AS (
       INSERT INTO "Message" ("id", "conversationId", "direction", "author", "text", "payload",
         "createdAt", "updatedAt")
       SELECT m.id, u."id", m.direction, m.author, m.text, m.payload, m.at, m.at
       FROM updated u,
         unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamp(3)[])
           AS m(id, direction, author, text, payload, at)
     ), outbox AS (
       INSERT INTO "Outbox" ("id", "conversationId", "channel", "payload", "status", "attempts",
         "nextAttemptAt", "createdAt")
       SELECT $13::text, u."id", $14::text, $15::text, 'pending', 0, $4, $4
       FROM updated u WHERE $15::text IS NOT NULL
     )
     SELECT count(*)::int AS "updated" FROM updated`,
};
const INSERT_OUTBOX = {
  name: 'turn-insert-outbox',
  text: `INSERT INTO "Outbox" ("id", "conversationId", "channel", "payload", "status", "attempts",
       "nextAttemptAt", "createdAt") VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5)`,
};

/**
 * The statements of a chat turn on PostgreSQL, on the pool Prisma's adapter uses. One
 * transaction per turn (a conversation's first turn in BEGIN … COMMIT, every later one a single
 * statement): the server commits turns from many connections (and instances) side by
 * side, so the SQLite group commit (one writer, one fsync for many) has nothing to add here.
 */
export function postgresTurnStatements(pool: pg.Pool): TurnStatements {
  let commits = 0;

  async function readOne(query: { name: string; text: string }, values: string[]) {
    const result = await pool.query<ConversationRow>({ ...query, values });
    return result.rows[0];
  }

  async function write(client: pg.PoolClient, turn: TurnWrite): Promise<void> {
    const at = pgTimestamp(turn.at);
    const { conversation } = turn;
    if (!conversation.stored) {
      const created = await client.query({
        ...INSERT_CONVERSATION,
        values: [
          conversation.id,
          conversation.channel,
          conversation.externalUserId,
          turn.locale,
          turn.mode,
          turn.state,
          at,
        ],
      });
      // Another request (perhaps on another instance) created this user's conversation first.
      if (created.rowCount === 0) throw new ConversationRaceError();
    }
    if (turn.messages.length) {
      const { messages } = turn;
      await client.query({
        ...INSERT_MESSAGES,
        values: [
          conversation.id,
          messages.map(() => randomUUID()),
          messages.map((m) => m.direction),
          messages.map((m) => m.author),
          messages.map((m) => m.text),
          messages.map((m) => m.payload),
          messages.map((m) => pgTimestamp(m.createdAt)),
        ],
      });
    }
    const updated = await client.query({
      ...UPDATE_CONVERSATION,
      values: [
        turn.state,
        turn.mode,
        turn.locale,
        at,
        conversation.id,
        conversation.stored ? conversation.version : 0,
      ],
    });
    if (updated.rowCount === 0) throw new ConversationRaceError();
    if (turn.outbox) {
      await client.query({
        ...INSERT_OUTBOX,
        values: [randomUUID(), conversation.id, turn.outbox.channel, turn.outbox.payload, at],
      });
    }
  }

  async function writeStored(turn: TurnWrite): Promise<void> {
    const at = pgTimestamp(turn.at);
    const { conversation, messages, outbox } = turn;
    const result = await pool.query<{ updated: number }>({
      ...WRITE_STORED_TURN,
      values: [
        turn.state,
        turn.mode,
        turn.locale,
        at,
        conversation.id,
        conversation.version,
        messages.map(() => randomUUID()),
        messages.map((m) => m.direction),
        messages.map((m) => m.author),
        messages.map((m) => m.text),
        messages.map((m) => m.payload),
        messages.map((m) => pgTimestamp(m.createdAt)),
        outbox ? randomUUID() : null,
        outbox?.channel ?? null,
        outbox?.payload ?? null,
      ],
    });
    if (result.rows[0]?.updated !== 1) throw new ConversationRaceError();
    commits += 1;
  }

  return {
    byId: (id) => readOne(BY_ID, [id]),
    byUser: (channel: Channel, externalUserId) => readOne(BY_USER, [channel, externalUserId]),
    async saveTurn(turn) {
      if (turn.conversation.stored) return writeStored(turn);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await write(client, turn);
        await client.query('COMMIT');
        commits += 1;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    stats: () => ({ commits, works: commits }),
  };
}
