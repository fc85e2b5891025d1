import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import { AAC, PNG, WEBM } from './audio-samples.js';
import { postVoice } from './voice-multipart.js';

const ASR = 'http://asr.test/v1';
const webm = { bytes: WEBM, type: 'audio/webm' };

describe('web chat voice with a recogniser configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp({ ASR_BASE_URL: ASR, ASR_API_KEY: 'k', ASR_MAX_BYTES: '4096' });
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  it('answers the transcript as the text turn, showing the worker what it heard', async () => {
    nock(ASR).post('/audio/transcriptions').reply(200, { text: '加班费怎么算' });
    const response = await postVoice(t.app, '/api/chat/voice', { channelUserId: 'voice-web-1' }, webm);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.replies[0].text).toBe('你说的是：加班费怎么算');
    // The answer itself is the overtime answer, with its article.
    expect(
      body.replies
        .slice(1)
        .map((r: { text: string }) => r.text)
        .join('\n'),
    ).toMatch(/加班/);
    expect(body.clientSecret).toEqual(expect.any(String));
    const message = await t.app.prisma.message.findFirstOrThrow({
      where: { conversationId: body.conversationId, direction: 'in' },
    });
    expect(message.text).not.toBeNull();
    // Heard: nothing kept but the words.
    expect(await t.app.prisma.attachment.count({ where: { conversationId: body.conversationId } })).toBe(0);
  });

  it('is authorised like the web chat: the conversation answers only its clientSecret', async () => {
    const first = await chat(t.app, { channelUserId: 'voice-web-2', text: '你好' });
    const without = await postVoice(t.app, '/api/chat/voice', { conversationId: first.conversationId }, webm);
    expect(without.statusCode).toBe(401);
    const wrong = await postVoice(
      t.app,
      '/api/chat/voice',
      { conversationId: first.conversationId, clientSecret: 'not-it' },
      webm,
    );
    expect(wrong.statusCode).toBe(401);
    const unknown = await postVoice(
      t.app,
      '/api/chat/voice',
      { conversationId: 'no-such-id', clientSecret: 'x' },
      webm,
    );
    expect(unknown.statusCode).toBe(404);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('falls back honestly when the recogniser fails, and keeps the recording', async () => {
    nock(ASR).post('/audio/transcriptions').reply(500, 'down');
    const response = await postVoice(t.app, '/api/chat/voice', { channelUserId: 'voice-web-3' }, webm);
    expect(response.statusCode).toBe(200);
    const [reply] = response.json().replies;
    expect(reply.text).toContain('这段语音我没听清');
    expect(reply.quickReplies.map((q: { label: string }) => q.label)).toContain('找工作人员');
    const kept = await t.app.prisma.attachment.findFirstOrThrow({
      where: { conversationId: response.json().conversationId },
    });
    expect(kept.kind).toBe('audio');
  });

  it('refuses bad uploads with a clear 4xx, never a 5xx', async () => {
    const url = '/api/chat/voice';
    const user = { channelUserId: 'voice-web-4' };
    expect((await postVoice(t.app, url, user)).statusCode).toBe(400);
    expect(
      (await postVoice(t.app, url, user, { bytes: Buffer.alloc(0), type: 'audio/webm' })).statusCode,
    ).toBe(400);
    const photo = await postVoice(t.app, url, user, { bytes: PNG, type: 'audio/webm' });
    expect(photo.statusCode).toBe(415);
    expect(photo.json().message).toMatch(/voice recording/);
    const big = await postVoice(t.app, url, user, {
      bytes: Buffer.concat([AAC, Buffer.alloc(8192)]),
      type: 'audio/aac',
    });
    expect(big.statusCode).toBe(413);
    const json = await t.app.inject({ method: 'POST', url, payload: { text: 'hi' } });
    expect(json.statusCode).toBe(415);
    const badId = await postVoice(t.app, url, { conversationId: '<script>' }, webm);
    expect(badId.statusCode).toBe(400);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('web chat voice without a recogniser', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('says it cannot listen yet, offers the menu and a person, and keeps the audio encrypted', async () => {
    const response = await postVoice(t.app, '/api/chat/voice', { channelUserId: 'voice-web-5' }, webm);
    expect(response.statusCode).toBe(200);
    const [reply] = response.json().replies;
    expect(reply.text).toContain('我现在还听不了语音消息');
    expect(reply.quickReplies.map((q: { label: string }) => q.label)).toContain('找工作人员');
    const kept = await t.app.prisma.attachment.findFirstOrThrow({
      where: { conversationId: response.json().conversationId },
    });
    expect(kept.kind).toBe('audio');
    expect(kept.mimeType).toBe('audio/webm');
    expect(Buffer.from(kept.dataEnc ?? new Uint8Array()).includes(WEBM.subarray(0, 32))).toBe(false);
    expect(t.app.fieldCipher.decryptBytes(Buffer.from(kept.dataEnc ?? new Uint8Array()))).toEqual(WEBM);
    // The message row holds the attachment's id, not the bytes.
    const [inbound] = await t.app.conversations.history(response.json().conversationId, 10);
    expect(JSON.parse(inbound?.payload ?? '{}').audio).toEqual({
      mimeType: 'audio/webm',
      sizeBytes: WEBM.length,
      unheard: 'no-asr',
      attachmentId: kept.id,
    });
  });
});
