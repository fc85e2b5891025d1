import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlm } from '../../src/platform/llm/llm-plugin.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

// What `npm start` gives out of the box: no statutes imported, no API key.
describe('offline answers from the cards alone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('runs without an LLM when no key is set', () => {
    expect(t.app.llm).toBeUndefined();
    expect(
      createLlm({ OPENAI_BASE_URL: 'http://x', OPENAI_MODEL: 'm', LLM_TIMEOUT_MS: 1000 }),
    ).toBeUndefined();
  });

  it('still answers with the card’s citations (labels, no statute text)', async () => {
    const body = await chat(t.app, { channelUserId: 'cards-1', text: '没签劳动合同能要双倍工资吗？' });
    const [reply] = body.replies;
    expect(reply?.type).toBe('answer');
    expect(reply?.text).toContain('二倍工资');
    expect(reply?.citations).toContainEqual({ law: '劳动合同法', article: 82, title: '第八十二条' });
    expect(reply?.text).toContain('《劳动合同法》第八十二条');
  });
});
