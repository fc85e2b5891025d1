import type { OutboundMessage } from '../messages/messages.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import { ticketCard } from './ticket-card.js';
import type { StatusNoticeChange } from './ticket-service.js';

/** The message a worker gets when their ticket moves (no personal data in it). */
export function statusNotice(t: Translate, change: StatusNoticeChange): OutboundMessage {
  const { ticket, event } = change;
  const status = t(`tickets:status.${ticket.status}`);
  let text = t('tickets:notify.statusChanged', { number: ticket.number, status, office: ticket.office.name });
  if (ticket.status === 'rejected' && event.note)
    text += `\n${t('tickets:notify.reason', { reason: event.note })}`;
  if (ticket.status === 'transferred')
    text += `\n${t('tickets:notify.transferred', { office: ticket.office.name })}`;
  return {
    type: 'ticket',
    text,
    ticket: ticketCard(ticket, t),
  };
}
