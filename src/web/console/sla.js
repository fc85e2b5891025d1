// SLA warnings: tickets due within the office's warning window (or already overdue), as a badge
// on the tickets tab and a list above the tickets, so staff act before the due time.
import { api } from './api.js';
import { $, clear, el, t, time } from './dom.js';

export async function pollSla(onOpen) {
  let tickets = [];
  try {
    tickets = (await api('GET', '/api/staff/sla-warnings')).tickets;
  } catch {
    return;
  }
  const badge = $('sla-count');
  badge.textContent = String(tickets.length);
  badge.hidden = tickets.length === 0;
  const box = clear($('sla-list'));
  box.hidden = tickets.length === 0;
  if (!tickets.length) return;
  box.append(
    el('h3', { text: t('sla.title') }),
    el(
      'ul',
      {},
      tickets.map((x) =>
        el('li', { class: x.overdue ? 'overdue' : 'due-soon' }, [
          el('a', {
            href: '#',
            text: x.number,
            onclick: (e) => {
              e.preventDefault();
              onOpen(x.number);
            },
          }),
          ` · ${x.employer ?? ''} · ${t(x.overdue ? 'sla.overdue' : 'sla.dueIn', { hours: Math.max(0, x.hoursLeft) })} · ${time(x.dueAt)}`,
        ]),
      ),
    ),
  );
}
