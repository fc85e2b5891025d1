import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db/create-prisma.js';

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

/**
 * A web conversation belongs to whoever holds the secret issued with its first reply. Only a
 * digest is stored, so the database alone cannot be used to speak as a worker.
 */
export function createWebChatSecrets(prisma: Db) {
  return {
    async check(conversationId: string, secret: string | undefined): Promise<SecretCheck> {
      const row = await prisma.webChatSecret.findUnique({ where: { conversationId } });
      if (!row) return 'unset';
      if (!secret) return 'missing';
      const expected = Buffer.from(row.secretHash, 'base64');
      const given = digest(secret);
      return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'wrong';
    },

    /** A new secret for a conversation that has none; undefined if a parallel request won. */
    async issue(conversationId: string): Promise<string | undefined> {
      const secret = randomBytes(32).toString('base64url');
      try {
        await prisma.webChatSecret.create({
          data: { conversationId, secretHash: digest(secret).toString('base64') },
        });
        return secret;
      } catch (err) {
        if ((err as { code?: string }).code === 'P2002') return undefined;
        throw err;
      }
    },

    /** The web conversation a request names, by id or by the browser's own id. */
    async find(ref: { conversationId?: string; channelUserId?: string }) {
      if (ref.conversationId) {
        const row = await prisma.conversation.findUnique({ where: { id: ref.conversationId } });
        // Only web conversations are reachable here: a WeChat user's id must not open theirs.
        return row?.channel === 'web' ? row : undefined;
      }
      if (!ref.channelUserId) return undefined;
      return (
        (await prisma.conversation.findUnique({
          where: { channel_externalUserId: { channel: 'web', externalUserId: ref.channelUserId } },
        })) ?? undefined
      );
    },
  };
}

export type WebChatSecrets = ReturnType<typeof createWebChatSecrets>;
