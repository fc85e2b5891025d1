// Counts over a period, risk warnings and the ledger downloads.
import { api } from './api.js';
import { $, clear, el, field, flash, t } from './dom.js';

export function initDashboard(staff) {
  const form = $('dash-form');
  form.append(
    field(t('dashboard.from'), el('input', { type: 'date', name: 'from' })),
    field(t('dashboard.to'), el('input', { type: 'date', name: 'to' })),
    el('button', { type: 'submit', text: t('dashboard.refresh') }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    loadDashboard(staff);
  });
}

function period() {
  const form = $('dash-form');
  const query = new URLSearchParams();
  if (form.from.value) query.set('from', form.from.value);
  if (form.to.value) query.set('to', form.to.value);
  return query;
}

export async function loadDashboard(staff) {
  try {
    const data = await api('GET', `/api/staff/dashboard?${period()}`);
    const dash = clear($('dash'));
    const counts = (title, rows) =>
      el('section', { class: 'card' }, [
        el('h3', { text: title }),
        el(
          'table',
          {},
          rows.map((r) =>
            el('tr', {}, [el('td', { text: r.key }), el('td', { class: 'num', text: String(r.count) })]),
          ),
        ),
      ]);
    dash.append(
      el('section', { class: 'card totals' }, [
        el('div', {}, [
          el('span', { text: t('dashboard.total') }),
          el('strong', { text: String(data.tickets.total) }),
        ]),
        el('div', {}, [
          el('span', { text: t('dashboard.overdue') }),
          el('strong', { text: String(data.tickets.overdue) }),
        ]),
      ]),
      el('section', { class: 'card risks' }, [
        el('h3', { text: t('dashboard.risks') }),
        data.risks.length
          ? el(
              'ul',
              {},
              data.risks.map((r) =>
                el('li', {
                  class: r.kind,
                  text:
                    r.kind === 'repeat-employer'
                      ? t('dashboard.repeat', {
                          employer: r.employer,
                          count: r.count,
                          tickets: r.tickets.join('、'),
                        })
                      : t('dashboard.collective', {
                          ticket: r.ticket,
                          employer: r.employer ?? '',
                          workers: r.workerCount ?? '',
                        }),
                }),
              ),
            )
          : el('p', { text: t('dashboard.noRisks') }),
      ]),
      counts(
        t('dashboard.byStatus'),
        data.tickets.byStatus.map((r) => ({ ...r, key: t(`ticketStatus.${r.key}`) })),
      ),
      counts(
        t('dashboard.byRegion'),
        data.tickets.byRegion.map((r) => ({ ...r, key: r.label ?? r.key })),
      ),
      counts(
        t('dashboard.byIndustry'),
        data.tickets.byIndustry.map((r) => ({ ...r, key: t(`industry.${r.key}`) })),
      ),
      counts(t('dashboard.byEmployer'), data.tickets.byEmployer),
      ...recoveredCards(data.recovered),
      counts(
        t('dashboard.documents'),
        Object.entries(data.documents).flatMap(([kind, byStatus]) =>
          Object.entries(byStatus).map(([status, count]) => ({
            key: `${t(`documents.${kind}`)} · ${t(`status.${status}`)}`,
            count,
          })),
        ),
      ),
    );
    if (staff.role !== 'agent') {
      const q = period();
      const sheet = (name) => new URLSearchParams([...q, ['sheet', name]]);
      dash.append(
        el('section', { class: 'card' }, [
          el('h3', { text: t('dashboard.export') }),
          el('a', { href: `/api/staff/ledger.csv?${sheet('tickets')}`, text: t('dashboard.csvTickets') }),
          ' ',
          el('a', { href: `/api/staff/ledger.csv?${sheet('documents')}`, text: t('dashboard.csvDocuments') }),
          ' ',
          el('a', { href: `/api/staff/ledger.xlsx?${q}`, text: t('dashboard.xlsx') }),
        ]),
      );
    }
    if (staff.role === 'admin') dash.append(await wechatyCard());
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

const yuan = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** 追回金额: the total over the same tickets, then by region, industry and employer entity. */
function recoveredCards(recovered) {
  const table = (title, rows) =>
    el('section', { class: 'card recovered' }, [
      el('h3', { text: title }),
      el(
        'table',
        {},
        rows.map((r) =>
          el('tr', {}, [
            el('td', { text: r.key }),
            el('td', { class: 'num', text: t('measures.yuan', { yuan: yuan(r.fen), count: r.tickets }) }),
          ]),
        ),
      ),
    ]);
  return [
    el('section', { class: 'card totals recovered' }, [
      el('div', {}, [
        el('span', { text: t('measures.totalRecovered') }),
        el('strong', { text: t('measures.yuan', { yuan: yuan(recovered.fen), count: recovered.tickets }) }),
      ]),
    ]),
    table(
      t('measures.recoveredBy.region'),
      recovered.byRegion.map((r) => ({ ...r, key: r.label ?? r.key })),
    ),
    table(
      t('measures.recoveredBy.industry'),
      recovered.byIndustry.map((r) => ({ ...r, key: t(`industry.${r.key}`) })),
    ),
    table(
      t('measures.recoveredBy.employer'),
      recovered.byEmployer.map((r) => ({ ...r, key: r.name ?? r.key })),
    ),
  ];
}

/** Admins see the WeChat bot's state and, while it waits for a scan, its login QR code. */
async function wechatyCard() {
  const status = await api('GET', '/api/staff/wechaty/status');
  return el('section', { class: 'card wechaty' }, [
    el('h3', { text: t('wechaty.title') }),
    el('p', {
      text: t(`wechaty.state.${status.state}`, { user: status.user ?? '', puppet: status.puppet ?? '' }),
    }),
    status.lastError ? el('p', { class: 'muted', text: status.lastError }) : null,
    status.qrcodeDataUrl
      ? el('img', { src: status.qrcodeDataUrl, alt: t('wechaty.scan'), width: '200', height: '200' })
      : null,
  ]);
}

/** The risk badge on the dashboard tab: warnings appear without anyone opening the dashboard. */
export async function pollRisks() {
  try {
    const { risks } = await api('GET', '/api/staff/risks');
    $('risk-count').textContent = String(risks.length);
    $('risk-count').hidden = risks.length === 0;
  } catch {
    // Signed out or offline: the next poll tries again.
  }
}
