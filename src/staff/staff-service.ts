import type { Db } from '../platform/db/create-prisma.js';
import type { Staff } from '../platform/db/db-types.js';
import { DomainError } from '../platform/domain-error.js';
import { dummyPasswordHash, hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.js';
import type { Role } from './roles.js';

export interface NewStaff {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  officeId: string;
  extraOfficeIds?: string[];
  includeSubOffices?: boolean;
}

export type LoginResult =
  | { ok: true; staff: Staff }
  | { ok: false; reason: 'invalid' | 'locked'; retryAfterSeconds?: number };

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

function lockedFor(until: Date, now: number): LoginResult {
  return {
    ok: false,
    reason: 'locked',
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now) / 1000)),
  };
}

export const USERNAME_PATTERN = '^[A-Za-z0-9._-]{3,40}$';

/** Staff accounts: creation, password login with lockout, listing. */
export function createStaffService(prisma: Db, lockout: LockoutPolicy) {
  return {
    async create(input: NewStaff): Promise<Staff> {
      if (!new RegExp(USERNAME_PATTERN).test(input.username)) {
        throw new DomainError(
          'invalid',
          'Username must be 3–40 letters, digits, dots, dashes or underscores.',
        );
      }
      if (input.password.length < PASSWORD_MIN_LENGTH) {
        throw new DomainError('invalid', `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`);
      }
      const office = await prisma.unionOffice.findUnique({ where: { id: input.officeId } });
      if (!office) throw new DomainError('invalid', `Union office ${input.officeId} does not exist.`);
      const existing = await prisma.staff.findUnique({ where: { username: input.username } });
      if (existing) throw new DomainError('conflict', `Username ${input.username} is taken.`);
      return prisma.staff.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          passwordHash: await hashPassword(input.password),
          role: input.role,
          officeId: input.officeId,
          extraOfficeIds: JSON.stringify(input.extraOfficeIds ?? []),
          includeSubOffices: input.includeSubOffices ?? false,
        },
      });
    },

    /**
     * Check a password. After `maxFailures` wrong passwords in a row the account is locked for
     * `lockMinutes`, even against the right password, so guessing is slow whatever the source IP.
     */
    async login(username: string, password: string): Promise<LoginResult> {
      const staff = await prisma.staff.findUnique({ where: { username } });
      if (!staff?.active) {
        await verifyPassword(await dummyPasswordHash(), password);
        return { ok: false, reason: 'invalid' };
      }
      const now = Date.now();
      if (staff.lockedUntil && staff.lockedUntil.getTime() > now) return lockedFor(staff.lockedUntil, now);
      // Every write below is conditional in the database, never "read, then write back": the
      // hash check is slow and asynchronous, so parallel guesses all read the same counter.
      const notLocked = { OR: [{ lockedUntil: null }, { lockedUntil: { lte: new Date(now) } }] };
      if (!(await verifyPassword(staff.passwordHash, password))) {
        await prisma.staff.updateMany({
          where: { id: staff.id, ...notLocked },
          data: { failedLogins: { increment: 1 } },
        });
        const lockedUntil = new Date(now + lockout.lockMinutes * 60_000);
        const locked = await prisma.staff.updateMany({
          where: { id: staff.id, ...notLocked, failedLogins: { gte: lockout.maxFailures } },
          data: { failedLogins: 0, lockedUntil },
        });
        if (locked.count > 0) return lockedFor(lockedUntil, now);
        const after = await prisma.staff.findUnique({
          where: { id: staff.id },
          select: { lockedUntil: true },
        });
        if (after?.lockedUntil && after.lockedUntil.getTime() > now) return lockedFor(after.lockedUntil, now);
        return { ok: false, reason: 'invalid' };
      }
      // The right password wins only if no parallel guess locked the account meanwhile.
      const signedIn = await prisma.staff.updateMany({
        where: { id: staff.id, ...notLocked },
        data: { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() },
      });
      const updated = await prisma.staff.findUniqueOrThrow({ where: { id: staff.id } });
      if (signedIn.count === 0 && updated.lockedUntil) return lockedFor(updated.lockedUntil, now);
      return { ok: true, staff: updated };
    },

    async list(officeIds: string[]) {
      return prisma.staff.findMany({ where: { officeId: { in: officeIds } }, orderBy: { username: 'asc' } });
    },

    /** Names to show for staff ids (timelines, ledgers); unknown ids are left out. */
    async displayNames(ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await prisma.staff.findMany({
        where: { id: { in: ids } },
        select: { id: true, displayName: true },
      });
      return new Map(rows.map((row) => [row.id, row.displayName]));
    },

    async get(id: string) {
      return prisma.staff.findUnique({ where: { id } });
    },

    async setPassword(id: string, password: string): Promise<void> {
      if (password.length < PASSWORD_MIN_LENGTH) {
        throw new DomainError('invalid', `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`);
      }
      await prisma.staff.update({ where: { id }, data: { passwordHash: await hashPassword(password) } });
    },

    async setActive(id: string, active: boolean): Promise<void> {
      await prisma.staff.update({ where: { id }, data: { active } });
    },

    async update(
      id: string,
      change: { displayName?: string; role?: Role; includeSubOffices?: boolean; extraOfficeIds?: string[] },
    ): Promise<void> {
      await prisma.staff.update({
        where: { id },
        data: {
          ...(change.displayName ? { displayName: change.displayName } : {}),
          ...(change.role ? { role: change.role } : {}),
          ...(change.includeSubOffices !== undefined ? { includeSubOffices: change.includeSubOffices } : {}),
          ...(change.extraOfficeIds ? { extraOfficeIds: JSON.stringify(change.extraOfficeIds) } : {}),
        },
      });
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;

/** The account as the API shows it: never the hash, never lockout internals. */
export function publicStaff(staff: Staff) {
  return {
    id: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    role: staff.role,
    officeId: staff.officeId,
    active: staff.active,
    includeSubOffices: staff.includeSubOffices,
    lastLoginAt: staff.lastLoginAt?.toISOString() ?? null,
  };
}
