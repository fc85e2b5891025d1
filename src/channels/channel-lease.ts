import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/create-prisma.js';

export interface ChannelLease {
  /** This process's name in the lease table. */
  readonly holder: string;
  /** Take the lease if it is free or lapsed, or renew it if this process holds it. */
  acquire(): Promise<boolean>;
  /** Who holds it now, if anyone does and it has not lapsed. */
  current(): Promise<{ holder: string; expiresAt: Date } | undefined>;
  /** Give it up (on shutdown), so another process need not wait for it to lapse. */
  release(): Promise<void>;
}

/**
 * A lease in the database for a channel that must run in one process only: two wechaty bots on
 * one account would both answer every message. Each step is one conditional statement, so two
 * processes racing for it cannot both win.
 */
export function createChannelLease(
  prisma: Db,
  name: string,
  ttlMs: number,
  now: () => Date = () => new Date(),
): ChannelLease {
  const holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  return {
    holder,
    async acquire() {
      const at = now();
      const expiresAt = new Date(at.getTime() + ttlMs);
      const renewed = await prisma.channelLease.updateMany({
        where: { name, OR: [{ holder }, { expiresAt: { lt: at } }] },
        data: { holder, expiresAt },
      });
      if (renewed.count === 1) return true;
      try {
        await prisma.channelLease.create({ data: { name, holder, expiresAt } });
        return true;
      } catch (err) {
        // P2002: the row exists and has not lapsed, so someone else holds it.
        if ((err as { code?: string }).code === 'P2002') return false;
        throw err;
      }
    },
    async current() {
      const row = await prisma.channelLease.findUnique({ where: { name } });
      return row && row.expiresAt >= now() ? { holder: row.holder, expiresAt: row.expiresAt } : undefined;
    },
    async release() {
      await prisma.channelLease.deleteMany({ where: { name, holder } });
    },
  };
}
