import type { Channel } from '../../messages/messages.js';

/** A Conversation row as the turn path reads it. */
export interface ConversationRow {
  id: string;
  channel: string;
  externalUserId: string;
  locale: string;
  mode: string;
  state: string;
  /** Bumped by every write of state or mode (optimistic concurrency between instances). */
  version: number;
  /** Whether the conversation has at least one message. */
  hasMessages: boolean;
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
  /** `version` is the one the turn read: the write happens only over it. */
  conversation: { id: string; channel: Channel; externalUserId: string; stored: boolean; version: number };
  messages: MessageToWrite[];
  state: string;
  mode: string;
  locale: string;
  at: Date;
  /** A sealed outbox payload for channels that send the replies out of band. */
  outbox?: { channel: Channel; payload: string };
}

/**
 * How a chat turn reads and writes its rows, raw SQL on the hot path: prepared statements and
 * group commit on SQLite (turn-statements.ts), named prepared statements and one transaction per
 * turn on PostgreSQL (postgres-turn-statements.ts). The store picks one; nothing else knows.
 */
export interface TurnStatements {
  byId(id: string): Promise<ConversationRow | undefined>;
  byUser(channel: Channel, externalUserId: string): Promise<ConversationRow | undefined>;
  /** The turn's rows in one transaction; resolves after the COMMIT that holds them. */
  saveTurn(turn: TurnWrite): Promise<void>;
  /** Transactions and turns written so far (for /metrics). */
  stats(): { commits: number; works: number };
}

/**
 * The conversation changed under the turn: created by a parallel first message, written by a
 * turn on another instance since this one read it (its version moved), a person took it, or it
 * was deleted. Nothing of the turn was written; the chat service reads it again and retries.
 */
export class ConversationRaceError extends Error {
  constructor() {
    super('the conversation was created or removed by another request during this turn');
    this.name = 'ConversationRaceError';
  }
}

export const CONVERSATION_COLUMNS = `c."id", c."channel", c."externalUserId", c."locale", c."mode", c."state", c."version",
  EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c."id") AS "hasMessages"`;
