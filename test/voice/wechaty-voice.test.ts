import type { EventEmitter } from 'node:events';
import { FileBox } from 'file-box';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { SILK } from './audio-samples.js';

const ASR = 'http://asr.test/v1';

/** A logged-in mock bot and one worker; returns what the bot says to the worker. */
async function connect(t: TestApp) {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  await t.app.wechaty.start(puppet);
  const self = mocker.createContact({ name: '工友助手' });
  const rider = mocker.createContact({ name: '周师傅' });
  mocker.login(self);
  await until(() => t.app.wechaty.status().state === 'logged-in', 'login');
  const received: string[] = [];
  (rider as unknown as EventEmitter).on('message', (message: mock.MessageMock) => {
    if (message.talker().id === self.id && message.type() === types.Message.Text)
      received.push(message.text() ?? '');
  });
  const sayVoice = () => rider.say(FileBox.fromBase64(SILK.toString('base64'), 'voice.sil')).to(self);
  return { rider, received, sayVoice };
}

describe('wechaty voice messages with a recogniser', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    t = await createTestApp({ ASR_BASE_URL: ASR });
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  it('transcribes the audio file and answers it as text, saying what it heard', async () => {
    const scope = nock(ASR).post('/audio/transcriptions').reply(200, { text: '附近有没有工会驿站' });
    const { received, sayVoice } = await connect(t);
    sayVoice();
    await until(() => received.length > 0, 'the reply to the voice message');
    await t.app.wechaty.idle();
    scope.done();
    expect(received[0]).toMatch(/^你说的是：附近有没有工会驿站/);
    expect(received.join('\n')).toMatch(/驿站/);
    await t.app.wechaty.stop();
  });
});

describe('wechaty voice messages without a recogniser', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('says it cannot listen yet and keeps the recording for staff', async () => {
    const { rider, received, sayVoice } = await connect(t);
    sayVoice();
    await until(() => received.length > 0, 'the reply to the voice message');
    await t.app.wechaty.idle();
    expect(received[0]).toContain('我现在还听不了语音消息');
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { channel: 'wechat', externalUserId: rider.id },
    });
    const kept = await t.app.prisma.attachment.findFirstOrThrow({
      where: { conversationId: conversation.id },
    });
    expect(kept.kind).toBe('audio');
    expect(kept.mimeType).toBe('audio/silk');
    expect(t.app.fieldCipher.decryptBytes(Buffer.from(kept.dataEnc ?? new Uint8Array()))).toEqual(SILK);
    await t.app.wechaty.stop();
  });
});
