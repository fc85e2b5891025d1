import { describe, expect, it } from 'vitest';
import { oaInbound } from '../../src/channels/official-account/oa-inbound.js';
import { kfInbound } from '../../src/channels/wecom/kf-inbound.js';
import { loadConfig } from '../../src/platform/config/config.js';

const base = { NODE_ENV: 'test', DATABASE_URL: 'file:/tmp/unused.db' };

describe('voice messages as the channels hand them over', () => {
  it('official account: Recognition is the text, marked as heard; without it the media id', () => {
    const fields = { MsgType: 'voice', FromUserName: 'o-1', MsgId: '1', MediaId: 'm-1', Format: 'amr' };
    expect(oaInbound({ ...fields, Recognition: '我要投诉欠薪。' }, 'official-account')).toMatchObject({
      kind: 'message',
      inbound: { text: '我要投诉欠薪。', audio: { mediaId: 'm-1', transcribed: true } },
    });
    const unheard = oaInbound(fields, 'official-account');
    expect(unheard).toMatchObject({ kind: 'message', inbound: { audio: { mediaId: 'm-1' } } });
    expect(unheard.kind === 'message' && unheard.inbound.text).toBeFalsy();
    expect(oaInbound({ ...fields, MediaId: '' }, 'official-account').kind).toBe('unsupported');
  });

  it('WeCom customer service: a voice message by media id, and none without one', () => {
    const message = { msgid: 'w1', open_kfid: 'kf1', external_userid: 'wm1', send_time: 1, origin: 3 };
    expect(kfInbound({ ...message, msgtype: 'voice', voice: { media_id: 'amr-1' } })).toEqual({
      channel: 'wecom',
      externalUserId: 'kf1/wm1',
      audio: { mediaId: 'amr-1' },
    });
    expect(kfInbound({ ...message, msgtype: 'voice', voice: {} })).toBe('unsupported');
  });
});

describe('speech recognition settings', () => {
  it('default to off with sane limits, and name a bad value', () => {
    const config = loadConfig(base);
    expect(config.ASR_BASE_URL).toBeUndefined();
    expect(config.ASR_MODEL).toBe('whisper-1');
    expect(config.ASR_TIMEOUT_MS).toBe(8000);
    expect(config.ASR_MAX_BYTES).toBe(2 * 1024 * 1024);
    expect(() => loadConfig({ ...base, ASR_BASE_URL: 'asr.local' })).toThrow(/ASR_BASE_URL/);
    expect(() => loadConfig({ ...base, ASR_TIMEOUT_MS: '5' })).toThrow(/ASR_TIMEOUT_MS/);
    expect(loadConfig({ ...base, ASR_BASE_URL: 'http://127.0.0.1:9000/v1' }).ASR_BASE_URL).toBe(
      'http://127.0.0.1:9000/v1',
    );
  });
});
