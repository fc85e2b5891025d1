// 一函两书: generate from the templates, list with deadlines, download DOCX, record replies.
import { api } from './api.js';
import { $, clear, el, field, flash, select, t, time } from './dom.js';

// Starting points for a wage-arrears 意见书; staff edit them. Article numbers only: the server
// fills in the text from the imported statutes.
const WAGE_CITATIONS = '劳动合同法 30\n劳动法 50';
let opinions = [];

export function initDocuments(staff) {
  const form = $('doc-form');
  const canWrite = staff.role !== 'agent';
  form.append(
    el('h2', { text: t('documents.new') }),
    field(
      t('documents.kind'),
      select('kind', [
        ['opinion', t('documents.opinion')],
        ['reminder', t('documents.reminder')],
        ['suggestion', t('documents.suggestion')],
      ]),
    ),
    field(t('documents.employer'), el('input', { name: 'employer', maxlength: 200 })),
    field(t('documents.recipient'), el('input', { name: 'recipient', maxlength: 200 })),
    field(t('documents.tickets'), el('input', { name: 'tickets', maxlength: 2000 })),
    field(t('documents.facts'), el('textarea', { name: 'facts', rows: 3, maxlength: 10000 })),
    field(t('documents.citations'), el('textarea', { name: 'citations', rows: 3, text: WAGE_CITATIONS })),
    field(t('documents.requests'), el('textarea', { name: 'requests', rows: 2, maxlength: 5000 })),
    field(
      t('documents.deadlineDays'),
      el('input', { name: 'deadlineDays', type: 'number', min: 1, max: 90, value: 15 }),
    ),
    field(t('documents.holiday'), el('input', { name: 'holiday', maxlength: 200 })),
    field(t('documents.parent'), el('select', { name: 'parentId', id: 'doc-parent' })),
    field(
      t('documents.refusal'),
      select('refusal', [
        ['no-reply', t('documents.refusalNoReply')],
        ['refused', t('documents.refusalRefused')],
        ['not-corrected', t('documents.refusalNotCorrected')],
      ]),
    ),
    el('label', { class: 'check' }, [
      el('input', { type: 'checkbox', name: 'procuratorate' }),
      t('documents.procuratorate'),
    ]),
    el('button', { type: 'submit', id: 'doc-generate', text: t('documents.generate'), disabled: !canWrite }),
  );
  form.kind.addEventListener('change', showFieldsForKind);
  form.addEventListener('submit', generate);
  showFieldsForKind();
}

function showFieldsForKind() {
  const form = $('doc-form');
  const kind = form.kind.value;
  const show = (name, visible) => {
    form.elements[name].closest('label').hidden = !visible;
  };
  show('parentId', kind === 'suggestion');
  show('refusal', kind === 'suggestion');
  show('holiday', kind === 'reminder');
  show('deadlineDays', kind !== 'reminder');
}

/** From a ticket's detail: an 意见书 to its employer, linked to it. */
export function prefillOpinion(ticket) {
  const form = $('doc-form');
  form.kind.value = 'opinion';
  form.employer.value = ticket.employer ?? '';
  form.tickets.value = ticket.number;
  form.facts.value = '';
  form.citations.value = WAGE_CITATIONS;
  showFieldsForKind();
}

function citationsOf(text) {
  return text
    .split('\n')
    .map((line) => /^\s*《?([^》\s]+?)》?\s*第?\s*(\d+)\s*条?\s*$/.exec(line))
    .filter(Boolean)
    .map((m) => ({ law: m[1], article: Number(m[2]) }));
}

async function generate(event) {
  event.preventDefault();
  const form = $('doc-form');
  const kind = form.kind.value;
  const body = {
    kind,
    employer: form.employer.value.trim() || undefined,
    recipient: form.recipient.value.trim() || undefined,
    ticketNumbers: form.tickets.value.split(/[,，\s]+/).filter(Boolean),
    facts: form.facts.value.trim() || undefined,
    citations: citationsOf(form.citations.value),
    requests: form.requests.value.trim() || undefined,
    copiedToProcuratorate: form.procuratorate.checked,
  };
  if (kind !== 'reminder' && form.deadlineDays.value) body.deadlineDays = Number(form.deadlineDays.value);
  if (kind === 'reminder') body.holiday = form.holiday.value.trim() || undefined;
  if (kind === 'suggestion') {
    body.parentId = form.parentId.value || undefined;
    body.refusal = form.refusal.value;
  }
  try {
    const { document } = await api('POST', '/api/staff/documents', body);
    flash(t('documents.generated', { number: document.number }));
    await loadDocuments();
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

export async function loadDocuments() {
  try {
    const { documents } = await api('GET', '/api/staff/documents');
    opinions = documents.filter((d) => d.kind === 'opinion');
    const parent = clear($('doc-parent'));
    for (const d of opinions)
      parent.append(el('option', { value: d.id, text: `${d.number} ${d.employer ?? d.recipient}` }));
    renderList(documents);
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

function renderList(documents) {
  const table = clear($('doc-list'));
  table.append(
    el('thead', {}, [
      el(
        'tr',
        {},
        [
          t('documents.number'),
          t('documents.kind'),
          t('documents.recipient'),
          t('tickets.status'),
          t('documents.deadline'),
          '',
          '',
        ].map((text) => el('th', { text })),
      ),
    ]),
  );
  const body = el('tbody');
  for (const d of documents) {
    const reply = el('form', { class: 'inline' }, [
      el('input', { name: 'text', placeholder: t('documents.reply'), required: true, maxlength: 10000 }),
      el('button', { type: 'submit', text: t('documents.recordReply') }),
    ]);
    reply.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api('POST', `/api/staff/documents/${d.id}/reply`, { text: reply.text.value });
        await loadDocuments();
      } catch (err) {
        flash(t('error', { message: err.message }), true);
      }
    });
    body.append(
      el('tr', { class: d.status, 'data-id': d.id }, [
        el('td', { text: d.number }),
        el('td', { text: t(`documents.${d.kind}`) }),
        el('td', { text: d.recipient }),
        el('td', { text: t(`status.${d.status}`) }),
        el('td', { text: time(d.deadlineAt) }),
        el('td', {}, [
          el('a', {
            href: `/api/staff/documents/${d.id}/docx`,
            class: 'download',
            text: t('documents.download'),
          }),
          ' ',
          el('a', {
            href: `/api/staff/documents/${d.id}/pdf`,
            class: 'download',
            text: t('documents.downloadPdf'),
          }),
        ]),
        el('td', {}, [d.status === 'closed' ? null : reply]),
      ]),
    );
  }
  table.append(body);
}
