import type { Db } from '../platform/db/create-prisma.js';
import { DomainError } from '../platform/domain-error.js';

export const DEFAULT_CAPACITY = 3;
export const MAX_CAPACITY = 50;

/** A staff member as the roster needs them (the staff domain's rows, read through a function). */
export interface RosterStaff {
  id: string;
  displayName: string;
  officeId: string;
  active: boolean;
}

export interface RosterEntry {
  staffId: string;
  displayName: string;
  onDuty: boolean;
  capacity: number;
  /** Chats this person holds now. */
  load: number;
  lastAssignedAt: string | null;
}

/**
 * Who of an office is on duty for live chats, how many chats each may hold (capacity, set by an
 * admin) and how many they hold now. A staff member with no row is off duty.
 */
export function createDutyRoster(deps: {
  prisma: Db;
  staffOf: (officeId: string) => Promise<RosterStaff[]>;
}) {
  const { prisma } = deps;

  async function loads(staffIds: string[]): Promise<Map<string, number>> {
    const held = await prisma.handoff.groupBy({
      by: ['claimedById'],
      where: { status: 'claimed', claimedById: { in: staffIds } },
      _count: { _all: true },
    });
    return new Map(held.map((row) => [row.claimedById ?? '', row._count._all]));
  }

  return {
    async roster(officeId: string): Promise<RosterEntry[]> {
      const staff = (await deps.staffOf(officeId)).filter((s) => s.active && s.officeId === officeId);
      const ids = staff.map((s) => s.id);
      const [duties, held] = await Promise.all([
        prisma.staffDuty.findMany({ where: { staffId: { in: ids } } }),
        loads(ids),
      ]);
      const byId = new Map(duties.map((d) => [d.staffId, d]));
      return staff.map((s) => {
        const duty = byId.get(s.id);
        return {
          staffId: s.id,
          displayName: s.displayName,
          onDuty: duty?.onDuty ?? false,
          capacity: duty?.capacity ?? DEFAULT_CAPACITY,
          load: held.get(s.id) ?? 0,
          lastAssignedAt: duty?.lastAssignedAt?.toISOString() ?? null,
        };
      });
    },

    async setOnDuty(staffId: string, onDuty: boolean) {
      await prisma.staffDuty.upsert({
        where: { staffId },
        create: { staffId, onDuty },
        update: { onDuty },
      });
    },

    async setCapacity(staffId: string, capacity: number) {
      if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_CAPACITY)
        throw new DomainError('invalid', `Capacity is a whole number from 0 to ${MAX_CAPACITY}.`);
      await prisma.staffDuty.upsert({
        where: { staffId },
        create: { staffId, capacity },
        update: { capacity },
      });
    },

    async duty(staffId: string) {
      const row = await prisma.staffDuty.findUnique({ where: { staffId } });
      return { onDuty: row?.onDuty ?? false, capacity: row?.capacity ?? DEFAULT_CAPACITY };
    },

    /**
     * Round-robin order: those on duty with room (load below capacity), the one given a chat
     * longest ago (never first) first. Read without a lock: the claim itself checks the room
     * again in the database (handoff/capacity-claim.ts), so a place another instance just took
     * only sends the chat on to the next person.
     */
    async free(officeId: string): Promise<RosterEntry[]> {
      const free = (await this.roster(officeId)).filter((e) => e.onDuty && e.load < e.capacity);
      return free.sort((a, b) => (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? ''));
    },

    /** Move them to the back of the round-robin: they were just given a chat. */
    async markAssigned(staffId: string, at: Date) {
      await prisma.staffDuty.update({ where: { staffId }, data: { lastAssignedAt: at } });
    },
  };
}

export type DutyRoster = ReturnType<typeof createDutyRoster>;
