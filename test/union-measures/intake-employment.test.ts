import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEmployment } from '../../src/tickets/fields/parse-employment.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

describe('reading whether the worker still works there', () => {
  const now = new Date('2026-12-03T04:00:00Z');
  it('reads leaving (with its day when given), staying, and nothing', () => {
    expect(parseEmployment('上个月已经离职了', now)).toEqual({ ok: true, value: { stillEmployed: false } });
    expect(parseEmployment('3月15号被辞退的', now)).toEqual({
      ok: true,
      value: { stillEmployed: false, endedOn: '2026-03-15' },
    });
    // A day later in the year than today is last year's.
    expect(parseEmployment('12月20日辞职', now)).toEqual({
      ok: true,
      value: { stillEmployed: false, endedOn: '2025-12-20' },
    });
    expect(parseEmployment('我还在店里干', now)).toEqual({ ok: true, value: { stillEmployed: true } });
    expect(parseEmployment('我没离职', now)).toEqual({ ok: true, value: { stillEmployed: true } });
    expect(parseEmployment('I was fired in May', now)).toEqual({ ok: true, value: { stillEmployed: false } });
    expect(parseEmployment('老板欠我三千块', now).ok).toBe(false);
  });
});

describe('the chat intake keeps what the worker said about the employment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  async function file(user: string, message: string) {
    const first = await chat(t.app, { channelUserId: user, text: message });
    await chat(t.app, { channelUserId: user, text: '确认' });
    const receipt = (await chat(t.app, { channelUserId: user, text: '同意' })).replies[0]!;
    expect(receipt.type).toBe('ticket');
    const stored = await t.app.prisma.ticket.findUniqueOrThrow({ where: { number: receipt.ticket.number } });
    return { summary: first.replies[0]!.text as string, measures: await t.app.measures.forTicket(stored) };
  }

  it('files a worker who left on a given day with the limit running from that day', async () => {
    const { summary, measures } = await file(
      'left-1',
      '我是美团骑手，在浦东新区张江站送餐，3月15号被辞退的，站长拖欠我3个月工资一共一万二，我叫李强，电话138 1234 5678',
    );
    expect(summary).toContain('在职情况：');
    expect(summary).toContain('离职');
    expect(measures.facts.stillEmployed).toBe(false);
    expect(measures.limit).toMatchObject({ kind: 'date', runsFrom: 'employment-ended' });
  });

  it('files a worker who said nothing about it as "ask the worker"', async () => {
    const { summary, measures } = await file(
      'silent-1',
      '我是美团骑手，在浦东新区张江站送餐，站长拖欠我3个月工资一共一万二，我叫王磊，电话139 1234 5678',
    );
    expect(summary).not.toContain('在职情况');
    expect(measures.limit).toEqual({ kind: 'unknown', ask: 'still-employed' });
  });
});
