// The help-desk tools of an open chat: canned replies in the composer, private notes in the
// transcript, labels, assignment and transfer (supervisors), and the worker's rating.
import { api } from './api.js';
import { $, clear, el, flash, t, time } from './dom.js';

let me;
let current;
let replies = [];

export function initChatTools(staff) {
  me = staff;
  $('canned').addEventListener('change', insertCanned);
  $('note-form').addEventListener('submit', addNote);
}

/** A note as the transcript shows it: marked private, with who wrote it. */
export function noteItem(note) {
  const kind = note.kind && note.kind !== 'note' ? `${t(`notes.kind.${note.kind}`)} · ` : '';
  return el('li', { class: 'msg note', 'data-at': note.at, 'data-note': note.id }, [
    el('span', {
      class: 'who',
      text: `${t('notes.private')} · ${kind}${note.staffName ?? t('actor.unknown')}`,
    }),
    el('p', { text: note.text }),
    el('time', { text: time(note.at) }),
  ]);
}

function placeNote(note) {
  const list = $('transcript');
  if (list.querySelector(`[data-note="${note.id}"]`)) return;
  const later = [...list.children].find((li) => (li.dataset.at ?? '') > note.at);
  list.insertBefore(noteItem(note), later ?? null);
}

/** A colleague's note on the open chat arrives live. */
export function onNoteFrame(frame) {
  if (current?.id === frame.handoff?.id) placeNote(frame.note);
}

/** The open chat changed state (claimed, ended): what the composer allows follows. */
export function refreshComposer(handoff) {
  current = handoff;
  renderComposer();
}

/** Called when a chat is opened, after its transcript is on screen. */
export async function openChatTools(handoff) {
  current = handoff;
  replies = [];
  renderComposer();
  $('chat-tools').hidden = false;
  try {
    const [canned, notes, labels, rating] = await Promise.all([
      api('GET', `/api/staff/handoffs/${handoff.id}/canned-replies`),
      api('GET', `/api/staff/handoffs/${handoff.id}/notes`),
      api('GET', '/api/staff/labels'),
      api('GET', `/api/staff/handoffs/${handoff.id}/satisfaction`),
    ]);
    replies = canned.replies;
    fillCannedPicker();
    for (const note of notes.notes) placeNote(note);
    renderTools(labels.labels, rating.satisfaction);
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

function renderComposer() {
  const mine = current?.status === 'claimed' && current.claimedById === me.id;
  $('canned').disabled = !mine || replies.length === 0;
  $('note-text').disabled = !current;
  $('note-add').disabled = !current;
}

function fillCannedPicker() {
  const picker = clear($('canned'));
  picker.append(el('option', { value: '', text: replies.length ? t('canned.insert') : t('canned.none') }));
  for (const r of replies) picker.append(el('option', { value: r.id, text: r.title }));
  renderComposer();
}

/** The filled reply goes where the cursor is, for staff to read and change before sending. */
function insertCanned(event) {
  const reply = replies.find((r) => r.id === event.target.value);
  event.target.value = '';
  if (!reply) return;
  const box = $('reply-text');
  const at = box.selectionStart ?? box.value.length;
  box.value = `${box.value.slice(0, at)}${reply.filled}${box.value.slice(box.selectionEnd ?? at)}`;
  box.focus();
  box.selectionStart = box.selectionEnd = at + reply.filled.length;
}

async function addNote(event) {
  event.preventDefault();
  const text = $('note-text').value.trim();
  if (!text || !current) return;
  try {
    const { note } = await api('POST', `/api/staff/handoffs/${current.id}/notes`, { text });
    placeNote(note);
    $('note-text').value = '';
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

function labelChips(labels, onRemove) {
  return labels.map((l) =>
    el('span', { class: 'label', style: `border-color:${l.color}` }, [
      l.name,
      onRemove
        ? el('button', {
            type: 'button',
            class: 'x',
            text: '×',
            title: t('labels.remove'),
            onclick: () => onRemove(l),
          })
        : null,
    ]),
  );
}

async function renderTools(officeLabels, rating) {
  const box = clear($('chat-tools'));
  const base = `/api/staff/handoffs/${current.id}`;
  const onChat = (await api('GET', `${base}/labels`)).labels;
  // The queue shows the chat's labels as chips too: tell it what they are now.
  document.dispatchEvent(
    new CustomEvent('chat-labels', { detail: { handoffId: current.id, labels: onChat } }),
  );
  const chips = el(
    'span',
    { class: 'labels' },
    labelChips(onChat, async (l) => {
      await api('DELETE', `${base}/labels/${l.id}`);
      renderTools(officeLabels, rating);
    }),
  );
  const picker = el('select', { 'aria-label': t('labels.add') }, [
    el('option', { value: '', text: t('labels.add') }),
    ...officeLabels
      .filter((l) => !onChat.some((o) => o.id === l.id))
      .map((l) => el('option', { value: l.id, text: l.name })),
  ]);
  picker.addEventListener('change', async () => {
    if (!picker.value) return;
    await api('PUT', `${base}/labels/${picker.value}`);
    renderTools(officeLabels, rating);
  });
  box.append(chips, picker);
  if (rating?.rating)
    box.append(
      el('span', {
        class: 'rating',
        text: t('satisfaction.shown', { rating: t(`satisfaction.${rating.rating}`) }),
      }),
    );
  if (me.role !== 'agent') box.append(assignForm(base), transferForm(base));
}

function assignForm(base) {
  const who = el('select', { name: 'staffId', required: true });
  api('GET', '/api/staff/roster')
    .then(({ staff }) => {
      for (const s of staff)
        who.append(
          el('option', {
            value: s.staffId,
            text: `${s.displayName} · ${t(s.onDuty ? 'duty.on' : 'duty.off')} · ${s.load}/${s.capacity}`,
          }),
        );
    })
    .catch(() => {});
  const form = el('form', { class: 'inline' }, [
    who,
    el('button', { type: 'submit', text: t('chats.assign') }),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', `${base}/assign`, { staffId: who.value });
      flash(t('tickets.done'));
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  });
  return form;
}

function transferForm(base) {
  const to = el('select', { name: 'toOfficeId', required: true });
  api('GET', `${base}/transfer-targets`)
    .then(({ offices }) => {
      for (const o of offices)
        to.append(
          el('option', {
            value: o.id,
            text: o.relation === 'parent' ? `${o.name}（${t('tickets.parentOffice')}）` : o.name,
          }),
        );
    })
    .catch(() => {});
  const note = el('input', {
    name: 'note',
    required: true,
    maxlength: 2000,
    placeholder: t('tickets.transferReason'),
  });
  const form = el('form', { class: 'inline' }, [
    to,
    note,
    el('button', { type: 'submit', text: t('tickets.transfer') }),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', `${base}/transfer`, { toOfficeId: to.value, note: note.value });
      flash(t('tickets.done'));
    } catch (err) {
      flash(t('error', { message: err.message }), true);
    }
  });
  return form;
}
