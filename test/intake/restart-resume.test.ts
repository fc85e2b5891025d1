import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { KEY_FILE_NAME } from '../../src/platform/privacy/encryption.js';
import { chat, tempDir } from '../helpers/test-app.js';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function start(): Promise<FastifyInstance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `file:${path.join(dir, 'gongyou.db')}`,
    LOG_LEVEL: 'silent',
    SEED_SAMPLE_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  const app = await buildApp(config);
  await app.ready();
  return app;
}

describe('an intake survives a restart', () => {
  it('resumes where the worker left off, with the key kept next to the database', async () => {
    const user = { channelUserId: 'restart-1' };
    const first = await start();
    const r1 = await chat(first, { ...user, text: '我叫冯涛，顺丰快递员，公司欠我两个月工资七千' });
    expect(r1.replies[0]!.text).toContain('哪里上班');
    const r2 = await chat(first, { ...user, text: '苏州工业园区' });
    expect(r2.replies[0]!.text).toContain('哪家公司');
    const r2b = await chat(first, { ...user, text: '顺丰速运苏州分公司' });
    expect(r2b.replies[0]!.text).toContain('手机号');
    await first.close();

    // No GONGYOU_DATA_KEY: the first run generated one beside the database.
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(true);

    const second = await start();
    try {
      const r3 = await chat(second, { ...user, text: '15000007777' });
      const summary = r3.replies[0]!.text as string;
      expect(summary).toContain('冯涛');
      expect(summary).toContain('7,000元');
      expect(summary).toContain('苏州工业园区');
      await chat(second, { ...user, text: '确认' });
      const receipt = (await chat(second, { ...user, text: '同意' })).replies[0]!;
      expect(receipt.type).toBe('ticket');
      const stored = await second.tickets.get(receipt.ticket.number);
      expect(stored).toMatchObject({ claimantName: '冯涛', phone: '15000007777', amountYuan: 7000 });
    } finally {
      await second.close();
    }
  }, 60_000);
});
