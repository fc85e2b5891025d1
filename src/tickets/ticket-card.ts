import type { TicketReceipt } from '../messages/messages.js';

/** The fields of a ticket that a status card shows: no personal data, nothing decrypted. */
export interface TicketCardSource {
  number: string;
  status: string;
  priority: string;
  dueAt: string;
  office: { name: string; regionCode: string };
}

/** The ticket card a worker sees with a status answer or a status notice (one shape for both). */
export function ticketCard(ticket: TicketCardSource): TicketReceipt {
  return {
    number: ticket.number,
    status: ticket.status,
    priority: ticket.priority,
    dueAt: ticket.dueAt,
    office: { name: ticket.office.name, regionCode: ticket.office.regionCode },
  };
}
