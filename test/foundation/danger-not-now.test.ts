import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage } from '../../src/conversation/engine.js';
import { initialState } from '../../src/conversation/state.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

// The model may read "被开除了" as danger (it looks like "被打了"); the guards know it is no harm
// now. Such a reading is a question, answered from the cards, never "「feature.danger」 is not built".
describe('a danger reading the guards did not take as danger now', () => {
  const turn = (text: string) =>
    handleMessage(
      {
        conversationId: 'danger-not-now',
        state: initialState(),
        mode: 'bot',
        locale: 'zh-CN',
        isFirstMessage: false,
        inbound: { channel: 'web', externalUserId: 'danger-not-now', text },
        now: new Date(),
      },
      {
        flows: t.app.flows,
        t: t.app.t,
        understand: async () => ({ name: 'danger', score: 0.47, source: 'model' }),
      },
    );

  it('is answered as a question about being dismissed', async () => {
    const result = await turn('被开除了 公司一分钱补偿都不给');
    const text = result.replies.map((reply) => reply.text ?? '').join('\n');
    expect(text).not.toContain('feature.');
    expect(text).not.toContain('建设中');
    expect(text).toMatch(/经济补偿|赔偿金|解除/);
    expect(result.mode).toBe('bot');
    expect(result.effects.some((effect) => effect.type === 'escalate')).toBe(false);
  });

  it('still gets 110/120 and a person when it is harm now', async () => {
    const result = await turn('工头拿刀威胁我 我现在很害怕');
    expect(result.replies[0]?.text).toMatch(/110/);
    expect(result.effects.some((effect) => effect.type === 'escalate')).toBe(true);
  });
});
