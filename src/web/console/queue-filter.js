// Filter the queue by one of the office's labels. The server says which chats carry it; a chat
// that arrives live carries none yet, so it shows only once the filter is cleared.
import { api } from './api.js';
import { $, clear, el, flash, t } from './dom.js';

let allowed;

/** Whether a queue item passes the filter. */
export function passesLabelFilter(handoff) {
  return !allowed || allowed.has(handoff.id);
}

export async function initQueueFilter(onChange) {
  const picker = $('queue-label');
  picker.addEventListener('change', async () => {
    try {
      allowed = picker.value
        ? new Set(
            (
              await api('GET', `/api/staff/handoffs?status=open&label=${encodeURIComponent(picker.value)}`)
            ).handoffs.map((h) => h.id),
          )
        : undefined;
      onChange();
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  });
  await refreshQueueLabels();
}

/** The office's labels in the picker (again after a label is put on a chat). */
export async function refreshQueueLabels() {
  const picker = $('queue-label');
  const chosen = picker.value;
  try {
    const { labels } = await api('GET', '/api/staff/labels');
    clear(picker).append(
      el('option', { value: '', text: t('labels.all') }),
      ...labels.map((l) => el('option', { value: l.id, text: l.name, selected: l.id === chosen })),
    );
  } catch {
    // Without labels the queue is simply unfiltered.
  }
}
