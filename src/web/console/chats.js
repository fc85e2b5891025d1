// Live chats: the office's queue (urgent first), one open transcript, claim / reply / hand back / close.
import { api } from './api.js';
import { initChatTools, onNoteFrame, openChatTools, refreshComposer } from './chat-tools.js';
import { $, clear, el, flash, lang, t, time } from './dom.js';
import { initQueueFilter, passesLabelFilter } from './queue-filter.js';
import { labelChips } from './ticket-labels.js';

const RANK = { urgent: 0, high: 1, normal: 2 };
const handoffs = new Map();
let selected;
let me;

export function initChats(staff) {
  me = staff;
  initChatTools(staff);
  initQueueFilter(renderQueue);
  $('claim').addEventListener('click', () => act('claim'));
  $('release').addEventListener('click', () => act('release'));
  $('close').addEventListener('click', () => act('close'));
  $('reply-form').addEventListener('submit', sendReply);
  $('reply-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('reply-form').requestSubmit();
    }
  });
}

/** Frames from /ws/staff. */
document.addEventListener('chat-labels', (event) => {
  const { handoffId, labels } = event.detail;
  const item = handoffs.get(handoffId);
  if (!item) return;
  handoffs.set(handoffId, { ...item, labels });
  renderQueue();
});

export function onLiveFrame(frame) {
  if (frame.event === 'ready') {
    handoffs.clear();
    for (const h of frame.handoffs) handoffs.set(h.id, h);
    renderQueue();
  } else if (frame.event === 'queue') {
    const h = frame.handoff;
    // A queue change carries no labels: the chat keeps the ones it had.
    if (h.status === 'waiting' || h.status === 'claimed')
      handoffs.set(h.id, { labels: handoffs.get(h.id)?.labels ?? [], ...h });
    else handoffs.delete(h.id);
    renderQueue();
    if (selected?.id === h.id) {
      selected = { ...selected, ...h };
      renderActions();
    }
  } else if (frame.event === 'note') {
    onNoteFrame(frame);
  } else if (frame.event === 'message' && selected?.id === frame.handoff.id) {
    // The staff member's own reply is already on screen.
    if (frame.message.author === 'staff' && frame.message.staffId === me.id) return;
    appendMessage(frame.message);
  }
}

/** Where, how, how long and which ticket: "上海市徐汇区 · 网页 · 中文 · 等待 12 分钟 · GY-…". */
function queueFacts(h) {
  const region = lang === 'en' ? h.regionNameEn : h.regionName;
  const since = h.status === 'claimed' ? h.claimedAt : h.createdAt;
  const minutes = Math.max(0, Math.round((Date.now() - new Date(since).getTime()) / 60000));
  return [
    region ?? t('chats.regionUnknown'),
    h.channel ? t(`channel.${h.channel}`) : null,
    h.locale ? t(`languageName.${h.locale}`) : null,
    t(h.status === 'claimed' ? 'chats.claimedFor' : 'chats.waitingFor', { minutes }),
    h.ticketNumber ? t('chats.ticket', { number: h.ticketNumber }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function renderQueue() {
  const list = clear($('queue'));
  const items = [...handoffs.values()].sort(
    (a, b) => (RANK[a.priority] ?? 2) - (RANK[b.priority] ?? 2) || a.createdAt.localeCompare(b.createdAt),
  );
  const waiting = items.filter((h) => h.status === 'waiting').length;
  $('waiting-count').textContent = String(waiting);
  $('waiting-count').hidden = waiting === 0;
  const shown = items.filter(passesLabelFilter);
  if (!shown.length) list.append(el('li', { class: 'empty', text: t('chats.empty') }));
  for (const h of shown) {
    list.append(
      el(
        'li',
        {
          class: `item ${h.status} ${h.priority}${selected?.id === h.id ? ' selected' : ''}`,
          'data-id': h.id,
          onclick: () => open(h.id),
        },
        [
          el('span', { class: `badge ${h.priority}`, text: t(`priority.${h.priority}`) }),
          el('strong', { text: t(`reason.${h.reason}`) }),
          el('span', { class: 'state', text: t(`status.${h.status}`) }),
          h.preview ? el('p', { class: 'preview', text: h.preview }) : null,
          h.labels?.length ? labelChips(h.labels) : null,
          el('small', { text: queueFacts(h) }),
        ],
      ),
    );
  }
}

async function open(id) {
  try {
    const detail = await api('GET', `/api/staff/handoffs/${id}`);
    selected = detail.handoff;
    const head = clear($('chat-head'));
    head.append(
      el('strong', { text: t(`reason.${selected.reason}`) }),
      ' · ',
      el('span', {
        text: `${detail.conversation?.channel ? t(`channel.${detail.conversation.channel}`) : ''} · ${time(selected.createdAt)}`,
      }),
    );
    clear($('transcript'));
    for (const m of detail.messages) appendMessage(m);
    renderQueue();
    renderActions();
    await openChatTools(selected);
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

function appendMessage(m) {
  const who =
    m.direction === 'in' ? 'user' : m.author === 'staff' ? 'staff' : m.author === 'bot' ? 'bot' : 'system';
  const list = $('transcript');
  list.append(
    el('li', { class: `msg ${who}`, 'data-at': m.at }, [
      el('span', { class: 'who', text: t(`chats.${who}`) }),
      el('p', { text: m.text ?? '' }),
      // A voice message the bot could not hear: staff play it (served only inside their offices).
      m.voice && selected
        ? el('audio', {
            controls: true,
            preload: 'none',
            'aria-label': t('chats.voice'),
            src: `/api/staff/handoffs/${selected.id}/voice/${encodeURIComponent(m.voice.attachmentId)}`,
          })
        : null,
      el('time', { text: time(m.at) }),
    ]),
  );
  list.scrollTop = list.scrollHeight;
}

function renderActions() {
  const mine = selected?.status === 'claimed' && selected.claimedById === me.id;
  const oversee = me.role !== 'agent';
  $('claim').disabled = selected?.status !== 'waiting';
  $('release').disabled = !(mine || (oversee && selected?.status === 'claimed'));
  $('close').disabled = !(mine || (oversee && selected && ['waiting', 'claimed'].includes(selected.status)));
  $('reply-text').disabled = !mine;
  $('reply-send').disabled = !mine;
  if (mine) $('reply-text').focus();
  refreshComposer(selected);
}

async function act(action) {
  if (!selected) return;
  try {
    const result = await api('POST', `/api/staff/handoffs/${selected.id}/${action}`);
    selected = result.handoff;
    if (selected.status === 'waiting' || selected.status === 'claimed')
      handoffs.set(selected.id, { ...handoffs.get(selected.id), ...selected });
    else handoffs.delete(selected.id);
    renderQueue();
    renderActions();
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}

async function sendReply(event) {
  event.preventDefault();
  const text = $('reply-text').value.trim();
  if (!text || !selected) return;
  try {
    await api('POST', `/api/staff/handoffs/${selected.id}/messages`, { text });
    appendMessage({ direction: 'out', author: 'staff', text, at: new Date().toISOString() });
    $('reply-text').value = '';
  } catch (err) {
    flash(t('error', { message: err.message }), true);
  }
}
