import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDbMessageDedup } from '../../src/channels/wechat-common/message-dedup.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { plainPost, tag, xml } from '../channels/helpers/wechat-fixtures.js';
import { tempDir } from '../helpers/test-app.js';

// Finding 7 of issue 16: the official account remembered MsgIds in memory for a minute, so the
// same message was handled again after a restart, or a minute and one other message later.
const TOKEN = 'oa-dedup-token';
const PATH = '/api/wechat/official-account';

describe('WeChat message de-duplication', () => {
  const dir = tempDir();
  const config = loadConfig({
    DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`,
    LOG_LEVEL: 'silent',
    SEED_SAMPLE_DATA: 'false',
    WECHAT_OA_TOKEN: TOKEN,
    WECHAT_PASSIVE_REPLY_MS: '2000',
  });
  let app: FastifyInstance | undefined;
  afterEach(() => vi.useRealTimers());
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start() {
    await app?.close();
    app = await buildApp(config);
    await app.ready();
    return app;
  }
  const message = (openid: string, msgId: number, content = '菜单') =>
    xml({
      ToUserName: 'gh_dedup',
      FromUserName: openid,
      CreateTime: 1,
      MsgType: 'text',
      Content: content,
      MsgId: msgId,
    });
  const post = (target: FastifyInstance, body: string) =>
    target.inject({ method: 'POST', ...plainPost(PATH, TOKEN, body) });
  const inboundCount = async (target: FastifyInstance, openid: string) => {
    const conversation = await target.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: openid },
    });
    return target.prisma.message.count({ where: { conversationId: conversation.id, direction: 'in' } });
  };

  it('does not handle a MsgId again after a restart', async () => {
    const first = await post(await start(), message('o-dedup-1', 880001));
    expect(tag(first.body, 'Content')).toContain('工会驿站');
    const restarted = await start();
    const again = await post(restarted, message('o-dedup-1', 880001));
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe('success');
    expect(await inboundCount(restarted, 'o-dedup-1')).toBe(1);
  });

  it('does not handle a MsgId again minutes and another message later', async () => {
    const target = await start();
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    await post(target, message('o-dedup-2', 880002));
    vi.setSystemTime(Date.now() + 3 * 60_000);
    await post(target, message('o-dedup-2', 880003, '你好'));
    const again = await post(target, message('o-dedup-2', 880002));
    expect(again.body).toBe('success');
    expect(await inboundCount(target, 'o-dedup-2')).toBe(2);
  });

  it('lets a claim left unfinished by a dead process be taken again, once', async () => {
    const target = await start();
    let at = new Date('2026-12-01T08:00:00Z');
    const dedup = createDbMessageDedup(target.prisma, { staleClaimMs: 60_000, now: () => at });
    expect(await dedup.claim('official-account', 'm-1')).toBe(true);
    expect(await dedup.claim('official-account', 'm-1')).toBe(false);
    at = new Date(at.getTime() + 61_000);
    const [a, b] = await Promise.all([
      dedup.claim('official-account', 'm-1'),
      dedup.claim('official-account', 'm-1'),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    await dedup.done('official-account', 'm-1');
    at = new Date(at.getTime() + 3_600_000);
    expect(await dedup.claim('official-account', 'm-1')).toBe(false);
  });
});
