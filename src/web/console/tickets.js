// Tickets: filters, the list (masked), and the detail (personal data, audited on the server) with
// its history and the actions staff take on it.
import { api } from './api.js';
import { $, clear, el, field, flash, select, t, time } from './dom.js';
import { labelChips, labelFilter, ticketLabelsPanel } from './ticket-labels.js';
import { fenText, measuresBlock, recoveredField } from './ticket-measures.js';

// The server's code lists, rendered into the page (src/console-api/console-page-routes.ts).
const { statuses: STATUSES, industries: INDUSTRIES } = JSON.parse(
  document.getElementById('vocabulary').textContent,
);
let me;
let onMakeOpinion = () => {};

export function initTickets(staff, makeOpinion) {
  me = staff;
  onMakeOpinion = makeOpinion;
  const form = $('ticket-filters');
  const any = ['', t('tickets.any')];
  form.append(
    field(t('tickets.status'), select('status', [any, ...STATUSES.map((s) => [s, t(`ticketStatus.${s}`)])])),
    field(
      t('tickets.priority'),
      select('priority', [any, ['high', t('priority.high')], ['normal', t('priority.normal')]]),
    ),
    field(t('tickets.region'), el('input', { name: 'region', pattern: '\\d{2,12}', size: 8 })),
    field(
      t('tickets.industry'),
      select('industry', [any, ...INDUSTRIES.map((i) => [i, t(`industry.${i}`)])]),
    ),
    field(t('tickets.employer'), el('input', { name: 'employer', maxlength: 60 })),
    labelFilter(),
    el('label', { class: 'check' }, [
      el('input', { type: 'checkbox', name: 'overdue' }),
      t('tickets.overdue'),
    ]),
    el('label', { class: 'check' }, [el('input', { type: 'checkbox', name: 'mine' }), t('tickets.mine')]),
    el('button', { type: 'submit', text: t('tickets.search') }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    loadTickets();
  });
}

export async function loadTickets() {
  const form = new FormData($('ticket-filters'));
  const query = new URLSearchParams();
  for (const [key, value] of form) if (value) query.set(key, value === 'on' ? 'true' : value);
  try {
    const data = await api('GET', `/api/staff/tickets?${query}`);
    renderList(data.items);
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

function renderList(items) {
  const table = clear($('ticket-list'));
  table.append(
    el('thead', {}, [
      el(
        'tr',
        {},
        ['number', 'status', 'priority', 'employer', 'claimant', 'due', 'assignee'].map((k) =>
          el('th', { text: k === 'status' || k === 'priority' ? t(`tickets.${k}`) : t(`tickets.${k}`) }),
        ),
      ),
    ]),
  );
  const body = el('tbody');
  if (!items.length) body.append(el('tr', {}, [el('td', { colspan: 7, text: t('tickets.none') })]));
  for (const item of items) {
    body.append(
      el('tr', { class: item.overdue ? 'overdue' : '', onclick: () => openTicket(item.number) }, [
        el('td', {}, [el('a', { href: '#', text: item.number }), labelChips(item.labels)]),
        el('td', { text: t(`ticketStatus.${item.status}`) }),
        el('td', { text: t(`priority.${item.priority}`) }),
        el('td', { text: item.employer ?? '' }),
        el('td', { text: `${item.claimantNameMasked} ${item.phoneMasked}` }),
        el('td', { text: time(item.dueAt) }),
        el('td', { text: item.assignee?.displayName ?? '' }),
      ]),
    );
  }
  table.append(body);
}

export async function openTicket(number) {
  try {
    renderDetail(await api('GET', `/api/staff/tickets/${number}`));
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

function action(label, build, run) {
  const form = el('form', { class: 'action' }, [...build(), el('button', { type: 'submit', text: label })]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await run(new FormData(form));
      flash(t('tickets.done'));
      await Promise.all([openTicket(current), loadTickets()]);
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  });
  return form;
}

/** "状态变更 → 办理中", "转办 上海市总工会 → 上海市徐汇区总工会": words, never codes. */
function eventLine(e) {
  const label = t(`event.${e.type}`) === `event.${e.type}` ? e.type : t(`event.${e.type}`);
  if (e.type === 'transfer') return `${label} ${e.fromOfficeName ?? ''} → ${e.toOfficeName ?? ''}`;
  if (e.type === 'recovered') return `${label} ${fenText(e.note)}`;
  if (e.type === 'case-status') return `${label} → ${t(`measures.caseStatus.${e.note}`)}`;
  return e.toStatus ? `${label} → ${t(`ticketStatus.${e.toStatus}`)}` : label;
}

function actorOf(e) {
  if (e.actorKind === 'staff') return e.actorName ?? t('actor.unknown');
  return t(`actor.${e.actorKind ?? 'system'}`);
}

/** 转办: only the offices the server says this person may send the ticket to, and a reason. */
function transferForm(base) {
  const targets = el('select', { name: 'toOfficeId', required: true });
  api('GET', `${base}/transfer-targets`)
    .then(({ offices }) => {
      for (const office of offices) {
        const label =
          office.relation === 'parent' ? `${office.name}（${t('tickets.parentOffice')}）` : office.name;
        targets.append(el('option', { value: office.id, text: label }));
      }
    })
    .catch((err) => flash(t('error', { message: err.message }), true));
  return action(
    t('tickets.transfer'),
    () => [
      field(t('tickets.transferTo'), targets),
      field(t('tickets.transferReason'), el('input', { name: 'note', required: true, maxlength: 2000 })),
    ],
    (data) =>
      api('POST', `${base}/status`, {
        to: 'transferred',
        toOfficeId: data.get('toOfficeId'),
        note: data.get('note'),
      }),
  );
}

let current;
function renderDetail({ ticket, assignee, labels, duplicates, possibleDuplicates, documents, measures }) {
  current = ticket.number;
  const base = `/api/staff/tickets/${ticket.number}`;
  const row = (label, value) =>
    value === null || value === undefined || value === ''
      ? null
      : el('div', {}, [el('dt', { text: label }), el('dd', { text: String(value) })]);
  const pane = clear($('ticket-detail'));
  pane.append(
    el('h2', { text: `${t('tickets.detail')} ${ticket.number}` }),
    ticketLabelsPanel(ticket.number, labels ?? [], () =>
      Promise.all([openTicket(ticket.number), loadTickets()]),
    ),
    el('dl', {}, [
      row(t('tickets.status'), t(`ticketStatus.${ticket.status}`)),
      row(t('tickets.region'), ticket.regionLabel ?? ticket.regionCode),
      row(t('tickets.industry'), t(`industry.${ticket.industry}`)),
      row(t('tickets.priority'), t(`priority.${ticket.priority}`)),
      row(t('tickets.due'), time(ticket.dueAt)),
      row(t('tickets.claimant'), ticket.claimantName),
      row(t('tickets.phone'), ticket.phone),
      row(t('tickets.employer'), ticket.employer),
      row(t('tickets.amount'), ticket.amountYuan),
      row(t('tickets.workers'), ticket.workerCount),
      row(t('tickets.period'), ticket.periodText),
      row(t('tickets.wants'), ticket.wants),
      row(t('tickets.description'), ticket.description),
      row(t('tickets.assignee'), assignee?.displayName),
    ]),
    measuresBlock(measures, base, () => openTicket(ticket.number)),
    el('button', { type: 'button', text: t('tickets.makeOpinion'), onclick: () => onMakeOpinion(ticket) }),
    action(
      t('tickets.assignMe'),
      () => [],
      () => api('POST', `${base}/assign`, { staffId: me.id }),
    ),
    action(
      t('tickets.apply'),
      () => [
        field(
          t('tickets.changeStatus'),
          select(
            'to',
            STATUSES.filter((s) => s !== 'transferred').map((s) => [s, t(`ticketStatus.${s}`)]),
            ticket.status,
          ),
        ),
        field(t('tickets.note'), el('input', { name: 'note', maxlength: 2000 })),
        recoveredField(),
      ],
      (data) => {
        const to = data.get('to');
        const closing = to === 'resolved' || to === 'closed';
        const recoveredYuan = closing && data.get('recoveredYuan') ? data.get('recoveredYuan') : undefined;
        return api('POST', `${base}/status`, { to, note: data.get('note') || undefined, recoveredYuan });
      },
    ),
    transferForm(base),
    action(
      t('tickets.sendMessage'),
      () => [field(t('tickets.message'), el('input', { name: 'text', required: true, maxlength: 2000 }))],
      (data) => api('POST', `${base}/messages`, { text: data.get('text') }),
    ),
    action(
      t('tickets.addNote'),
      () => [field(t('tickets.note'), el('input', { name: 'text', required: true, maxlength: 2000 }))],
      (data) => api('POST', `${base}/notes`, { text: data.get('text') }),
    ),
    action(
      t('tickets.link'),
      () => [
        field(
          t('tickets.duplicateOf'),
          el('input', { name: 'of', required: true, pattern: 'GY-\\d{8}-\\d{4,}' }),
        ),
      ],
      (data) => api('POST', `${base}/duplicate-of`, { of: data.get('of') }),
    ),
  );
  if (possibleDuplicates.length || duplicates.length) {
    pane.append(
      el('h3', { text: t('tickets.possibleDuplicates') }),
      el('ul', {}, [
        ...duplicates.map((d) => el('li', { text: `${d.number} (${d.relation})` })),
        ...possibleDuplicates.map((d) =>
          el('li', { text: `${d.number} · ${t(`ticketStatus.${d.status}`)} · ${time(d.createdAt)}` }),
        ),
      ]),
    );
  }
  pane.append(
    el('h3', { text: t('tickets.attachments') }),
    el(
      'ul',
      {},
      ticket.attachments.map((a) =>
        el('li', {}, [
          el('a', {
            href: `${base}/attachments/${a.id}`,
            target: '_blank',
            text: `${a.kind} ${a.mimeType ?? ''} ${time(a.createdAt)}`,
          }),
        ]),
      ),
    ),
    action(
      t('tickets.upload'),
      () => [el('input', { type: 'file', name: 'file', required: true, accept: 'image/*,application/pdf' })],
      (data) => api('POST', `${base}/attachments`, data),
    ),
  );
  if (documents.length) {
    pane.append(
      el('h3', { text: t('tickets.documents') }),
      el(
        'ul',
        {},
        documents.map((d) =>
          el('li', { text: `${d.number} ${t(`documents.${d.kind}`)} · ${t(`status.${d.status}`)}` }),
        ),
      ),
    );
  }
  pane.append(
    el('h3', { text: t('tickets.timeline') }),
    el(
      'ol',
      { class: 'timeline' },
      ticket.events.map((e) =>
        el('li', {}, [
          el('time', { text: time(e.createdAt) }),
          el('span', { text: ` ${eventLine(e)} · ${actorOf(e)}` }),
          e.note && e.type !== 'recovered' && e.type !== 'case-status' ? el('p', { text: e.note }) : null,
        ]),
      ),
    ),
  );
}
