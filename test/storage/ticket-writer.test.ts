import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrisma, type Db } from '../../src/platform/db/create-prisma.js';
import { createTicketWriter, type TicketRow } from '../../src/tickets/ticket-writer.js';
import { describeOnEachEngine } from '../helpers/engines.js';
import type { TestApp } from '../helpers/test-app.js';

describeOnEachEngine('the ticket writer numbers and stores tickets', (engine) => {
  let t: TestApp;
  let second: Db;
  let officeId: string;
  beforeAll(async () => {
    t = await engine.createApp();
    // A second instance's client on the same database: it shares the day's counter.
    second = await createPrisma(t.databaseUrl);
    officeId = (await t.app.prisma.unionOffice.findFirstOrThrow({ where: { level: 'county' } })).id;
  });
  afterAll(async () => {
    await second?.$disconnect();
    await t?.close();
  });

  const row = (i: number): TicketRow => {
    const at = new Date();
    return {
      queryCode: `Q${i}`,
      type: 'wage_arrears',
      status: 'submitted',
      priority: 'normal',
      priorityReasons: '[]',
      industry: 'delivery',
      evidence: '[]',
      locale: 'zh-CN',
      dueAt: new Date(at.getTime() + 86_400_000),
      officeId,
      regionCode: '310115',
      collective: i % 2 === 0,
      amountYuan: 1000 + i,
      claimantNameEnc: 'sealed-name',
      claimantPhoneEnc: 'sealed-phone',
      phoneIndex: `index-${i}`,
      channel: 'web',
      consentVersion: 'v1',
      consentAt: at,
      createdAt: at,
    };
  };

  it('gives tickets filed at once on two instances distinct, consecutive numbers and a created event each', async () => {
    const now = () => new Date();
    const a = createTicketWriter(t.app.prisma, now);
    const b = createTicketWriter(second, now);
    const written = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? b : a).write(row(i), 'worker', null)),
    );
    const numbers = written.map((w) => w.number);
    expect(new Set(numbers).size).toBe(40);
    const sequence = numbers.map((n) => Number(n.slice(-4))).sort((x, y) => x - y);
    expect(sequence).toEqual(Array.from({ length: 40 }, (_, i) => sequence[0]! + i));

    const stored = await t.app.prisma.ticket.findMany({ where: { id: { in: written.map((w) => w.id) } } });
    expect(stored).toHaveLength(40);
    const even = stored.find((s) => s.queryCode === 'Q2')!;
    expect(even).toMatchObject({
      collective: true,
      amountYuan: 1002,
      vulnerable: false,
      status: 'submitted',
    });
    expect(stored.find((s) => s.queryCode === 'Q3')!.collective).toBe(false);
    expect(even.createdAt.getTime()).toBe(even.consentAt.getTime());
    const events = await t.app.prisma.ticketEvent.findMany({
      where: { ticketId: { in: written.map((w) => w.id) } },
    });
    expect(events.map((e) => e.type)).toEqual(Array(40).fill('created'));
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const [written] = await Promise.all([
      createTicketWriter(t.app.prisma, () => new Date()).write(row(99), 'worker', null),
    ]);
    await expect(
      t.app.prisma.ticketEvent.updateMany({ where: { ticketId: written!.id }, data: { note: 'changed' } }),
    ).rejects.toThrow();
    await expect(t.app.prisma.ticketEvent.deleteMany({ where: { ticketId: written!.id } })).rejects.toThrow();
    const events = await t.app.prisma.ticketEvent.findMany({ where: { ticketId: written!.id } });
    expect(events.map((e) => e.note)).toEqual([null]);
  });
});
