import type pg from 'pg';
import type { Db } from '../../platform/db/create-prisma.js';
import { driverOf } from '../../platform/db/database-engine.js';
import { sharedGroupCommit } from '../../platform/db/group-commit.js';
import { pgTimestamp, sqlDate } from '../../platform/db/sql-date.js';
import type { SqliteConnection } from '../../platform/db/sqlite-connection.js';

/** A web conversation as the secret check reads it: its id and, once issued, its secret's digest. */
export interface WebConversationRow {
  id: string;
  secretHash: string | null;
}

/**
 * The reads and the one write of the web chat's secrets, raw SQL on the hot path of every web
 * request (Prisma compiled each of these again per call: most of an HTTP turn's CPU, issue 18).
 * A conversation and its secret come back in one read.
 */
export interface WebChatSecretStatements {
  /** Only web conversations: a WeChat user's id must not open theirs. */
  byId(conversationId: string): Promise<WebConversationRow | undefined>;
  byUser(channelUserId: string): Promise<WebConversationRow | undefined>;
  secretHash(conversationId: string): Promise<string | undefined>;
  /** False when the conversation already has a secret (a parallel request won). */
  insert(conversationId: string, secretHash: string, at: Date): Promise<boolean>;
}

const JOINED = `SELECT c."id", s."secretHash" FROM "Conversation" c
  LEFT JOIN "WebChatSecret" s ON s."conversationId" = c."id"`;
const BY_ID = `${JOINED} WHERE c."id" = $1 AND c."channel" = 'web'`;
const BY_USER = `${JOINED} WHERE c."channel" = 'web' AND c."externalUserId" = $1`;
const HASH = `SELECT "secretHash" FROM "WebChatSecret" WHERE "conversationId" = $1`;
const INSERT = `INSERT INTO "WebChatSecret" ("conversationId", "secretHash", "createdAt") VALUES ($1, $2, $3)
  ON CONFLICT ("conversationId") DO NOTHING`;
const sqliteText = (text: string) => text.replace(/\$\d/g, '?');

/** The statements of the engine this Prisma client runs on. */
export function createWebChatSecretStatements(prisma: Db): WebChatSecretStatements {
  const driver = driverOf(prisma);
  return driver.engine === 'postgres' ? postgresStatements(driver.pool) : sqliteStatements(driver.connection);
}

/** Prepared once on Prisma's own connection; the insert shares the chat turns' group commit. */
function sqliteStatements(connection: SqliteConnection): WebChatSecretStatements {
  const { db } = connection;
  const commits = sharedGroupCommit(connection);
  const byId = db.prepare<[string], WebConversationRow>(sqliteText(BY_ID)).safeIntegers(false);
  const byUser = db.prepare<[string], WebConversationRow>(sqliteText(BY_USER)).safeIntegers(false);
  const hash = db.prepare<[string], { secretHash: string }>(sqliteText(HASH)).safeIntegers(false);
  const insert = db.prepare<[string, string, string]>(sqliteText(INSERT));
  return {
    byId: async (id) => byId.get(id),
    byUser: async (user) => byUser.get(user),
    secretHash: async (id) => hash.get(id)?.secretHash,
    insert: (id, secretHash, at) => commits.submit(() => insert.run(id, secretHash, sqlDate(at)).changes > 0),
  };
}

/** Named statements: each pooled connection plans them once. */
function postgresStatements(pool: pg.Pool): WebChatSecretStatements {
  const first = async <T extends pg.QueryResultRow>(name: string, text: string, values: string[]) =>
    (await pool.query<T>({ name, text, values })).rows[0];
  return {
    byId: (id) => first<WebConversationRow>('web-secret-by-id', BY_ID, [id]),
    byUser: (user) => first<WebConversationRow>('web-secret-by-user', BY_USER, [user]),
    secretHash: async (id) =>
      (await first<{ secretHash: string }>('web-secret-hash', HASH, [id]))?.secretHash,
    async insert(id, secretHash, at) {
      const result = await pool.query({
        name: 'web-secret-insert',
        text: INSERT,
        values: [id, secretHash, pgTimestamp(at)],
      });
      return (result.rowCount ?? 0) > 0;
    },
  };
}
