import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { AAC, PNG } from './audio-samples.js';
import { postVoice } from './voice-multipart.js';

const MP = { WECHAT_MP_APPID: 'wxmp-voice-appid', WECHAT_MP_SECRET: 'mp-voice-secret' };
const ASR = 'http://asr.test/v1';
const URL = '/api/mp/chat/voice';

describe('mini-program voice upload (POST /api/mp/chat/voice)', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp({ ...MP, ASR_BASE_URL: ASR });
    nock('https://api.weixin.qq.com')
      .get('/sns/jscode2session')
      .query(true)
      .reply(200, { openid: 'o-mp-voice-1', session_key: 'SECRET-SESSION-KEY' });
    const login = await t.app.inject({ method: 'POST', url: '/api/mp/login', payload: { code: 'c-voice' } });
    auth = { authorization: `Bearer ${login.json().token}` };
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  it('transcribes a recorder file and answers it, with the transcript first', async () => {
    nock(ASR).post('/audio/transcriptions').reply(200, { text: '查询进度' });
    const response = await postVoice(t.app, URL, {}, { bytes: AAC, type: 'audio/aac' }, auth);
    expect(response.statusCode).toBe(200);
    const [heard, ...answer] = response.json().replies;
    expect(heard.text).toBe('你说的是：查询进度');
    expect(answer.length).toBeGreaterThan(0);
  });

  it('gives the fallback when the recogniser answers garbage', async () => {
    nock(ASR).post('/audio/transcriptions').reply(200, 'not json at all');
    const garbage = await postVoice(t.app, URL, {}, { bytes: AAC, type: 'audio/aac' }, auth);
    expect(garbage.statusCode).toBe(200);
    expect(garbage.json().replies[0].text).toContain('这段语音我没听清');
  });

  it('refuses a missing login, a photo and an empty file with 4xx', async () => {
    expect((await postVoice(t.app, URL, {}, { bytes: AAC, type: 'audio/aac' })).statusCode).toBe(401);
    expect((await postVoice(t.app, URL, {}, { bytes: PNG, type: 'audio/aac' }, auth)).statusCode).toBe(415);
    expect(
      (await postVoice(t.app, URL, {}, { bytes: Buffer.alloc(0), type: 'audio/aac' }, auth)).statusCode,
    ).toBe(400);
    const huge = Buffer.concat([AAC, Buffer.alloc(3 * 1024 * 1024)]);
    expect((await postVoice(t.app, URL, {}, { bytes: huge, type: 'audio/aac' }, auth)).statusCode).toBe(413);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
