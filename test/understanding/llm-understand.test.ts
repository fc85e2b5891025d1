import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUnderstand } from '../../src/conversation/understanding/understand.js';
import { createLlm } from '../../src/platform/llm/llm-plugin.js';
import { completion } from '../helpers/openai-mock.js';

const BASE = 'http://llm.test';
const llm = createLlm({
  OPENAI_API_KEY: 'sk-test',
  OPENAI_BASE_URL: `${BASE}/v1`,
  OPENAI_MODEL: 'test-model',
  LLM_TIMEOUT_MS: 400,
});
const understand = createUnderstand({ llm: () => llm });

const reading = {
  intent: 'arrears',
  topic: 'wages',
  facts: {
    industry: 'courier',
    platform: null,
    employer: '上海速达配送服务有限公司',
    place: '闵行区',
    amountYuan: 18600,
    periodText: '从去年年底到现在',
    workerCount: null,
    job: '仓库分拣',
  },
};

describe('one structured LLM call reads the intent and the intake facts (nock)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('uses a reply that fits the schema, asking for it by JSON schema and with the phone masked', async () => {
    let sent: { response_format?: { type: string }; messages: { content: string }[] } | undefined;
    nock(BASE)
      .post('/v1/chat/completions', (body) => {
        sent = body;
        return true;
      })
      .reply(200, completion(JSON.stringify(reading)));
    const result = await understand({
      text: '公司叫上海速达配送服务有限公司 在闵行 仓库分拣 一共18600 电话13812345678',
    });
    expect(result).toMatchObject({ name: 'arrears', source: 'llm', topic: 'wages' });
    expect(result.facts?.employer).toBe('上海速达配送服务有限公司');
    expect(sent?.response_format?.type).toBe('json_schema');
    expect(JSON.stringify(sent?.messages)).not.toContain('13812345678');
  });

  it.each([
    ['an intent outside the schema', () => completion(JSON.stringify({ ...reading, intent: 'weather' }))],
    ['a missing facts object', () => completion(JSON.stringify({ intent: 'arrears', topic: null }))],
    ['prose instead of JSON', () => completion('我认为这是欠薪')],
  ])('keeps the offline reading on %s', async (_name, body) => {
    nock(BASE).post('/v1/chat/completions').reply(200, body());
    const result = await understand({ text: '老板欠我三个月工资不给' });
    expect(result.source).not.toBe('llm');
  });

  it('keeps the offline reading on a provider error and on a timeout', async () => {
    nock(BASE).post('/v1/chat/completions').reply(500, { error: 'down' });
    expect((await understand({ text: '老板欠我三个月工资不给' })).source).not.toBe('llm');
    nock(BASE)
      .post('/v1/chat/completions')
      .delay(1000)
      .reply(200, completion(JSON.stringify(reading)));
    expect((await understand({ text: '老板欠我三个月工资不给' })).source).not.toBe('llm');
  });

  it('never asks the LLM about an exact command', async () => {
    const scope = nock(BASE)
      .post('/v1/chat/completions')
      .reply(200, completion(JSON.stringify(reading)));
    expect(await understand({ text: '取消' })).toMatchObject({ name: 'cancel', source: 'command' });
    expect(scope.isDone()).toBe(false);
  });
});
