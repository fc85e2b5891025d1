import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { llmEnv } from '../helpers/openai-mock.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type Frame, WsClient, wsBase } from '../helpers/ws-client.js';
import { LLM_FAULTS, type LlmFault } from './llm-fault-modes.js';

const LLM = 'http://llm-chaos.test';
// A question about the law (a report put as a question is answered offline with the offer to file).
const QUESTION = '加班费是怎么算的？周末加班给多少？';
const INTAKE = [
  '我是美团骑手，在浦东新区张江站送餐，站长拖欠我3个月工资一共一万二，我叫李强，电话138 1234 5678',
  '确认',
  '同意',
];

// Issue 16, chaos: the model's provider fails in each way a provider fails, on every call of a
// conversation that asks a question and then files a complaint over the live socket (the path
// that streams). The worker must get a reply to every message, the complaint must become one
// ticket, and every message must be stored once.
describe('a conversation while the LLM provider fails', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    // The understanding call on every message meets the fault too.
    t = await createTestApp(llmEnv(LLM, { understanding: true }));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  it.each(Object.keys(LLM_FAULTS) as LlmFault[])('when it %s', async (fault) => {
    const scope = LLM_FAULTS[fault](LLM);
    const client = new WsClient(
      `${wsBase(t.app.server)}/ws/chat?channelUserId=chaos-${fault.replace(/\W+/g, '-')}`,
    );
    await client.waitFor((f) => f.event === 'ready');

    const answered: Frame[] = [];
    for (const text of [QUESTION, ...INTAKE]) {
      client.send({ type: 'message', text });
      answered.push(await client.waitFor((f) => f.event === 'replies' || f.event === 'error', 10_000));
    }
    client.close();
    // The conversation exists from the first message on; its first reply names it.
    const conversationId = String(answered[0]?.conversationId);
    expect(scope.isDone()).toBe(true);
    // Where the fault strikes mid-stream, the worker had already seen the first piece.
    const streamed = client.frames.some((f) => f.event === 'delta');
    expect(streamed).toBe(fault === 'hangs mid-stream' || fault === 'cuts the stream');
    expect(answered.map((f) => f.event)).toEqual(['replies', 'replies', 'replies', 'replies']);

    type Reply = { type: string; text: string; ticket?: { number: string } };
    const replies = answered.map((f) => f.replies as Reply[]);
    // The question gets the offline answer; nothing of the provider's failure shows.
    expect(replies[0]?.[0]?.type).toBe('answer');
    for (const reply of replies.flat()) {
      expect(reply.text.trim()).not.toBe('');
      expect(reply.text).not.toMatch(/upstream|gateway|太晚了|error/i);
    }
    expect(replies[1]?.[0]?.text).toContain('李强');
    const receipt = replies[3]?.find((r) => r.type === 'ticket');
    expect(receipt?.ticket?.number).toMatch(/^GY-\d{8}-\d{4}$/);

    // One ticket for the one complaint, and every message stored once, in order.
    const tickets = await t.app.prisma.ticket.findMany({ where: { conversationId } });
    expect(tickets.map((row) => row.number)).toEqual([receipt?.ticket?.number]);
    const history = await t.app.conversations.history(conversationId);
    expect(history.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual([QUESTION, ...INTAKE]);
    expect(history.filter((m) => m.direction === 'out').map((m) => m.text)).toEqual(
      replies.flat().map((r) => r.text),
    );
  });
});
