import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db/create-prisma.js';
import { createWebChatSecretStatements, type WebConversationRow } from './web-chat-secret-statements.js';

/** The header a client sends its secret in (the socket, which cannot set headers, uses the query). */
export const CLIENT_SECRET_HEADER = 'x-client-secret';

export type SecretCheck =
  /** The secret matches. */
  | 'ok'
  /** The conversation has no secret yet: new, or from before secrets (it gets one now). */
  | 'unset'
  | 'missing'
  | 'wrong';

const digest = (secret: string) => createHash('sha256').update(secret).digest();

function verify(secretHash: string | null | undefined, secret: string | undefined): SecretCheck {
  if (!secretHash) return 'unset';
  if (!secret) return 'missing';
  const expected = Buffer.from(secretHash, 'base64');
  const given = digest(secret);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'wrong';
}

/**
 * A web conversation belongs to whoever holds the secret issued with its first reply. Only a
 * digest is stored, so the database alone cannot be used to speak as a worker. Reads and the
 * write go through statements prepared once (web-chat-secret-statements.ts), not Prisma.
 */
export function createWebChatSecrets(prisma: Db) {
  const statements = createWebChatSecretStatements(prisma);
  return {
    async check(conversationId: string, secret: string | undefined): Promise<SecretCheck> {
      return verify(await statements.secretHash(conversationId), secret);
    },

    /** The check against a conversation `find` already read with its secret: no second read. */
    verify(conversation: WebConversationRow, secret: string | undefined): SecretCheck {
      return verify(conversation.secretHash, secret);
    },

    /** A new secret for a conversation that has none; undefined if a parallel request won. */
    async issue(conversationId: string): Promise<string | undefined> {
      const secret = randomBytes(32).toString('base64url');
      const stored = await statements.insert(conversationId, digest(secret).toString('base64'), new Date());
      return stored ? secret : undefined;
    },

    /** The web conversation a request names, by id or by the browser's own id, with its secret's digest. */
    async find(ref: {
      conversationId?: string;
      channelUserId?: string;
    }): Promise<WebConversationRow | undefined> {
      if (ref.conversationId) return statements.byId(ref.conversationId);
      return ref.channelUserId ? statements.byUser(ref.channelUserId) : undefined;
    },
  };
}

export type WebChatSecrets = ReturnType<typeof createWebChatSecrets>;
