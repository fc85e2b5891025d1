// Hold-to-talk for the web chat: MediaRecorder records while the mic button is held, and the
// recording goes as one multipart upload to POST /api/chat/voice, authorised like the chat's
// messages (this browser's channelUserId and clientSecret). Loaded only on the first touch of
// the mic, so the page's first paint never pays for it.

/** WeChat caps voice at 60 s; a longer press is a pocket, not a worker talking. */
const MAX_MS = 60000;
/** Shorter than this is a tap, not speech: say how it works instead of sending a click. */
const MIN_MS = 600;
/** What the recognisers read best, in order; Safari only records MP4. */
const TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4', 'audio/webm'];

function recorderOptions() {
  const type = TYPES.find((candidate) => MediaRecorder.isTypeSupported?.(candidate));
  return type ? { mimeType: type } : {};
}

export function holdToTalk(button, chat, stillHeld) {
  let held = stillHeld();
  let recorder;
  let stream;
  let chunks = [];
  let started = 0;
  let timer;

  async function start() {
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      return chat.addBubble('bot', { text: chat.t('voiceUnsupported') });
    }
    if (recorder?.state === 'recording') return;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return chat.addBubble('bot', { text: chat.t('micDenied') });
    }
    // Let go while the permission prompt was up: nothing to record (the next press records).
    if (!held) return release();
    chunks = [];
    recorder = new MediaRecorder(stream, recorderOptions());
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size) chunks.push(event.data);
    });
    recorder.addEventListener('stop', finish);
    recorder.start();
    started = Date.now();
    button.classList.add('recording');
    chat.showStatus(chat.t('recording'));
    timer = setTimeout(stop, MAX_MS);
  }

  function stop() {
    clearTimeout(timer);
    if (recorder?.state === 'recording') recorder.stop();
  }

  function release() {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
  }

  async function finish() {
    release();
    button.classList.remove('recording');
    chat.showStatus('');
    if (Date.now() - started < MIN_MS || !chunks.length) return chat.showStatus(chat.t('holdLonger'));
    const blob = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
    chat.addBubble('me', { text: chat.t('voiceSent') });
    const { userId, clientSecret } = chat.who();
    // Fields before the file: the server reads them as the upload streams in.
    const form = new FormData();
    form.append('channelUserId', userId);
    if (clientSecret) form.append('clientSecret', clientSecret);
    form.append('file', blob, 'voice');
    try {
      const response = await fetch('/api/chat/voice', { method: 'POST', body: form });
      const body = await response.json();
      if (response.status === 401) chat.startOver();
      if (!response.ok) return chat.addBubble('bot', { text: body.message });
      chat.keepSecret(body.clientSecret);
      chat.setLanguage(body.locale);
      chat.showReplies(body.replies);
    } catch {
      chat.showStatus(chat.t('offline'));
    }
  }

  button.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    held = true;
    start();
  });
  for (const type of ['pointerup', 'pointercancel', 'pointerleave']) {
    button.addEventListener(type, () => {
      held = false;
      stop();
    });
  }
  // The press that loaded this module may still be going on.
  if (held) start();
}
