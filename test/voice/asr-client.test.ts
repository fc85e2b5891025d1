import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAsr } from '../../src/platform/speech/asr-client.js';
import { sniffAudio } from '../../src/platform/speech/audio-format.js';
import { AAC, AMR, MP3, PNG, SILK, WEBM } from './audio-samples.js';

const BASE = 'http://asr.test/v1';
const config = {
  ASR_BASE_URL: BASE,
  ASR_MODEL: 'whisper-1',
  ASR_API_KEY: 'asr-key',
  OPENAI_API_KEY: undefined,
  ASR_TIMEOUT_MS: 200,
  ASR_MAX_BYTES: 1024,
};

describe('the ASR client (OpenAI-compatible /audio/transcriptions)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('is off without ASR_BASE_URL', () => {
    expect(createAsr({ ...config, ASR_BASE_URL: undefined })).toBeUndefined();
  });

  it('sends the recording with its model and key and returns the transcript', async () => {
    let body = '';
    const scope = nock(BASE, { reqheaders: { authorization: 'Bearer asr-key' } })
      .post('/audio/transcriptions', (raw) => {
        // nock hands a binary body over as hex.
        body = Buffer.from(String(raw), /^[0-9a-f]+$/.test(String(raw)) ? 'hex' : 'latin1').toString(
          'latin1',
        );
        return true;
      })
      .reply(200, { text: '  老板欠我三个月工资 \n' });
    const result = await createAsr(config)?.transcribe(AAC);
    expect(result).toEqual({ ok: true, value: '老板欠我三个月工资' });
    expect(body).toContain('name="model"');
    expect(body).toContain('whisper-1');
    expect(body).toContain('filename="voice.aac"');
    scope.done();
  });

  it('falls back to OPENAI_API_KEY when ASR_API_KEY is unset', async () => {
    const scope = nock(BASE, { reqheaders: { authorization: 'Bearer openai-key' } })
      .post('/audio/transcriptions')
      .reply(200, { text: '附近有驿站吗' });
    const asr = createAsr({ ...config, ASR_API_KEY: undefined, OPENAI_API_KEY: 'openai-key' });
    expect(await asr?.transcribe(WEBM)).toEqual({ ok: true, value: '附近有驿站吗' });
    scope.done();
  });

  it('gives up at the deadline', async () => {
    nock(BASE).post('/audio/transcriptions').delay(1000).reply(200, { text: 'too late' });
    expect(await createAsr(config)?.transcribe(AAC)).toEqual({ ok: false, reason: 'timeout' });
  });

  it('reports a provider error on 500 and 429', async () => {
    nock(BASE).post('/audio/transcriptions').reply(500, 'boom');
    expect(await createAsr(config)?.transcribe(AAC)).toEqual({ ok: false, reason: 'provider-error' });
    nock(BASE).post('/audio/transcriptions').reply(429, { error: 'slow down' });
    expect(await createAsr(config)?.transcribe(AAC)).toEqual({ ok: false, reason: 'provider-error' });
  });

  it('refuses garbage: not JSON, no text, an empty transcript', async () => {
    const asr = createAsr(config);
    nock(BASE)
      .post('/audio/transcriptions')
      .reply(200, '<html>gateway</html>', { 'content-type': 'text/html' });
    expect(await asr?.transcribe(AAC)).toEqual({ ok: false, reason: 'bad-response' });
    nock(BASE).post('/audio/transcriptions').reply(200, { transcript: 'wrong field' });
    expect(await asr?.transcribe(AAC)).toEqual({ ok: false, reason: 'bad-response' });
    nock(BASE).post('/audio/transcriptions').reply(200, { text: '   ' });
    expect(await asr?.transcribe(AAC)).toEqual({ ok: false, reason: 'bad-response' });
  });

  it('reports a 4xx from the provider as a bad response, and a refused connection as network', async () => {
    nock(BASE)
      .post('/audio/transcriptions')
      .reply(400, { error: { message: 'unsupported format' } });
    expect(await createAsr(config)?.transcribe(AAC)).toEqual({ ok: false, reason: 'bad-response' });
    nock(BASE).post('/audio/transcriptions').replyWithError('ECONNREFUSED');
    expect(await createAsr(config)?.transcribe(AAC)).toEqual({ ok: false, reason: 'network' });
  });

  it('sends nothing past the size limit or for bytes that are not audio', async () => {
    const asr = createAsr(config);
    expect(await asr?.transcribe(Buffer.concat([AAC, Buffer.alloc(2048)]))).toEqual({
      ok: false,
      reason: 'too-large',
    });
    expect(await asr?.transcribe(PNG)).toEqual({ ok: false, reason: 'not-audio' });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('never logs the transcript', async () => {
    const lines: string[] = [];
    const asr = createAsr(config, { warn: (obj, msg) => lines.push(JSON.stringify({ obj, msg })) });
    nock(BASE).post('/audio/transcriptions').reply(200, { text: '我叫王小明 电话13800001111' });
    await asr?.transcribe(AAC);
    nock(BASE).post('/audio/transcriptions').reply(500, { text: '我叫王小明' });
    await asr?.transcribe(AAC);
    expect(lines.length).toBe(1);
    expect(lines.join('\n')).not.toContain('王小明');
  });
});

describe('audio recognised by its bytes', () => {
  it('names each container the channels send', () => {
    expect(sniffAudio(AAC)?.mimeType).toBe('audio/aac');
    expect(sniffAudio(WEBM)?.mimeType).toBe('audio/webm');
    expect(sniffAudio(AMR)?.mimeType).toBe('audio/amr');
    expect(sniffAudio(SILK)?.mimeType).toBe('audio/silk');
    expect(sniffAudio(MP3)?.mimeType).toBe('audio/mpeg');
    expect(sniffAudio(PNG)).toBeUndefined();
    expect(sniffAudio(Buffer.from('hello'))).toBeUndefined();
  });
});
