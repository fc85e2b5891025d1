import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  createOffices,
  createStaff,
  fileTicket,
  loginBearer,
  type Offices,
} from '../staff/staff-fixtures.js';

/** Resolve then close a ticket as staff do, with the amount recovered. */
async function close(
  t: TestApp,
  headers: Record<string, string>,
  number: string,
  recoveredYuan?: string | number,
) {
  const url = `/api/staff/tickets/${number}/status`;
  await t.app.inject({ method: 'POST', url, headers, payload: { to: 'accepted' } });
  return t.app.inject({ method: 'POST', url, headers, payload: { to: 'closed', recoveredYuan } });
}

describe('amount recovered: entered on closing, totalled on the dashboard', () => {
  let t: TestApp;
  let offices: Offices;
  let agentA: Record<string, string>;
  let agentB: Record<string, string>;
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000' });
    offices = await createOffices(t.app);
    await createStaff(t.app, 'agent.a', 'agent', offices.a);
    await createStaff(t.app, 'agent.b', 'agent', offices.b);
    agentA = await loginBearer(t.app, 'agent.a');
    agentB = await loginBearer(t.app, 'agent.b');
    await createStaff(t.app, 'super.a', 'supervisor', offices.a);
    numbers.a1 = await fileTicket(t.app, { regionCode: '310115', employer: '上海速达配送有限公司' });
    numbers.a2 = await fileTicket(t.app, { regionCode: '310115', employer: '速达配送（上海）有限责任公司' });
    numbers.a3 = await fileTicket(t.app, { regionCode: '310115', employer: '浦东某某餐饮公司' });
    numbers.a4 = await fileTicket(t.app, { regionCode: '310115', employer: '浦东某某餐饮公司' });
    numbers.b1 = await fileTicket(t.app, { regionCode: '110105', employer: '北京某某物流有限公司' });
  });
  afterAll(() => t.close());

  it('refuses a bad amount without closing the ticket, and an amount on a status that is not closing', async () => {
    const bad = await close(t, agentA, numbers.a1 as string, '三千');
    expect(bad.statusCode).toBe(400);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/staff/tickets/${numbers.a1}`, headers: agentA })
    ).json();
    expect(detail.ticket.status).toBe('accepted');
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${numbers.a1}/status`,
      headers: agentA,
      payload: { to: 'in_progress', recoveredYuan: 10 },
    });
    expect(early.statusCode).toBe(400);
  });

  it('stores the amount in fen and shows it on the ticket', async () => {
    expect((await close(t, agentA, numbers.a1 as string, '3,500.50')).statusCode).toBe(200);
    expect((await close(t, agentA, numbers.a2 as string, 1200)).statusCode).toBe(200);
    expect((await close(t, agentA, numbers.a3 as string, '0')).statusCode).toBe(200);
    expect((await close(t, agentB, numbers.b1 as string, '99999')).statusCode).toBe(200);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/staff/tickets/${numbers.a1}`, headers: agentA })
    ).json();
    expect(detail.measures.recovered).toMatchObject({ fen: 350_050, yuan: '3500.50' });
    expect(detail.ticket.events.map((e: { type: string }) => e.type)).toContain('recovered');
  });

  it('totals equal the sum over the office’s tickets in the database, by region, industry and employer', async () => {
    const dashboard = (
      await t.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: agentA })
    ).json();
    const rows = await t.app.prisma.ticketMeasure.findMany({
      where: { recoveredFen: { not: null }, ticket: { officeId: { in: [offices.a, offices.aChild] } } },
    });
    const sum = rows.reduce((total, row) => total + (row.recoveredFen ?? 0), 0);
    expect(sum).toBe(350_050 + 120_000);
    expect(dashboard.recovered.fen).toBe(sum);
    expect(dashboard.recovered.tickets).toBe(3);
    expect(dashboard.recovered.byRegion).toEqual([
      expect.objectContaining({
        key: '310115',
        fen: sum,
        tickets: 3,
        label: expect.stringContaining('浦东'),
      }),
    ]);
    expect(dashboard.recovered.byIndustry).toEqual([{ key: 'delivery', fen: sum, tickets: 3 }]);
    expect(dashboard.tickets.byEmployer.map((e: { count: number }) => e.count)).toEqual([2, 2]);
    // Two spellings of 速达配送, one employer; the 0 recovered from 某某餐饮 is counted, not dropped.
    expect(
      dashboard.recovered.byEmployer.map((e: { fen: number; tickets: number }) => [e.fen, e.tickets]),
    ).toEqual([
      [470_050, 2],
      [0, 1],
    ]);
  });

  it('keeps other offices’ amounts out of the scope', async () => {
    const theirs = (
      await t.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: agentB })
    ).json();
    expect(theirs.recovered.fen).toBe(9_999_900);
    const peek = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/tickets/${numbers.a1}/recovered`,
      headers: agentB,
      payload: { recoveredYuan: 1 },
    });
    expect(peek.statusCode).toBe(404);
  });

  it('corrects the amount of a closed ticket, never of an open one', async () => {
    const open = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/tickets/${numbers.a4}/recovered`,
      headers: agentA,
      payload: { recoveredYuan: 5 },
    });
    expect(open.statusCode).toBe(409);
    const fixed = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/tickets/${numbers.a3}/recovered`,
      headers: agentA,
      payload: { recoveredYuan: '800' },
    });
    expect(fixed.json().recovered.fen).toBe(80_000);
    const dashboard = (
      await t.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: agentA })
    ).json();
    expect(dashboard.recovered.fen).toBe(350_050 + 120_000 + 80_000);
  });

  it('writes the amount recovered and the arbitration limit into the ledger', async () => {
    const headers = await loginBearer(t.app, 'super.a');
    const csv = (await t.app.inject({ method: 'GET', url: '/api/staff/ledger.csv', headers })).body;
    const lines = csv.replace('\uFEFF', '').split('\r\n').filter(Boolean);
    expect(lines[0]?.endsWith('经办人,追回金额（元）,仲裁时效届满日')).toBe(true);
    const row = lines.find((line) => line.startsWith(numbers.a1 as string));
    expect(row?.endsWith(',3500.50,未知，需询问')).toBe(true);
  });
});
