import type { EmployerRegistry } from '../employers/employer-registry.js';
import { employerKey } from '../tickets/employer-key.js';
import type { TicketReads } from '../tickets/ticket-reads.js';

export const REPEAT_COMPLAINTS = 3;
export const RISK_WINDOW_DAYS = 30;

export type RiskWarning =
  | {
      kind: 'repeat-employer';
      employer: string;
      /** The employer entity (employers/employer-registry.ts) all these spellings mean. */
      employerId: string;
      count: number;
      tickets: string[];
      officeId: string;
    }
  | {
      kind: 'collective';
      ticket: string;
      employer: string | null;
      workerCount: number | null;
      officeId: string;
      createdAt: string;
    };

/**
 * Warnings for the office: an employer with 3 or more complaints in the last 30 days (one
 * employer entity however its name was typed: the registry's, else the normalised name), and
 * every collective case (10+ workers) filed in that window.
 */
export async function riskWarnings(
  tickets: Pick<TicketReads, 'filedSince'>,
  officeIds: string[],
  now: Date,
  employers?: Pick<EmployerRegistry, 'resolve'>,
): Promise<RiskWarning[]> {
  const since = new Date(now.getTime() - RISK_WINDOW_DAYS * 86_400_000);
  const recent = await tickets.filedSince(officeIds, since);
  const entities = employers ? await employers.resolve(recent.map((t) => t.employer)) : new Map();
  const byEmployer = new Map<string, typeof recent>();
  for (const ticket of recent) {
    const name = employerKey(ticket.employer);
    if (!name) continue;
    const key = (ticket.employer && entities.get(ticket.employer)?.id) || `name:${name}`;
    byEmployer.set(key, [...(byEmployer.get(key) ?? []), ticket]);
  }
  const warnings: RiskWarning[] = [];
  for (const [key, tickets] of byEmployer) {
    if (tickets.length < REPEAT_COMPLAINTS) continue;
    const first = tickets[0] as (typeof recent)[number];
    warnings.push({
      kind: 'repeat-employer',
      employer: (first.employer && entities.get(first.employer)?.name) || (first.employer ?? ''),
      employerId: key,
      count: tickets.length,
      tickets: tickets.map((t) => t.number),
      officeId: first.officeId,
    });
  }
  for (const ticket of recent.filter((t) => t.collective)) {
    warnings.push({
      kind: 'collective',
      ticket: ticket.number,
      employer: ticket.employer,
      workerCount: ticket.workerCount,
      officeId: ticket.officeId,
      createdAt: ticket.createdAt.toISOString(),
    });
  }
  return warnings;
}
