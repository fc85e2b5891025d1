import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChatCompletionBody, completion, llmEnv } from '../helpers/openai-mock.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

const LLM = 'http://llm-intake.test';
const MESSAGE = '我叫孙悟空，在浦东给快跑跑送外卖，他们欠我工资一万二，两个月了，电话138 1234 0000';

type Body = ChatCompletionBody;

describe('intake with an LLM for the facts the parsers miss (nock)', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp({
      ...llmEnv(LLM),
    });
  }, 60_000);
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  it('takes the employer from the model, and never shows it the phone or the name', async () => {
    let sent: Body | undefined;
    nock(LLM)
      .post('/v1/chat/completions', (body: Body) => {
        sent = body;
        return true;
      })
      .reply(
        200,
        completion(
          '```json\n{"industry":"delivery","employer":"快跑跑","place":"浦东","amountYuan":12000,"periodText":"两个月","workerCount":null,"evidence":[],"wants":["recover_wages"]}\n```',
        ),
      );
    const reply = (await chat(t.app, { channelUserId: 'llm-intake-1', text: MESSAGE })).replies[0]!;
    expect(reply.text).toContain('请核对');
    expect(reply.text).toContain('欠薪单位：快跑跑');
    const userMessage = sent?.messages[1]?.content ?? '';
    expect(userMessage).toContain('快跑跑');
    expect(userMessage).not.toContain('12340000');
    expect(userMessage).not.toContain('孙悟空');
    expect(userMessage).toContain('[姓名]');
  });

  it('refuses facts the message does not support', async () => {
    nock(LLM)
      .post('/v1/chat/completions')
      .reply(200, completion('{"employer":"编造的公司有限公司","place":"北京市朝阳区"}'));
    const reply = (await chat(t.app, { channelUserId: 'llm-intake-2', text: MESSAGE })).replies[0]!;
    expect(reply.text).toContain('哪家公司');
  });

  it('asks the worker, as offline, when the model fails or times out', async () => {
    nock(LLM)
      .post('/v1/chat/completions')
      .reply(500, { error: { message: 'down' } });
    const failed = (await chat(t.app, { channelUserId: 'llm-intake-3', text: MESSAGE })).replies[0]!;
    expect(failed.text).toContain('哪家公司');
    nock(LLM).post('/v1/chat/completions').delay(2000).reply(200, completion('{"employer":"快跑跑"}'));
    const slow = (await chat(t.app, { channelUserId: 'llm-intake-4', text: MESSAGE })).replies[0]!;
    expect(slow.text).toContain('哪家公司');
  });
});
