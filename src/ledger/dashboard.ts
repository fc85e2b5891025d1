import type { Db } from '../platform/db/create-prisma.js';
import { effectiveStatus } from '../supervision/document-kinds.js';
import type { Period } from './ledger-rows.js';

const TOP = 20;

/** Counts for the office's dashboard over a period: tickets by status, region, industry, employer; documents by kind and status. */
export async function dashboardCounts(prisma: Db, officeIds: string[], period: Period, now: Date) {
  const where = {
    officeId: { in: officeIds },
    ...(period.from || period.to ? { createdAt: { gte: period.from, lte: period.to } } : {}),
  };
  const count = async (by: 'status' | 'regionCode' | 'industry' | 'employer' | 'priority') => {
    const groups = await prisma.ticket.groupBy({ by: [by], where, _count: { _all: true } });
    return groups
      .map((g) => ({ key: (g[by] as string | null) ?? '', count: g._count._all }))
      .sort((a, b) => b.count - a.count)
      .slice(0, TOP);
  };
  const [byStatus, byRegion, byIndustry, byEmployer, byPriority, total, overdue, docs] = await Promise.all([
    count('status'),
    count('regionCode'),
    count('industry'),
    count('employer'),
    count('priority'),
    prisma.ticket.count({ where }),
    prisma.ticket.count({
      where: {
        ...where,
        dueAt: { lt: now },
        status: { in: ['submitted', 'accepted', 'in_progress', 'transferred'] },
      },
    }),
    prisma.supervisionDocument.findMany({
      where: {
        officeId: { in: officeIds },
        ...(period.from || period.to ? { issuedAt: { gte: period.from, lte: period.to } } : {}),
      },
      select: { kind: true, status: true, deadlineAt: true },
    }),
  ]);
  const documents: Record<string, Record<string, number>> = {};
  for (const doc of docs) {
    const status = effectiveStatus(doc.status, doc.deadlineAt, now);
    documents[doc.kind] ??= {};
    const byKind = documents[doc.kind] as Record<string, number>;
    byKind[status] = (byKind[status] ?? 0) + 1;
  }
  return {
    tickets: {
      total,
      overdue,
      byStatus,
      byPriority,
      byRegion,
      byIndustry,
      byEmployer: byEmployer.filter((e) => e.key),
    },
    documents,
  };
}
