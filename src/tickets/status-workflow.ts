import type { Result } from '../platform/result.js';
import type { TicketStatus } from './ticket-types.js';

/**
 * Which status may follow which. A transferred ticket waits for the new office to accept it;
 * a resolved one can be reopened; closed and rejected are final.
 */
const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  submitted: ['accepted', 'transferred', 'rejected', 'closed'],
  accepted: ['in_progress', 'transferred', 'resolved', 'rejected', 'closed'],
  in_progress: ['transferred', 'resolved', 'closed'],
  transferred: ['accepted', 'in_progress', 'transferred', 'rejected', 'closed'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  rejected: [],
};

export type TransitionCheck = Result<true>;

export function allowedNext(from: TicketStatus): readonly TicketStatus[] {
  return NEXT[from];
}

export function checkTransition(
  from: TicketStatus,
  to: TicketStatus,
  extra: { note?: string; toOfficeId?: string },
): TransitionCheck {
  if (!NEXT[from].includes(to)) {
    const options = NEXT[from].join(', ') || 'none (final)';
    return { ok: false, reason: `A ${from} ticket cannot become ${to}; next can be: ${options}.` };
  }
  if (to === 'rejected' && !extra.note?.trim()) return { ok: false, reason: 'A rejection needs a reason.' };
  if (to === 'transferred' && !extra.toOfficeId) {
    return { ok: false, reason: 'A transfer needs the office it goes to (toOfficeId).' };
  }
  // The receiving office reads why the case came to them before anything else.
  if (to === 'transferred' && !extra.note?.trim()) return { ok: false, reason: 'A transfer needs a reason.' };
  return { ok: true, value: true };
}

export function isOpen(status: TicketStatus): boolean {
  return status !== 'closed' && status !== 'rejected' && status !== 'resolved';
}

/**
 * The shortest way from one status to another through ordinary work (never by a transfer or a
 * rejection, which need an office or a reason): submitted → accepted → resolved. Empty when
 * already there, undefined when the workflow has no such way (a closed ticket stays closed).
 */
export function statusPath(from: TicketStatus, to: TicketStatus): TicketStatus[] | undefined {
  if (from === to) return [];
  const previous = new Map<TicketStatus, TicketStatus>([[from, from]]);
  const queue: TicketStatus[] = [from];
  while (queue.length) {
    const at = queue.shift() as TicketStatus;
    for (const next of NEXT[at]) {
      if (next === 'transferred' || next === 'rejected' || previous.has(next)) continue;
      previous.set(next, at);
      if (next === to) {
        const path: TicketStatus[] = [];
        for (let step: TicketStatus = to; step !== from; step = previous.get(step) as TicketStatus)
          path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return undefined;
}
