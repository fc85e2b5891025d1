import { effectiveStatus } from '../supervision/document-kinds.js';
import type { TicketCountField, TicketReads } from '../tickets/ticket-reads.js';
import type { Period } from './ledger-rows.js';

const TOP = 20;

/** What the dashboard reads, each from the domain that owns it. */
export interface DashboardSources {
  tickets: Pick<TicketReads, 'countBy' | 'count'>;
  /** The offices' 一函两书 issued in the period (from the supervision service). */
  documents: (
    officeIds: string[],
    period: Period,
  ) => Promise<{ kind: string; status: string; deadlineAt: Date | null }[]>;
}

/** Counts for the office's dashboard over a period: tickets by status, region, industry, employer; documents by kind and status. */
export async function dashboardCounts(
  sources: DashboardSources,
  officeIds: string[],
  period: Period,
  now: Date,
) {
  const count = (by: TicketCountField) => sources.tickets.countBy(officeIds, period, by, TOP);
  const [byStatus, byRegion, byIndustry, byEmployer, byPriority, total, overdue, docs] = await Promise.all([
    count('status'),
    count('regionCode'),
    count('industry'),
    count('employer'),
    count('priority'),
    sources.tickets.count(officeIds, period),
    sources.tickets.count(officeIds, period, { overdueAt: now }),
    sources.documents(officeIds, period),
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
