// One search box for tickets (number, employer, phone) and chats (what was written), answered
// by the server inside this person's offices only.
import { api } from './api.js';
import { $, clear, el, flash, t, time } from './dom.js';

export function initSearch(showTab, openTicket) {
  $('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = $('search-q').value.trim();
    if (q.length < 2) return;
    try {
      const found = await api('GET', `/api/staff/search?q=${encodeURIComponent(q)}`);
      render(found, showTab, openTicket);
      showTab('search');
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  });
}

function render({ tickets, chats, chatsSearched }, showTab, openTicket) {
  const box = clear($('search-results'));
  box.append(el('h2', { text: t('search.tickets', { count: tickets.length }) }));
  box.append(
    el(
      'ul',
      { id: 'search-tickets' },
      tickets.map((x) =>
        el('li', {}, [
          el('a', {
            href: '#',
            text: x.number,
            onclick: (e) => {
              e.preventDefault();
              showTab('tickets');
              openTicket(x.number);
            },
          }),
          ` · ${t(`ticketStatus.${x.status}`)} · ${x.employer ?? ''} · ${x.claimantNameMasked} ${x.phoneMasked}`,
        ]),
      ),
    ),
    el('h2', { text: t('search.chats', { count: chats.length }) }),
    // The server walks chats newest first and stops far back: say so rather than imply "none".
    chatsSearched && !chatsSearched.complete
      ? el('p', { class: 'muted', text: t('search.partial', { count: chatsSearched.count }) })
      : '',
    el(
      'ul',
      { id: 'search-chats' },
      chats.map((c) =>
        el('li', {}, [
          el('strong', { text: t(`status.${c.status}`) }),
          ` · ${time(c.at)}${c.ticketNumber ? ` · ${t('chats.ticket', { number: c.ticketNumber })}` : ''}`,
          el('p', { text: c.snippet }),
        ]),
      ),
    ),
  );
}
