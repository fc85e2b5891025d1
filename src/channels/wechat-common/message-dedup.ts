import type { Db } from '../../platform/db/create-prisma.js';

/**
 * Which channel messages were already taken. In the database, not in memory: WeChat retries a
 * message it got no answer to (also across our restart), and a duplicate answer or a second
 * intake step is worse than none. An interface, so a shared store (Redis) can stand in for it.
 */
export interface MessageDedup {
  /** True when this caller should handle the message now; false when it was taken before. */
  claim(channel: string, messageId: string): Promise<boolean>;
  /** The message's turn is saved: its claim is final. */
  done(channel: string, messageId: string): Promise<void>;
}

export interface DbMessageDedupOptions {
  /** A claim not done after this long belonged to a process that died: it may be taken again. */
  staleClaimMs?: number;
  /** How long a message id is remembered (WeChat keeps messages for three days). */
  keepMs?: number;
  now?: () => Date;
}

const PRUNE_EVERY = 500;

export function createDbMessageDedup(prisma: Db, options: DbMessageDedupOptions = {}): MessageDedup {
  const staleClaimMs = options.staleClaimMs ?? 2 * 60_000;
  const keepMs = options.keepMs ?? 4 * 24 * 3_600_000;
  const now = options.now ?? (() => new Date());
  let claims = 0;

  async function prune(at: Date) {
    await prisma.channelMessageSeen.deleteMany({
      where: { claimedAt: { lt: new Date(at.getTime() - keepMs) } },
    });
  }

  return {
    async claim(channel, messageId) {
      const at = now();
      if (++claims % PRUNE_EVERY === 1) await prune(at);
      try {
        await prisma.channelMessageSeen.create({ data: { channel, messageId, claimedAt: at } });
        return true;
      } catch (err) {
        // P2002: the id is there. Taken again only if its claim was never finished and is stale;
        // one conditional statement, so two processes cannot both retake it.
        if ((err as { code?: string }).code !== 'P2002') throw err;
        const retaken = await prisma.channelMessageSeen.updateMany({
          where: {
            channel,
            messageId,
            doneAt: null,
            claimedAt: { lt: new Date(at.getTime() - staleClaimMs) },
          },
          data: { claimedAt: at },
        });
        return retaken.count === 1;
      }
    },

    async done(channel, messageId) {
      await prisma.channelMessageSeen.updateMany({ where: { channel, messageId }, data: { doneAt: now() } });
    },
  };
}
