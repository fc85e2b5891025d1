import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/platform/privacy/mask-personal-data.js';
import { chat, createTestApp } from '../helpers/test-app.js';

describe('personal data never reaches the logs', () => {
  it('masks phone and ID numbers in free text', () => {
    expect(maskPersonalData('电话138 1234 5678，身份证110101199003071234')).toBe(
      '电话138****5678，身份证110***********1234',
    );
    expect(maskPersonalData('+86-139-0000-1111')).toBe('139****1111');
    expect(maskPersonalData('订单号 2026112912')).toBe('订单号 2026112912');
  });

  it('a chat turn carrying a phone number leaves no trace of it in the log output', async () => {
    const t = await createTestApp({ LOG_LEVEL: 'trace' });
    try {
      await chat(t.app, {
        channelUserId: 'privacy-rider',
        text: '我叫李强，电话138 1234 5678，老板欠我工资',
      });
      t.app.log.info(`a careless message with 13812345678 in it`);
      t.app.log.info({ phone: '13812345678', name: '李强' }, 'a careless object');
      const output = t.logs.join('\n');
      expect(t.logs.length).toBeGreaterThan(2);
      expect(output).not.toMatch(/138\s?1234\s?5678/);
      expect(output).not.toContain('李强');
      expect(output).toContain('138****5678');
    } finally {
      await t.close();
    }
  });
});

describe('personal data in messages is encrypted at rest', () => {
  it('stores chat text and replies sealed, and reads them back opened', async () => {
    const t = await createTestApp();
    try {
      const { conversationId } = await chat(t.app, {
        channelUserId: 'sealed-rider',
        text: '我叫李强，电话13812345678',
      });
      const rows = await t.app.prisma.message.findMany({ where: { conversationId } });
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const row of rows) {
        expect(row.text ?? '').not.toContain('13812345678');
        expect(row.text ?? '').not.toContain('李强');
        expect(row.text?.startsWith('g1.')).toBe(true);
      }
      const history = await t.app.conversations.history(conversationId);
      expect(history[0]?.text).toBe('我叫李强，电话13812345678');
      // The raw database file holds no trace of the phone number either.
      const { default: fs } = await import('node:fs');
      await t.app.prisma.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
      const file = t.databaseUrl.replace(/^file:/, '');
      expect(fs.readFileSync(file).includes(Buffer.from('13812345678'))).toBe(false);

      // A message sent outside a turn (a staff reply, a notice) is sealed in the outbox too.
      await t.app.delivery.send(conversationId, [{ type: 'staff', text: '王老师的电话 13987654321' }], {
        author: 'staff',
      });
      const queued = await t.app.prisma.outbox.findMany({ where: { conversationId } });
      expect(queued.length).toBeGreaterThan(0);
      for (const item of queued) expect(item.payload).not.toContain('13987654321');
      await t.app.prisma.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
      expect(fs.readFileSync(file).includes(Buffer.from('13987654321'))).toBe(false);
    } finally {
      await t.close();
    }
  });
});
