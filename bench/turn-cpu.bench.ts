// CPU per offline chat turn: many conversations at once through app.chat.handle (engine,
// conversation store, group commit), the whole process's user + system CPU divided by turns.
// No HTTP, no sockets: what the turn itself costs the one core it runs on.
import { createTestApp } from '../test/helpers/test-app.js';
import type { BenchRow } from './bench-row.js';
import { mixMessage } from './chat-load/turn-mix.js';

const CONVERSATIONS = 200;
const TURNS_EACH = 24;
const WARM_UP_TURNS = 400;

export default async function run(): Promise<BenchRow[]> {
  const t = await createTestApp({ LOG_LEVEL: 'silent', SEED_SAMPLE_DATA: 'true' });
  try {
    const lane = async (prefix: string, index: number, turns: number) => {
      for (let turn = 0; turn < turns; turn++) {
        const result = await t.app.chat.handle({
          channel: 'web',
          externalUserId: `${prefix}-${index}`,
          ...mixMessage(turn),
        });
        if (!result.replies.length) throw new Error('a turn had no reply');
      }
    };
    await Promise.all(Array.from({ length: WARM_UP_TURNS / 8 }, (_, i) => lane('warm', i, 8)));
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => lane('cpu', i, TURNS_EACH)));
    const cpu = process.cpuUsage(cpuBefore);
    const elapsedMs = performance.now() - started;
    const turns = CONVERSATIONS * TURNS_EACH;
    const cpuMsPerTurn = (cpu.user + cpu.system) / 1000 / turns;
    return [
      {
        area: 'chat',
        metric: `CPU per offline turn (${CONVERSATIONS} conversations at once, mixed turns)`,
        value: cpuMsPerTurn,
        unit: 'ms',
        target: '< 0.8 ms',
        ok: cpuMsPerTurn < 0.8,
      },
      {
        area: 'chat',
        metric: 'offline turns/s in process (same run)',
        value: Math.round(turns / (elapsedMs / 1000)),
        unit: 'turns/s',
      },
    ];
  } finally {
    await t.close();
  }
}
