// Labels on tickets: a filter for the list, chips on each row, and putting them on or off in the
// detail. The office's labels are loaded once per tickets view.
import { api } from './api.js';
import { el, field, flash, t } from './dom.js';

let officeLabels = [];

export async function loadLabels() {
  try {
    officeLabels = (await api('GET', '/api/staff/labels')).labels;
  } catch {
    officeLabels = [];
  }
  return officeLabels;
}

/** The filter's <select name="label">, filled once the labels are loaded. */
export function labelFilter() {
  const picker = el('select', { name: 'label' }, [el('option', { value: '', text: t('tickets.any') })]);
  loadLabels().then((labels) => {
    for (const l of labels) picker.append(el('option', { value: l.id, text: l.name }));
  });
  return field(t('labels.title'), picker);
}

export function labelChips(labels) {
  return el(
    'span',
    { class: 'labels' },
    (labels ?? []).map((l) => el('span', { class: 'label', style: `border-color:${l.color}`, text: l.name })),
  );
}

/** The detail's labels: chips with ×, and a picker to add one. `changed` reloads the detail. */
export function ticketLabelsPanel(number, labels, changed) {
  const base = `/api/staff/tickets/${number}/labels`;
  const run = async (method, id) => {
    try {
      await api(method, `${base}/${id}`);
      await changed();
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  };
  const picker = el('select', { 'aria-label': t('labels.add') }, [
    el('option', { value: '', text: t('labels.add') }),
    ...officeLabels
      .filter((l) => !labels.some((o) => o.id === l.id))
      .map((l) => el('option', { value: l.id, text: l.name })),
  ]);
  picker.addEventListener('change', () => picker.value && run('PUT', picker.value));
  return el('div', { class: 'ticket-labels' }, [
    ...labels.map((l) =>
      el('span', { class: 'label', style: `border-color:${l.color}` }, [
        l.name,
        el('button', {
          type: 'button',
          class: 'x',
          text: '×',
          title: t('labels.remove'),
          onclick: () => run('DELETE', l.id),
        }),
      ]),
    ),
    picker,
  ]);
}
