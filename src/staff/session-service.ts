import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../platform/db/create-prisma.js';

export type SessionKind = 'cookie' | 'bearer';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Write lastSeenAt at most this often: a busy console must not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Staff sessions. The token goes to the client once; the database keeps only its hash. Every
 * login creates a fresh token (never reuses one the browser brought), so a planted session id
 * is worthless: that is the session-fixation defence.
 */
export function createSessionService(prisma: Db, options: { cookieHours: number; bearerDays: number }) {
  return {
    async create(staffId: string, kind: SessionKind, label?: string) {
      const token = newToken();
      const csrfToken = kind === 'cookie' ? newToken() : null;
      const lifetimeMs =
        kind === 'cookie' ? options.cookieHours * 3_600_000 : options.bearerDays * 86_400_000;
      const session = await prisma.staffSession.create({
        data: {
          tokenHash: tokenHash(token),
          staffId,
          kind,
          csrfToken,
          label: label ?? null,
          expiresAt: new Date(Date.now() + lifetimeMs),
        },
      });
      return { token, csrfToken, session };
    },

    /** The live session for a token, with its staff member; undefined when unknown, expired or revoked. */
    async find(token: string, kind: SessionKind) {
      const session = await prisma.staffSession.findUnique({
        where: { tokenHash: tokenHash(token) },
        include: { staff: true },
      });
      if (!session || session.kind !== kind || session.revokedAt) return undefined;
      if (session.expiresAt.getTime() <= Date.now() || !session.staff.active) return undefined;
      if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await prisma.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
      }
      return session;
    },

    async revoke(id: string): Promise<void> {
      await prisma.staffSession.updateMany({
        where: { id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    },

    async revokeToken(token: string): Promise<void> {
      await prisma.staffSession.updateMany({
        where: { tokenHash: tokenHash(token), revokedAt: null },
        data: { revokedAt: new Date() },
      });
    },

    async revokeAllFor(staffId: string): Promise<void> {
      await prisma.staffSession.updateMany({
        where: { staffId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
