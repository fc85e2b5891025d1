import type { Db } from '../platform/db/create-prisma.js';
import type { StaffPrincipal } from './roles.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  officeId?: string | null;
}

/** Records who looked at a claimant's personal data (or exported it), and when. Never the data itself. */
export function createAuditLog(prisma: Db) {
  return {
    async record(staff: Pick<StaffPrincipal, 'id'>, entry: AuditEntry): Promise<void> {
      await prisma.auditLog.create({
        data: {
          staffId: staff.id,
          action: entry.action,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
          officeId: entry.officeId ?? null,
        },
      });
    },

    async list(filter: { officeIds: string[]; subjectId?: string; staffId?: string; take?: number }) {
      return prisma.auditLog.findMany({
        where: {
          officeId: { in: filter.officeIds },
          ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
          ...(filter.staffId ? { staffId: filter.staffId } : {}),
        },
        orderBy: { createdAt: 'desc' },
        take: filter.take ?? 200,
      });
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
