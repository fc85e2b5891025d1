// Gongyou web chat. Plain JS, no framework, no CDN: it must load fast on a cheap phone on 4G.
// Talks to /ws/chat; falls back to POST /api/chat/messages while the socket is down.

import { el, replyView } from './reply-view.js';

const strings = JSON.parse(document.getElementById('strings').textContent);
let lang = document.documentElement.lang;
const t = (key, vars = {}) => {
  const value = key.split('.').reduce((node, part) => node?.[part], strings[lang]) ?? key;
  return value.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars[name] ?? ''));
};

// sendText is declared below (hoisted); the answer's 有用 / 没用 buttons send through it.
const { answerBody, foldedCitations, stationCard, ticketCard } = replyView(
  t,
  () => lang,
  (text) => sendText(text),
);

const $ = (id) => document.getElementById(id);
const log = $('log');
const quick = $('quick');
const input = $('input');
const statusBar = $('status');

// Who this browser is to the server: its own random id, and the secret the server issued with
// the conversation's first reply. Without the secret nobody else can continue this chat.
const newId = () =>
  crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
let userId = localStorage.getItem('gongyou.userId') ?? newId();
localStorage.setItem('gongyou.userId', userId);
let clientSecret = localStorage.getItem('gongyou.clientSecret');

function keepSecret(secret) {
  if (!secret) return;
  clientSecret = secret;
  localStorage.setItem('gongyou.clientSecret', secret);
}

// The server no longer knows this browser's secret (storage cleared halfway, say): start anew.
function startOver() {
  userId = newId();
  clientSecret = null;
  localStorage.setItem('gongyou.userId', userId);
  localStorage.removeItem('gongyou.clientSecret');
}

// The log stays at its newest message while the worker is there: a quick-reply row appearing,
// the keyboard opening or a card growing shrinks the log, and without this the last reply slid
// behind the quick replies.
let atBottom = true;
function scrollDown() {
  log.scrollTop = log.scrollHeight;
  atBottom = true;
}
log.addEventListener('scroll', () => {
  atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 8;
});
// Old WebViews without ResizeObserver still scroll after each reply and quick-reply row.
if (window.ResizeObserver) new ResizeObserver(() => atBottom && scrollDown()).observe(log);

// Every server message with an id is shown once, whether it came with the history, a push or a
// push sent again after a reconnect.
const shown = new Set();
function firstTime(reply) {
  if (!reply?.id) return true;
  if (shown.has(reply.id)) return false;
  shown.add(reply.id);
  return true;
}

// The welcome (in the page's HTML, so there before any script or socket) goes once the chat has begun.
const welcome = $('welcome');
function leaveWelcome() {
  welcome?.remove();
}
for (const button of welcome?.querySelectorAll('button') ?? [])
  button.addEventListener('click', () => sendText(button.dataset.text));

function showStatus(text) {
  statusBar.hidden = !text;
  statusBar.textContent = text || '';
}

function locationLine(where) {
  if (!where) return null;
  const coords = `${Number(where.lat).toFixed(5)}, ${Number(where.lng).toFixed(5)}`;
  return el('span', { class: 'where', text: where.name ? `${where.name} · ${coords}` : coords });
}

function addBubble(who, reply) {
  leaveWelcome();
  const cls = who === 'me' ? 'msg me' : reply?.type === 'staff' ? 'msg staff' : 'msg';
  const bubble = el('div', { class: cls }, [
    reply?.type === 'staff' ? el('span', { class: 'who', text: t('staff') }) : null,
    ...(reply?.answer
      ? answerBody(reply)
      : [el('span', { class: 'text', text: reply?.text ?? '' }), foldedCitations(reply?.citations)]),
    locationLine(reply?.location),
    ...(reply?.stations || []).map(stationCard),
    reply?.ticket ? ticketCard(reply.ticket) : null,
  ]);
  log.append(bubble);
  scrollDown();
  return bubble;
}

function showQuickReplies(replies) {
  quick.replaceChildren();
  const last = [...replies].reverse().find((r) => r.quickReplies?.length);
  // 有用 / 没用 are shown on the answer itself (reply-view.js), not among the quick replies.
  for (const option of (last?.quickReplies || []).filter((o) => !o.feedback)) {
    const button = el('button', { type: 'button', text: option.label });
    button.addEventListener('click', () =>
      option.action === 'share-location' ? shareLocation() : sendText(option.text),
    );
    quick.append(button);
  }
  scrollDown();
}

let streaming = null;
function showReplies(replies) {
  if (streaming) {
    streaming.remove();
    streaming = null;
  }
  const fresh = replies.filter(firstTime);
  for (const reply of fresh) addBubble('bot', reply);
  if (fresh.length) showQuickReplies(fresh);
}

function onDelta(frame) {
  if (!streaming) streaming = addBubble('bot', { text: '' });
  streaming.querySelector('.text').textContent += frame.text;
  scrollDown();
}

function setLanguage(next) {
  if (!next || next === lang || !strings[next]) return;
  lang = next;
  document.documentElement.lang = lang;
  document.title = t('title');
  document.querySelector('.bar h1').textContent = t('title');
  document.querySelector('.bar p').textContent = t('subtitle');
  input.placeholder = t('placeholder');
  $('send').textContent = t('send');
  $('lang').textContent = t('language');
  $('locate').setAttribute('aria-label', t('shareLocation'));
  for (const button of welcome?.querySelectorAll('button') ?? []) {
    button.textContent = t(`menu.${button.dataset.menu}.label`);
    button.dataset.text = t(`menu.${button.dataset.menu}.text`);
  }
}

// --- transport -----------------------------------------------------------------------------
let socket = null;
let retry = 0;
function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const secret = clientSecret ? `&clientSecret=${encodeURIComponent(clientSecret)}` : '';
  socket = new WebSocket(
    `${scheme}://${location.host}/ws/chat?channelUserId=${encodeURIComponent(userId)}${secret}&locale=${lang}&ack=1`,
  );
  socket.addEventListener('open', () => {
    retry = 0;
    showStatus('');
  });
  socket.addEventListener('message', (event) => {
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    if (frame.event === 'ready') return keepSecret(frame.clientSecret);
    if (frame.event === 'delta') return onDelta(frame);
    if (frame.event === 'replies' || frame.event === 'push') {
      // A new conversation's secret comes with its first reply (no row exists before it).
      keepSecret(frame.clientSecret);
      setLanguage(frame.locale);
      // Acknowledged whether shown now or before: the server then stops sending them again.
      const ids = frame.replies.map((reply) => reply.id).filter(Boolean);
      if (ids.length) socket?.send(JSON.stringify({ type: 'ack', ids }));
      return showReplies(frame.replies);
    }
    if (frame.event === 'error' && frame.statusCode !== 401) return addBubble('bot', { text: frame.message });
  });
  socket.addEventListener('close', (event) => {
    socket = null;
    if (event.code === 4401) startOver();
    showStatus(t('reconnecting'));
    // Back off 1 s, 2 s, 4 s … up to 15 s so a dead network doesn't drain the battery.
    setTimeout(connect, Math.min(15000, 1000 * 2 ** retry++));
  });
}

async function send(payload) {
  if (socket?.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ type: 'message', ...payload }));
    return;
  }
  try {
    const response = await fetch('/api/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channelUserId: userId, ...(clientSecret ? { clientSecret } : {}), ...payload }),
    });
    const body = await response.json();
    if (response.status === 401) startOver();
    if (!response.ok) return addBubble('bot', { text: body.message });
    keepSecret(body.clientSecret);
    setLanguage(body.locale);
    showReplies(body.replies);
  } catch {
    showStatus(t('offline'));
  }
}

function sendText(text) {
  const trimmed = text.trim();
  if (!trimmed) return;
  addBubble('me', { text: trimmed });
  quick.replaceChildren();
  send({ text: trimmed });
}

function shareLocation() {
  if (!navigator.geolocation) return addBubble('bot', { text: t('locationDenied') });
  showStatus(t('locating'));
  navigator.geolocation.getCurrentPosition(
    (position) => {
      showStatus('');
      // Browsers report WGS-84; the server converts for Chinese maps.
      const where = { lat: position.coords.latitude, lng: position.coords.longitude, coord: 'wgs84' };
      addBubble('me', { text: t('locationSent'), location: where });
      send({ location: where });
    },
    () => {
      showStatus('');
      addBubble('bot', { text: t('locationDenied') });
    },
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
  );
}

$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  sendText(input.value);
  input.value = '';
  input.focus();
});
$('locate').addEventListener('click', shareLocation);
// Hold-to-talk: voice-recorder.js loads only when the mic is first touched (the page stays small).
const mic = $('mic');
let micHeld = false;
const voiceChat = { t, addBubble, showReplies, showStatus, keepSecret, setLanguage, startOver };
voiceChat.who = () => ({ userId, clientSecret });
mic.addEventListener('pointerup', () => {
  micHeld = false;
});
mic.addEventListener(
  'pointerdown',
  () => {
    micHeld = true;
    import('./voice-recorder.js').then((voice) => voice.holdToTalk(mic, voiceChat, () => micHeld));
  },
  { once: true },
);
$('lang').addEventListener('click', () => sendText(t('languageText')));

// After a reload, show the conversation so far (staff replies included).
async function loadHistory() {
  try {
    const response = await fetch(`/api/chat/history?channelUserId=${encodeURIComponent(userId)}`, {
      headers: clientSecret ? { 'x-client-secret': clientSecret } : {},
    });
    if (response.status === 401) startOver();
    if (!response.ok) return;
    const { messages, clientSecret: issued } = await response.json();
    keepSecret(issued);
    for (const { direction, reply } of messages) {
      if (!firstTime(reply)) continue;
      if (direction === 'out') addBubble('bot', reply);
      // A shared location has no text of its own: it is said in the page's words, with where.
      else addBubble('me', reply.location && !reply.text ? { ...reply, text: t('locationSent') } : reply);
    }
    const last = messages.at(-1);
    if (last?.direction === 'out') showQuickReplies([last.reply]);
  } catch {
    // History is a convenience; the chat works without it.
  }
}

showStatus(t('connecting'));
loadHistory().finally(connect);
