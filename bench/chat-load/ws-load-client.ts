// The WebSocket load client, run as its own process (node --import tsx) so its sockets and
// timers do not share the server's event loop. N conversations each send a turn every 2–5 s
// (the turn mix), and it prints one JSON line: latencies, errors, unanswered turns.
// Usage: ws-load-client.ts '{"url":"ws://…/ws/chat","conversations":1000,"seconds":20,"echo":false}'
import WebSocket from 'ws';
import { mixMessage } from './turn-mix.js';

interface Options {
  url: string;
  conversations: number;
  seconds: number;
  /** The bare echo server answers each frame with itself instead of a `replies` frame. */
  echo: boolean;
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const latencies: number[] = [];
let sent = 0;
let errors = 0;
let busy = 0;
let stopping = false;
const waiting = new Set<{ at: number }>();
const sockets: WebSocket[] = [];
// Deterministic spacing so two runs send the same load.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

function conversation(index: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${options.url}?channelUserId=load-${process.pid}-${index}`);
    sockets.push(socket);
    const pending: { at: number }[] = [];
    let turn = 0;
    let timer: NodeJS.Timeout | undefined;
    const next = () => {
      timer = setTimeout(sendTurn, 2000 + random() * 3000);
    };
    const sendTurn = () => {
      if (stopping || socket.readyState !== socket.OPEN) return;
      const item = { at: performance.now() };
      pending.push(item);
      waiting.add(item);
      sent += 1;
      socket.send(JSON.stringify({ type: 'message', ...mixMessage(turn++) }));
      next();
    };
    socket.on('open', () => {
      resolve();
      // The first turn at a random point of the first 2–5 s, so the sends spread out.
      timer = setTimeout(sendTurn, random() * 3000);
    });
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { event?: string; statusCode?: number; type?: string };
      const answers = options.echo ? frame.type === 'message' : frame.event === 'replies';
      if (frame.event === 'error') {
        if (frame.statusCode === 503) busy += 1;
        else errors += 1;
      }
      if (!answers && frame.event !== 'error') return;
      const item = pending.shift();
      if (!item) return;
      waiting.delete(item);
      if (answers) latencies.push(performance.now() - item.at);
    });
    socket.on('error', () => {
      errors += 1;
      resolve();
    });
    socket.on('close', () => {
      if (timer) clearTimeout(timer);
      if (!stopping) errors += 1;
    });
  });
}

const started = performance.now();
// Ramp the connections up over a second or two rather than one burst of handshakes.
for (let i = 0; i < options.conversations; i += 50) {
  await Promise.all(
    Array.from({ length: Math.min(50, options.conversations - i) }, (_, k) => conversation(i + k)),
  );
}
await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
stopping = true;
const loadSeconds = (performance.now() - started) / 1000;
// Turns still in flight get a grace period to be answered before they count as unanswered.
for (let waited = 0; waiting.size && waited < 20_000; waited += 100)
  await new Promise((r) => setTimeout(r, 100));
for (const socket of sockets) socket.terminate();
latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
process.stdout.write(
  `${JSON.stringify({
    sent,
    answered: latencies.length,
    busy,
    errors,
    unanswered: waiting.size,
    p50: at(50),
    p99: at(99),
    turnsPerSecond: latencies.length / loadSeconds,
  })}\n`,
);
process.exit(0);
