import type { FastifyInstance } from 'fastify';
import type { StaffPrincipal } from '../../staff/roles.js';
import { OPEN_STATUSES } from '../../tickets/ticket-views.js';

const HOUR_MS = 3_600_000;
const WARNINGS_MAX = 200;

/**
 * Tickets about to break their deadline: open tickets of the actor's offices due within the
 * office's warning window (HelpdeskSettings.slaWarningHours, default 24), and those already past
 * it, soonest first — so staff act before the due time, not after.
 */
export async function slaWarnings(app: FastifyInstance, staff: StaffPrincipal, at = new Date()) {
  const settings = await app.helpdesk.settings.many(staff.officeIds);
  const widest = Math.max(...[...settings.values()].map((s) => s.slaWarningHours));
  const { items } = await app.tickets.list({
    officeIds: staff.officeIds,
    status: OPEN_STATUSES,
    dueBefore: new Date(at.getTime() + widest * HOUR_MS),
    limit: 500,
  });
  return items
    .filter((item) => {
      const hours = settings.get(item.office.id)?.slaWarningHours ?? widest;
      return new Date(item.dueAt).getTime() - at.getTime() <= hours * HOUR_MS;
    })
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .slice(0, WARNINGS_MAX)
    .map((item) => ({
      number: item.number,
      status: item.status,
      priority: item.priority,
      employer: item.employer,
      office: item.office,
      dueAt: item.dueAt,
      overdue: new Date(item.dueAt).getTime() < at.getTime(),
      hoursLeft: Math.round(((new Date(item.dueAt).getTime() - at.getTime()) / HOUR_MS) * 10) / 10,
    }));
}
