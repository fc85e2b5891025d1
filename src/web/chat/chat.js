// Gongyou web chat. Plain JS, no framework, no CDN: it must load fast on a cheap phone on 4G.
// Talks to /ws/chat; falls back to POST /api/chat/messages while the socket is down.

const strings = JSON.parse(document.getElementById('strings').textContent);
let lang = document.documentElement.lang;
const t = (key, vars = {}) => {
  const value = key.split('.').reduce((node, part) => node?.[part], strings[lang]) ?? key;
  return value.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars[name] ?? ''));
};

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

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function scrollDown() {
  log.scrollTop = log.scrollHeight;
}

function showStatus(text) {
  statusBar.hidden = !text;
  statusBar.textContent = text || '';
}

function formatDistance(metres) {
  return metres < 1000
    ? t('distance.m', { value: Math.round(metres) })
    : t('distance.km', { value: (metres / 1000).toFixed(1) });
}

function citationList(citations) {
  if (!citations?.length) return null;
  const items = citations.map((c) =>
    el('li', {}, [
      el('b', { text: `《${c.law}》${t('article', { article: c.article })}` }),
      c.title ? ` ${c.title}` : '',
    ]),
  );
  return el('div', { class: 'cites' }, [el('div', { text: t('citations') }), el('ul', {}, items)]);
}

function stationCard(s) {
  const links = s.mapLinks || {};
  const nav = el(
    'div',
    { class: 'nav' },
    [
      ['amap', links.amap],
      ['tencent', links.tencent],
      ['baidu', links.baidu],
    ]
      .filter(([, href]) => href)
      .map(([name, href]) =>
        el('a', { href, target: '_blank', rel: 'noopener', text: `${t('navigate')} · ${t(name)}` }),
      ),
  );
  return el('div', { class: 'card' }, [
    el('h3', { text: s.name }),
    el('div', { class: 'meta' }, [
      el('span', { class: s.openNow ? 'open' : 'closed', text: s.openNow ? t('openNow') : t('closedNow') }),
      // From a typed place the distance is from its centre, not from the worker: not shown.
      `${s.distanceFrom === 'place' ? '' : ` · ${formatDistance(s.distanceM)}`} · ${s.hoursToday || ''}`,
    ]),
    el('div', { class: 'meta', text: s.address }),
    el(
      'div',
      { class: 'tags' },
      (s.amenities || []).map((a) => el('span', { text: s.amenityLabels?.[a] || a })),
    ),
    nav,
  ]);
}

function ticketCard(ticket) {
  const rows = [
    ['number', ticket.number],
    ['queryCode', ticket.queryCode],
    // The server sends the words; a receipt without them (the intake's) is named from the page's strings.
    ['status', ticket.statusLabel || t(`ticketStatus.${ticket.status}`)],
    ['office', ticket.office?.name],
    ['dueAt', ticket.dueAt ? new Date(ticket.dueAt).toLocaleString(lang) : ''],
  ].filter(([, value]) => value);
  return el('div', { class: 'card ticket' }, [
    el(
      'dl',
      {},
      rows.flatMap(([key, value]) => [el('dt', { text: t(`ticket.${key}`) }), el('dd', { text: value })]),
    ),
  ]);
}

function addBubble(who, reply) {
  const cls = who === 'me' ? 'msg me' : reply?.type === 'staff' ? 'msg staff' : 'msg';
  const bubble = el('div', { class: cls }, [
    reply?.type === 'staff' ? el('span', { class: 'who', text: t('staff') }) : null,
    el('span', { class: 'text', text: reply?.text ?? '' }),
    citationList(reply?.citations),
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
  for (const option of last?.quickReplies || []) {
    const button = el('button', { type: 'button', text: option.label });
    button.addEventListener('click', () =>
      option.action === 'share-location' ? shareLocation() : sendText(option.text),
    );
    quick.append(button);
  }
}

let streaming = null;
function showReplies(replies) {
  if (streaming) {
    streaming.remove();
    streaming = null;
  }
  for (const reply of replies) addBubble('bot', reply);
  showQuickReplies(replies);
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
}

// --- transport -----------------------------------------------------------------------------
let socket = null;
let retry = 0;
function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const secret = clientSecret ? `&clientSecret=${encodeURIComponent(clientSecret)}` : '';
  socket = new WebSocket(
    `${scheme}://${location.host}/ws/chat?channelUserId=${encodeURIComponent(userId)}${secret}&locale=${lang}`,
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
      addBubble('me', { text: t('locationSent') });
      // Browsers report WGS-84; the server converts for Chinese maps.
      send({ location: { lat: position.coords.latitude, lng: position.coords.longitude, coord: 'wgs84' } });
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
    for (const message of messages) addBubble(message.direction === 'in' ? 'me' : 'bot', message.reply);
    const last = messages.at(-1);
    if (last?.direction === 'out') showQuickReplies([last.reply]);
  } catch {
    // History is a convenience; the chat works without it.
  }
}

showStatus(t('connecting'));
loadHistory().finally(connect);
