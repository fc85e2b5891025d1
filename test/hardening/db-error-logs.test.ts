import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../src/tickets/consent.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// Finding 10 of issue 16 (second half): a failed ticket insert logged every parameter of the
// statement: the sealed name and phone, the phone's blind index, the query code.
describe('database errors in the logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Every ticket insert fails, as one would on a broken database.
    await t.app.prisma.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_tickets" BEFORE INSERT ON "Ticket" BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
    );
  });
  afterAll(() => t.close());

  it('logs a failed ticket insert without any of its parameters', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: {
        claimantName: '陈静',
        phone: '13800009999',
        place: '深圳宝安区',
        industry: 'factory',
        employer: '宝安某电子厂（样例）',
        amount: '八千',
        period: '3月到5月',
        workerCount: 1,
        evidence: ['pay_records'],
        consent: true,
        consentVersion: CONSENT_VERSION,
      },
    });
    expect(response.statusCode).toBe(500);
    const failure = t.logs.filter((line) => line.includes('"level":50')).join('\n');
    expect(failure).toContain('refused by test');
    expect(failure).toContain('SQLITE_CONSTRAINT_TRIGGER');
    for (const secret of ['13800009999', '陈静', t.app.fieldCipher.blindIndex('13800009999')]) {
      expect(failure).not.toContain(secret);
    }
  });

  it('logs a Prisma error without the call it quotes, values and all', async () => {
    const blindIndex = t.app.fieldCipher.blindIndex('13912345678');
    // Prisma's message repeats the call with its arguments: here the phone's blind index.
    const error = await t.app.prisma.ticket
      .findMany({ where: { phoneIndex: blindIndex }, skip: Number.POSITIVE_INFINITY })
      .catch((err: unknown) => err);
    expect(String((error as Error).message)).toContain(blindIndex);
    t.app.log.error({ err: error }, 'ticket search failed');
    const line = t.logs.find((entry) => entry.includes('ticket search failed')) ?? '';
    expect(line).toContain('Argument `skip`');
    expect(line).not.toContain(blindIndex);
    expect(line).not.toContain('phoneIndex');
  });
});
