import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('bad input gets a clear 4xx, never a 5xx', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(async () => t.close());

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      payload,
      headers: { 'content-type': contentType },
    });

  it.each([
    ['malformed JSON', '{"text":', 400],
    ['a JSON array', '[1,2]', 400],
    ['a JSON string', '"你好"', 400],
    ['null', 'null', 400],
    ['wrong types', '{"text":42}', 400],
    ['unknown fields', '{"text":"hi","admin":true}', 400],
    ['no text and no location', '{}', 400],
    ['only whitespace', '{"text":"   "}', 400],
    ['latitude out of range', '{"location":{"lat":123,"lng":116,"coord":"wgs84"}}', 400],
    ['an unknown coordinate system', '{"location":{"lat":39.9,"lng":116.4,"coord":"mars"}}', 400],
    ['an unsupported locale', '{"text":"hi","locale":"fr"}', 400],
    ['an over-long message', JSON.stringify({ text: 'x'.repeat(2001) }), 400],
    ['a channelUserId with odd characters', '{"text":"hi","channelUserId":"<script>"}', 400],
  ])('%s → %i', async (_name, payload, status) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body).toMatchObject({ statusCode: status, error: 'Bad Request' });
    expect(typeof body.message).toBe('string');
  });

  it('an oversize body → 413', async () => {
    const response = await post(JSON.stringify({ text: 'x'.repeat(5000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe('Payload Too Large');
  });

  it('a body that is not JSON → 415', async () => {
    const response = await post('text=hi', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
  });

  it('an unknown route → 404 in the same shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nope?secret=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Route GET /api/nope not found',
    });
  });

  it('a wrong method → 404', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/chat/messages' });
    expect(response.statusCode).toBe(404);
  });

  it('health, readiness, metrics and docs answer', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready', stations: 'ready' });
    await post('{"text":"你好"}');
    const metrics = await t.app.inject('/metrics');
    expect(metrics.body).toContain(
      'gongyou_http_requests_total{method="POST",route="/api/chat/messages",status="200"}',
    );
    expect(metrics.body).toMatch(/gongyou_chat_turns_total\{channel="web",intent="greeting"\} \d+/);
    expect(metrics.body).toMatch(/gongyou_open_conversations \d+/);
    expect(metrics.body).toContain('gongyou_http_request_duration_seconds_bucket');
    const docs = await t.app.inject('/docs/json');
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toContain('/api/chat/messages');
  });

  it('sets security headers, on errors too, and lets the API docs page keep its own policy', async () => {
    for (const url of ['/healthz', '/no-such-page']) {
      const response = await t.app.inject(url);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("connect-src 'self'");
    }
    const docs = await t.app.inject('/docs/static/index.html');
    const policy = docs.headers['content-security-policy'];
    expect(typeof policy).toBe('string');
    expect(policy).toContain('validator.swagger.io');
  });

  it('rate-limits a client that floods', async () => {
    const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject('/healthz')).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const body = (await limited.app.inject('/healthz')).json();
      expect(body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    } finally {
      await limited.close();
    }
  });
});
