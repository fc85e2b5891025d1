// WeChat channels: the official account's passive-reply path (signature, AES decryption, the
// turn, AES encryption of the answer) must sit far inside WeChat's 5-second window, and the
// crypto alone should be negligible next to the turn.
import { createWxCrypto } from '../src/channels/wechat-common/wx-crypto.js';
import { securePost, xml } from '../test/channels/helpers/wechat-fixtures.js';
import { createTestApp } from '../test/helpers/test-app.js';
import { type BenchRow, percentile } from './bench-row.js';

const OA = {
  WECHAT_OA_TOKEN: 'benchtoken',
  WECHAT_OA_APPID: 'wxbench000000000',
  WECHAT_OA_SECRET: 'bench-secret',
  WECHAT_OA_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

export default async function run(): Promise<BenchRow[]> {
  const crypto = createWxCrypto(OA.WECHAT_OA_ENCODING_AES_KEY, OA.WECHAT_OA_APPID);
  const sample = xml({
    ToUserName: 'gh_x',
    FromUserName: 'o-bench',
    CreateTime: 1,
    MsgType: 'text',
    Content: '附近有驿站吗'.repeat(5),
    MsgId: 1,
  });
  const rounds = 20_000;
  const cryptoStart = performance.now();
  for (let i = 0; i < rounds; i++) {
    const sealed = crypto.encrypt(sample);
    if (!crypto.decrypt(sealed).ok) throw new Error('round trip failed');
  }
  const cryptoUs = ((performance.now() - cryptoStart) / rounds) * 1000;

  const t = await createTestApp({ ...OA, LOG_LEVEL: 'silent' });
  const keys = {
    token: OA.WECHAT_OA_TOKEN,
    aesKey: OA.WECHAT_OA_ENCODING_AES_KEY,
    receiverId: OA.WECHAT_OA_APPID,
  };
  const latencies: number[] = [];
  for (let i = 0; i < 400; i++) {
    const body = xml({
      ToUserName: 'gh_x',
      FromUserName: `o-bench-${i % 40}`,
      CreateTime: 1,
      MsgType: 'text',
      Content: '你好',
      MsgId: 10_000 + i,
    });
    const request = securePost('/api/wechat/official-account', keys, body);
    const begin = performance.now();
    const response = await t.app.inject({ method: 'POST', ...request });
    latencies.push(performance.now() - begin);
    if (response.statusCode !== 200 || !response.body.includes('<Encrypt>'))
      throw new Error(`callback failed: ${response.body}`);
  }
  await t.close();
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);

  return [
    { area: 'channels', metric: 'WeChat AES encrypt + decrypt of one message', value: cryptoUs, unit: 'µs' },
    {
      area: 'channels',
      metric: 'official account secure-mode greeting, passive reply p50',
      value: percentile(latencies, 50),
      unit: 'ms',
    },
    {
      area: 'channels',
      metric: 'official account secure-mode greeting, passive reply p99',
      value: p99,
      unit: 'ms',
      target: '< 4000 ms (passive window)',
      ok: p99 < 4000,
    },
  ];
}
