import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChatCompletionBody, completion, llmEnv } from '../helpers/openai-mock.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

const LLM = 'http://llm-intake.test';
const MESSAGE = '我叫孙悟空，在浦东给快跑跑送外卖，他们欠我工资一万二，两个月了，电话138 1234 0000';
const NO_FACTS = {
  industry: null,
  platform: null,
  employer: null,
  place: null,
  amountYuan: null,
  periodText: null,
  workerCount: null,
  job: null,
};
const reading = (intent: string, facts: Partial<typeof NO_FACTS> | Record<string, unknown> = {}) =>
  completion(
    JSON.stringify({
      intent,
      topic: intent === 'arrears' ? 'wages' : null,
      facts: { ...NO_FACTS, ...facts },
    }),
  );

describe('the intake takes its facts from the one understanding call (nock)', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    // A provider slower than 1.5 s counts as down; a loaded test machine answers well within it.
    t = await createTestApp({ ...llmEnv(LLM, { understanding: true }), LLM_TIMEOUT_MS: '1500' });
  }, 60_000);
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  it('takes the employer from it, makes one call per turn, and never shows the phone or the name', async () => {
    const sent: ChatCompletionBody[] = [];
    const replies = [
      reading('arrears', {
        industry: 'delivery',
        employer: '快跑跑',
        place: '浦东',
        amountYuan: 12000,
        periodText: '两个月',
      }),
      reading('greeting'),
      reading('greeting'),
    ];
    nock(LLM)
      .post('/v1/chat/completions', (body: ChatCompletionBody) => {
        sent.push(body);
        return true;
      })
      .times(6)
      .reply(200, () => replies[sent.length - 1] ?? reading('out_of_scope'));
    const user = 'llm-intake-1';
    const summary = (await chat(t.app, { channelUserId: user, text: MESSAGE })).replies[0]!;
    expect(summary.text).toContain('请核对');
    expect(summary.text).toContain('欠薪单位：快跑跑');
    expect(sent).toHaveLength(1);
    await chat(t.app, { channelUserId: user, text: '确认' });
    const receipt = (await chat(t.app, { channelUserId: user, text: '同意' })).replies[0]!;
    expect(receipt.type).toBe('ticket');
    // Three turns, three calls: the intake asks the model nothing of its own.
    expect(sent).toHaveLength(3);
    const first = JSON.stringify(sent[0]?.messages);
    expect(first).toContain('快跑跑');
    expect(first).not.toContain('12340000');
    expect(first).not.toContain('孙悟空');
    expect(first).toContain('[姓名]');
  });

  it('refuses facts the message does not support', async () => {
    nock(LLM)
      .post('/v1/chat/completions')
      .reply(200, reading('arrears', { employer: '编造的公司有限公司', place: '北京市朝阳区' }));
    const reply = (await chat(t.app, { channelUserId: 'llm-intake-2', text: MESSAGE })).replies[0]!;
    expect(reply.text).toContain('哪家公司');
  });

  it('asks the worker, as offline, when the model fails or times out', async () => {
    nock(LLM)
      .post('/v1/chat/completions')
      .reply(500, { error: { message: 'down' } });
    const failed = (await chat(t.app, { channelUserId: 'llm-intake-3', text: MESSAGE })).replies[0]!;
    expect(failed.text).toContain('哪家公司');
    nock(LLM)
      .post('/v1/chat/completions')
      .delay(3000)
      .reply(200, reading('arrears', { employer: '快跑跑' }));
    const slow = (await chat(t.app, { channelUserId: 'llm-intake-4', text: MESSAGE })).replies[0]!;
    expect(slow.text).toContain('哪家公司');
  });

  it('sends a name given alone nowhere, and asks nothing about a menu button', async () => {
    const user = 'llm-intake-5';
    const button = nock(LLM).post('/v1/chat/completions').reply(200, reading('greeting'));
    await chat(t.app, { channelUserId: 'llm-intake-6', text: '我要反映欠薪' });
    expect(button.isDone()).toBe(false);
    nock.cleanAll();
    const opening = nock(LLM).post('/v1/chat/completions').reply(200, reading('arrears'));
    await chat(t.app, { channelUserId: user, text: '老板欠我工资不给' });
    expect(opening.isDone()).toBe(true);
    const name = nock(LLM).post('/v1/chat/completions').reply(200, reading('greeting'));
    await chat(t.app, { channelUserId: user, text: '孙悟空' });
    expect(name.isDone()).toBe(false);
  });

  it('keeps the facts the call read in a question about pay, so filing starts with them', async () => {
    const user = 'llm-intake-7';
    nock(LLM)
      .post('/v1/chat/completions')
      .reply(200, reading('question', { employer: '快跑跑' }))
      // The answer's own call fails: the offline answer stands.
      .post('/v1/chat/completions')
      .reply(500, { error: { message: 'down' } });
    await chat(t.app, { channelUserId: user, text: '快跑跑一直不发工资 合法吗？' });
    const filing = (await chat(t.app, { channelUserId: user, text: '我要反映欠薪' })).replies[0]!;
    expect(filing.text).not.toContain('哪家公司');
  });
});
