// A ticket's measures in its detail pane: the amount recovered, the arbitration limit with its
// warning, what the worker said about the employment (editable: "ask the worker"), the employer
// entity and the collective case's one status.
import { api } from './api.js';
import { el, field, flash, select, t } from './dom.js';

/** The limit in words; the warning class colours it 60 and 30 days before. */
function limitLine(limit) {
  if (limit.kind === 'none-while-employed') return el('span', { text: t('measures.limitNone') });
  if (limit.kind === 'unknown')
    return el('span', { class: 'limit-unknown', text: t(`measures.ask.${limit.ask}`) });
  const text =
    limit.warning === 'passed'
      ? t('measures.limitPassed', { date: limit.lastDay, days: -limit.daysLeft })
      : t('measures.limitDate', { date: limit.lastDay, days: limit.daysLeft });
  const warning = { 60: 'warn60', 30: 'warn30', passed: 'warnPassed' }[limit.warning];
  return el('span', { class: `limit limit-${limit.warning}` }, [
    text,
    warning ? el('strong', { class: 'limit-warning', text: ` ${t(`measures.${warning}`)}` }) : null,
  ]);
}

function factsForm(base, facts, reload) {
  const employed = select(
    'stillEmployed',
    ['', 'true', 'false'].map((v) => [v, t(`measures.employed.${v}`)]),
    facts.stillEmployed === null ? '' : String(facts.stillEmployed),
  );
  const form = el('form', { class: 'action' }, [
    field(t('measures.stillEmployed'), employed),
    field(
      t('measures.endedOn'),
      el('input', { type: 'date', name: 'endedOn', value: facts.employmentEndedOn ?? '' }),
    ),
    field(
      t('measures.knownOn'),
      el('input', { type: 'date', name: 'knownOn', value: facts.violationKnownOn ?? '' }),
    ),
    el('button', { type: 'submit', text: t('measures.saveFacts') }),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const still = data.get('stillEmployed');
    try {
      await api('PUT', `${base}/employment`, {
        stillEmployed: still === '' ? null : still === 'true',
        employmentEndedOn: data.get('endedOn') || null,
        violationKnownOn: data.get('knownOn') || null,
      });
      flash(t('tickets.done'));
      await reload();
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  });
  return form;
}

/** The block under the ticket's facts. */
export function measuresBlock(measures, base, reload) {
  const row = (label, value) => el('div', {}, [el('dt', { text: label }), el('dd', {}, [value])]);
  return el('section', { class: 'measures' }, [
    el('dl', {}, [
      row(t('measures.limit'), limitLine(measures.limit)),
      row(
        t('measures.recovered'),
        measures.recovered
          ? t('measures.recoveredValue', { yuan: measures.recovered.yuan })
          : t('measures.notRecorded'),
      ),
      measures.employer
        ? row(
            t('measures.employer'),
            `${measures.employer.name}${measures.employer.creditCode ? ` · ${measures.employer.creditCode}` : ''}`,
          )
        : null,
      measures.case
        ? row(
            t('measures.case'),
            t('measures.caseLine', {
              status: t(`measures.caseStatus.${measures.case.status}`),
              count: measures.case.tickets,
            }),
          )
        : null,
    ]),
    el('p', { class: 'muted', text: t('measures.law') }),
    factsForm(base, measures.facts, reload),
  ]);
}

/** The amount field of the status form: sent only when resolving or closing. */
export function recoveredField() {
  return field(
    t('measures.recovered'),
    el('input', {
      name: 'recoveredYuan',
      inputmode: 'decimal',
      pattern: '\\d+(\\.\\d{1,2})?',
      title: t('measures.recoveredHint'),
    }),
  );
}

/** 123456 fen (a `recovered` event's note) → ¥1234.56. */
export function fenText(fen) {
  const n = Number(fen);
  return t('measures.recoveredValue', { yuan: `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}` });
}
