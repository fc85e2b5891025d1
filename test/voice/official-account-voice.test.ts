import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { plainPost, tag, xml } from '../channels/helpers/wechat-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { AMR } from './audio-samples.js';

const OA = {
  WECHAT_OA_TOKEN: 'oatoken123',
  WECHAT_OA_APPID: 'wxoa0000000000voice',
  WECHAT_OA_SECRET: 'oa-secret-for-tests',
};
const PATH = '/api/wechat/official-account';
const WX = 'https://api.weixin.qq.com';
let msgId = 5000;

function voiceMessage(openid: string, fields: Record<string, string>) {
  return xml({
    ToUserName: 'gh_0123456789ab',
    FromUserName: openid,
    CreateTime: 1764400000,
    MsgType: 'voice',
    MediaId: 'media-voice-1',
    Format: 'amr',
    MsgId: ++msgId,
    ...fields,
  });
}

describe('official-account voice messages (no ASR of our own)', () => {
  let t: TestApp;
  beforeAll(async () => {
    nock.disableNetConnect();
    t = await createTestApp({ ...OA, WECHAT_PASSIVE_REPLY_MS: '3000' });
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.close();
  });

  it("answers WeChat's Recognition text as the message, showing what was heard", async () => {
    const response = await t.app.inject({
      method: 'POST',
      ...plainPost(PATH, OA.WECHAT_OA_TOKEN, voiceMessage('o-oa-voice-1', { Recognition: '附近的工会驿站' })),
    });
    expect(response.statusCode).toBe(200);
    const content = tag(response.body, 'Content') ?? '';
    expect(content).toMatch(/^你说的是：附近的工会驿站/);
    // No download: the words came with the message.
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('without Recognition, downloads the recording, keeps it and says it cannot listen yet', async () => {
    nock(WX).get('/cgi-bin/token').query(true).reply(200, { access_token: 'AT', expires_in: 7200 });
    nock(WX)
      .get('/cgi-bin/media/get')
      .query({ access_token: 'AT', media_id: 'media-voice-1' })
      .reply(200, AMR, { 'content-type': 'audio/amr' });
    const response = await t.app.inject({
      method: 'POST',
      ...plainPost(PATH, OA.WECHAT_OA_TOKEN, voiceMessage('o-oa-voice-2', {})),
    });
    expect(response.statusCode).toBe(200);
    expect(tag(response.body, 'Content')).toContain('我现在还听不了语音消息');
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: 'o-oa-voice-2' },
    });
    const kept = await t.app.prisma.attachment.findFirstOrThrow({
      where: { conversationId: conversation.id },
    });
    expect(kept).toMatchObject({ kind: 'audio', mimeType: 'audio/amr', mediaId: 'media-voice-1' });
    expect(t.app.fieldCipher.decryptBytes(Buffer.from(kept.dataEnc ?? new Uint8Array()))).toEqual(AMR);
  });
});
