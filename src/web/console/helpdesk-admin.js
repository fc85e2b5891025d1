// 服务台设置 (supervisors and admins): the office's canned replies, labels, satisfaction
// question and SLA warning window, the duty roster (admins set capacity), and the ratings.
import { api } from './api.js';
import { $, clear, el, field, flash, t, time } from './dom.js';

let me;

export function initHelpdeskAdmin(staff) {
  me = staff;
  $('helpdesk-tab').hidden = staff.role === 'agent';
}

function section(title, ...children) {
  return el('section', { class: 'card' }, [el('h2', { text: title }), ...children]);
}

function form(fields, label, run, id) {
  const node = el('form', { class: 'inline', ...(id ? { id } : {}) }, [
    ...fields,
    el('button', { type: 'submit', text: label }),
  ]);
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await run(new FormData(node));
      flash(t('tickets.done'));
      await loadHelpdeskAdmin();
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  });
  return node;
}

export async function loadHelpdeskAdmin() {
  const office = me.officeId;
  try {
    const [settings, canned, labels, roster, ratings] = await Promise.all([
      api('GET', `/api/staff/offices/${office}/helpdesk`),
      api('GET', `/api/staff/canned-replies?officeId=${encodeURIComponent(office)}`),
      api('GET', '/api/staff/labels'),
      api('GET', '/api/staff/roster'),
      api('GET', '/api/staff/satisfaction'),
    ]);
    render(office, settings, canned.replies, labels.labels, roster.staff, ratings);
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

function render(office, settings, replies, labels, roster, ratings) {
  const box = clear($('helpdesk-settings'));
  const remove = (url) => async () => {
    try {
      await api('DELETE', url);
      await loadHelpdeskAdmin();
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  };
  box.append(
    section(
      t('canned.title'),
      el('p', { class: 'hint', text: t('canned.variables') }),
      el(
        'ul',
        { id: 'canned-list' },
        replies.map((r) =>
          el('li', {}, [
            el('strong', { text: r.title }),
            el('p', { text: r.text }),
            el('button', {
              type: 'button',
              text: t('canned.delete'),
              onclick: remove(`/api/staff/canned-replies/${r.id}`),
            }),
          ]),
        ),
      ),
      form(
        [
          field(t('canned.name'), el('input', { name: 'title', required: true, maxlength: 60 })),
          field(t('canned.text'), el('textarea', { name: 'text', required: true, maxlength: 2000, rows: 2 })),
        ],
        t('canned.add'),
        (data) =>
          api('POST', '/api/staff/canned-replies', {
            officeId: office,
            title: data.get('title'),
            text: data.get('text'),
          }),
        'canned-form',
      ),
    ),
    section(
      t('labels.title'),
      el(
        'ul',
        { class: 'labels' },
        labels.map((l) =>
          el('li', { class: 'label', style: `border-color:${l.color}` }, [
            l.name,
            el('button', {
              type: 'button',
              class: 'x',
              text: '×',
              onclick: remove(`/api/staff/labels/${l.id}`),
            }),
          ]),
        ),
      ),
      form(
        [
          field(t('labels.name'), el('input', { name: 'name', required: true, maxlength: 30 })),
          field(t('labels.color'), el('input', { name: 'color', type: 'color', value: '#6b7280' })),
        ],
        t('labels.create'),
        (data) =>
          api('POST', '/api/staff/labels', {
            officeId: office,
            name: data.get('name'),
            color: data.get('color'),
          }),
      ),
    ),
    section(
      t('helpdesk.settings'),
      form(
        [
          el('label', { class: 'check' }, [
            el('input', { type: 'checkbox', name: 'survey', checked: settings.satisfactionSurvey }),
            t('helpdesk.survey'),
          ]),
          field(
            t('helpdesk.slaHours'),
            el('input', { name: 'hours', type: 'number', min: 1, max: 720, value: settings.slaWarningHours }),
          ),
        ],
        t('tickets.apply'),
        (data) =>
          api('PUT', `/api/staff/offices/${office}/helpdesk`, {
            satisfactionSurvey: data.get('survey') === 'on',
            slaWarningHours: Number(data.get('hours')),
          }),
      ),
      el('p', {
        text: t('satisfaction.summary', {
          satisfied: ratings.counts.satisfied,
          neutral: ratings.counts.neutral,
          unsatisfied: ratings.counts.unsatisfied,
          unanswered: ratings.counts.unanswered,
        }),
      }),
      el(
        'ul',
        { id: 'ratings' },
        ratings.recent.map((r) =>
          el('li', {
            text: `${t(`satisfaction.${r.rating}`)} · ${r.staffName ?? ''} · ${time(r.answeredAt)}`,
          }),
        ),
      ),
    ),
    section(t('duty.roster'), rosterTable(roster)),
  );
}

function rosterTable(roster) {
  return el('table', { class: 'list' }, [
    el('thead', {}, [
      el(
        'tr',
        {},
        [t('duty.name'), t('duty.state'), t('duty.load'), t('duty.capacity')].map((h) =>
          el('th', { text: h }),
        ),
      ),
    ]),
    el(
      'tbody',
      {},
      roster.map((s) => {
        const capacity = el('input', {
          type: 'number',
          min: 0,
          max: 50,
          value: s.capacity,
          disabled: me.role !== 'admin',
        });
        capacity.addEventListener('change', async () => {
          try {
            await api('PUT', `/api/staff/roster/${s.staffId}`, { capacity: Number(capacity.value) });
            flash(t('tickets.done'));
          } catch (err) {
            flash(t('error', { message: err.message }), true);
          }
        });
        return el('tr', {}, [
          el('td', { text: s.displayName }),
          el('td', { text: t(s.onDuty ? 'duty.on' : 'duty.off') }),
          el('td', { text: String(s.load) }),
          el('td', {}, [capacity]),
        ]);
      }),
    ),
  ]);
}
