// Employers & cases: tickets near their arbitration limit, collective cases (suggested at three
// open complaints against one employer, created from chosen tickets, one status), and employers
// as one entity (merge two, record the 统一社会信用代码).
import { api } from './api.js';
import { $, clear, el, field, flash, select, t } from './dom.js';

const CASE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'];
let me;

export function initMeasures(staff) {
  me = staff;
}

async function run(call) {
  try {
    await call();
    flash(t('tickets.done'));
    await loadMeasures();
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

function form(children, submit) {
  const node = el('form', { class: 'action' }, children);
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => submit(new FormData(node)));
  });
  return node;
}

const card = (title, children, extra = '') =>
  el('section', { class: `card ${extra}` }, [el('h3', { text: title }), ...children]);

function nearLimitCard(tickets) {
  return card(t('measures.nearLimit'), [
    tickets.length
      ? el(
          'ul',
          {},
          tickets.map((x) =>
            el('li', {
              class: `limit-${x.limit.warning}`,
              text: t('measures.nearLine', {
                number: x.number,
                employer: x.employer ?? '',
                date: x.limit.lastDay,
                days: x.limit.daysLeft,
              }),
            }),
          ),
        )
      : el('p', { text: t('measures.noneNear') }),
  ]);
}

function casesCard(suggestions, cases) {
  const create = (tickets) => api('POST', '/api/staff/cases', { tickets });
  return card(t('measures.cases'), [
    el('h4', { text: t('measures.suggestions') }),
    suggestions.length ? null : el('p', { class: 'muted', text: t('measures.noSuggestions') }),
    el(
      'ul',
      {},
      suggestions.map((s) =>
        el('li', {}, [
          `${t('measures.suggestLine', { employer: s.employer, count: s.tickets.length })} `,
          el('button', {
            type: 'button',
            text: t('measures.createCase'),
            onclick: () => run(() => create(s.tickets)),
          }),
        ]),
      ),
    ),
    form(
      [
        field(t('measures.selectTickets'), el('input', { name: 'tickets', required: true, size: 40 })),
        el('button', { type: 'submit', text: t('measures.createCase') }),
      ],
      (data) =>
        create(
          String(data.get('tickets'))
            .split(/[,，\s]+/)
            .filter(Boolean),
        ),
    ),
    cases.length
      ? el('ul', { id: 'case-list' }, cases.map(caseItem))
      : el('p', { text: t('measures.noCases') }),
  ]);
}

function caseItem(c) {
  const workers = el('ul', { class: 'workers' });
  const item = el('li', {}, [
    el('a', {
      href: '#',
      text: t('measures.caseOf', {
        employer: c.employer,
        status: t(`measures.caseStatus.${c.status}`),
        count: c.tickets,
      }),
      onclick: async (event) => {
        event.preventDefault();
        const view = await api('GET', `/api/staff/cases/${c.id}`);
        clear(workers).append(
          ...view.workers.map((w) =>
            el('li', {
              text: `${w.number} · ${w.claimantNameMasked} ${w.phoneMasked} · ${t(`ticketStatus.${w.status}`)}`,
            }),
          ),
          view.elsewhere
            ? el('li', { class: 'muted', text: t('measures.elsewhere', { count: view.elsewhere }) })
            : '',
        );
      },
    }),
    form(
      [
        select(
          'status',
          CASE_STATUSES.map((s) => [s, t(`measures.caseStatus.${s}`)]),
          c.status,
        ),
        el('button', { type: 'submit', text: t('measures.setStatus') }),
      ],
      (data) => api('POST', `/api/staff/cases/${c.id}/status`, { status: data.get('status') }),
    ),
    workers,
  ]);
  return item;
}

function employersCard(items) {
  const oversee = me.role !== 'agent';
  const options = items.map((e) => [e.id, e.name]);
  return card(
    t('measures.employers'),
    [
      el('table', { class: 'list' }, [
        el('tr', {}, [
          el('th', { text: t('measures.employer') }),
          el('th', { text: t('measures.spellings') }),
          el('th', { text: t('measures.tickets') }),
          el('th', { text: t('measures.creditCode') }),
          oversee ? el('th') : null,
        ]),
        ...items.map((e) =>
          el('tr', {}, [
            el('td', { text: e.name }),
            el('td', { text: e.spellings.join(' / ') }),
            el('td', { class: 'num', text: String(e.tickets) }),
            el('td', { text: e.creditCode ?? '' }),
            oversee
              ? el('td', {}, [
                  form(
                    [
                      field(
                        t('measures.creditCode'),
                        el('input', { name: 'code', required: true, size: 20, maxlength: 24 }),
                      ),
                      el('button', { type: 'submit', text: t('measures.setCode') }),
                    ],
                    (data) =>
                      api('PUT', `/api/staff/employers/${encodeURIComponent(e.id)}/credit-code`, {
                        creditCode: data.get('code'),
                      }),
                  ),
                  form(
                    [
                      field(
                        t('measures.mergeInto'),
                        select(
                          'into',
                          options.filter(([id]) => id !== e.id),
                        ),
                      ),
                      el('button', { type: 'submit', text: t('measures.merge') }),
                    ],
                    (data) =>
                      api('POST', '/api/staff/employers/merge', { from: e.id, into: data.get('into') }),
                  ),
                ])
              : null,
          ]),
        ),
      ]),
    ],
    'employers',
  );
}

export async function loadMeasures() {
  try {
    const [limits, suggestions, cases, employers] = await Promise.all([
      api('GET', '/api/staff/limits'),
      api('GET', '/api/staff/cases/suggestions'),
      api('GET', '/api/staff/cases'),
      api('GET', '/api/staff/employers'),
    ]);
    clear($('measures')).append(
      nearLimitCard(limits.tickets),
      casesCard(suggestions.suggestions, cases.items),
      employersCard(employers.items),
    );
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}
