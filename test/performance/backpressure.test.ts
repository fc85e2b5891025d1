import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { WsClient, wsBase } from '../helpers/ws-client.js';

/** A turn that waits until the test lets it go: the queue holds it without any timing. */
function holdTurns(t: TestApp) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  t.app.flows.registerGuard(async (ctx) => {
    if (ctx.text === '等一下') await gate;
    return undefined;
  });
  return () => release();
}

const post = (t: TestApp, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/chat/messages', payload });

describe('a full turn queue answers busy at once, never an unbounded wait', () => {
  let t: TestApp;
  let release: () => void;
  beforeAll(async () => {
    t = await createTestApp({ CHAT_QUEUE_MAX: '2', CHAT_QUEUE_PER_CONVERSATION: '1' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    release = holdTurns(t);
  });
  afterAll(async () => {
    release();
    await t.close();
  });

  it('refuses a second turn of one conversation, then the whole queue, with 503, Retry-After and a busy frame', async () => {
    const held = post(t, { channelUserId: 'queue-a', text: '等一下' });
    await until(() => t.app.chat.queue.size() === 1, 'the first turn to be held');

    const same = await post(t, { channelUserId: 'queue-a', text: '你好' });
    expect(same.statusCode).toBe(503);
    expect(Number(same.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(same.json()).toMatchObject({ statusCode: 503, message: expect.stringContaining('秒后再发一次') });

    const other = post(t, { channelUserId: 'queue-b', text: '等一下' });
    await until(() => t.app.chat.queue.size() === 2, 'the second turn to be held');

    const english = await post(t, { channelUserId: 'queue-c', text: 'hello', locale: 'en' });
    expect(english.statusCode).toBe(503);
    expect(english.json().message).toMatch(/busy right now; please send that again in \d+ s/);

    const socket = new WsClient(`${wsBase(t.app.server)}/ws/chat?channelUserId=queue-d&locale=zh-CN`);
    await socket.waitFor((f) => f.event === 'ready');
    socket.send({ type: 'message', text: '你好' });
    const busy = await socket.waitFor((f) => f.event === 'error');
    expect(busy).toMatchObject({ statusCode: 503, retryAfterSeconds: expect.any(Number) });
    expect(String(busy.message)).toContain('秒后再发一次');

    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'overloaded', reason: 'chat-queue-full' });

    release();
    expect((await held).statusCode).toBe(200);
    expect((await other).statusCode).toBe(200);
    // Room again: the refused socket's retry is answered.
    socket.send({ type: 'message', text: '你好' });
    expect(await socket.waitFor((f) => f.event === 'replies')).toBeTruthy();
    socket.close();
  });

  it('shows the event-loop delay and the turns in flight on /metrics', async () => {
    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toMatch(/gongyou_event_loop_delay_seconds\{quantile="0.99"\} [\d.e-]+/);
    expect(metrics).toMatch(/gongyou_chat_turns_in_flight \d+/);
    expect(metrics).toMatch(/gongyou_chat_turns_per_commit [\d.]+/);
  });
});
