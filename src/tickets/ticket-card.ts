import type { TicketReceipt } from '../messages/messages.js';
import type { Translate } from '../platform/i18n/create-i18n.js';

/** The fields of a ticket that a status card shows: no personal data, nothing decrypted. */
export interface TicketCardSource {
  number: string;
  status: string;
  priority: string;
  dueAt: string;
  office: { name: string; regionCode: string };
}

/**
 * The ticket card a worker sees with a status answer or a status notice (one shape for both).
 * `status` stays the code (clients and subscriptions key on it); `statusLabel` is what the card
 * shows, in the worker's language, the same words the console uses (办理中, not in_progress).
 */
export function ticketCard(ticket: TicketCardSource, t: Translate): TicketReceipt {
  return {
    number: ticket.number,
    status: ticket.status,
    statusLabel: t(`tickets:status.${ticket.status}`),
    priority: ticket.priority,
    dueAt: ticket.dueAt,
    office: { name: ticket.office.name, regionCode: ticket.office.regionCode },
  };
}
