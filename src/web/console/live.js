// The console's live feed (/ws/staff): reconnects with backoff; the token in the URL proves the
// page is ours (a cross-site page could open the socket with our cookie, but not know it).
import { getCsrf } from './api.js';
import { $, t } from './dom.js';

let socket;
let retry = 0;
let stopped = false;
let pingTimer;

export function connectLive(onFrame) {
  stopped = false;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/ws/staff?csrf=${encodeURIComponent(getCsrf())}`);
  socket.addEventListener('open', () => {
    retry = 0;
    $('live').textContent = t('live.connected');
    $('live').className = 'live ok';
    clearInterval(pingTimer);
    pingTimer = setInterval(() => socket.readyState === 1 && socket.send('ping'), 25_000);
  });
  socket.addEventListener('message', (event) => {
    try {
      onFrame(JSON.parse(event.data));
    } catch {
      // A frame we cannot read is skipped; the next one still counts.
    }
  });
  socket.addEventListener('close', () => {
    clearInterval(pingTimer);
    if (stopped) return;
    $('live').textContent = t('live.reconnecting');
    $('live').className = 'live down';
    retry = Math.min(retry + 1, 6);
    setTimeout(() => connectLive(onFrame), 500 * 2 ** retry);
  });
}

export function disconnectLive() {
  stopped = true;
  socket?.close();
}
