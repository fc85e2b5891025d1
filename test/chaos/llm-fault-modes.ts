import { Readable } from 'node:stream';
import nock from 'nock';
import { completion } from '../helpers/openai-mock.js';

/** One streamed delta, as an OpenAI-compatible server sends it. */
const event = (piece: string) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-chaos',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'test-model',
    choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
  })}\n\n`;

/** A body that sends a first piece and then never another byte, never ending. */
function hangingBody(): Readable {
  const body = new Readable({ read() {} });
  body.push(event('拖欠工资'));
  return body;
}

/** A body that sends a first piece and then breaks off, as a dropped connection does. */
function cutBody(): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) return this.destroy(new Error('socket hang up'));
      sent = true;
      this.push(event('拖欠工资违法，'));
    },
  });
}

/**
 * Ways the model's provider fails, each answering every call (streamed or not) for as long as
 * it is installed: the worker's whole conversation meets it, not one lucky call.
 */
export const LLM_FAULTS = {
  /** Headers never come (the client's deadline is 400 ms). */
  'hangs before answering': (base: string) =>
    nock(base).persist().post('/v1/chat/completions').delay(5000).reply(200, completion('太晚了')),
  /** Headers and one piece come, then nothing, for ever. */
  'hangs mid-stream': (base: string) =>
    nock(base)
      .persist()
      .post('/v1/chat/completions')
      .reply(200, () => hangingBody(), { 'Content-Type': 'text/event-stream' }),
  'answers 500': (base: string) =>
    nock(base)
      .persist()
      .post('/v1/chat/completions')
      .reply(500, { error: { message: 'upstream exploded' } }),
  'answers garbage': (base: string) =>
    nock(base)
      .persist()
      .post('/v1/chat/completions')
      .reply(200, 'data: {"choices":[{"delta":{"content":\n\n<html>502 gateway</html>', {
        'Content-Type': 'text/event-stream',
      }),
  'cuts the stream': (base: string) =>
    nock(base)
      .persist()
      .post('/v1/chat/completions')
      .reply(200, () => cutBody(), { 'Content-Type': 'text/event-stream' }),
} as const;

export type LlmFault = keyof typeof LLM_FAULTS;
