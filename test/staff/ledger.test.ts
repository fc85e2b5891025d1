import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/ledger/csv.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, fileTicket, loginBearer, type Offices } from './staff-fixtures.js';

describe('csv cells', () => {
  it('quotes separators and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('ledger, dashboard and risk warnings', () => {
  let t: TestApp;
  let offices: Offices;
  let supervisor: Record<string, string>;
  let agent: Record<string, string>;
  let outsider: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000' });
    offices = await createOffices(t.app);
    await createStaff(t.app, 'super.a', 'supervisor', offices.a);
    await createStaff(t.app, 'agent.a', 'agent', offices.a);
    await createStaff(t.app, 'super.b', 'supervisor', offices.b);
    supervisor = await loginBearer(t.app, 'super.a');
    agent = await loginBearer(t.app, 'agent.a');
    outsider = await loginBearer(t.app, 'super.b');
    await fileTicket(t.app, { regionCode: '310115', employer: '上海某某餐饮管理有限公司' });
    await fileTicket(t.app, { regionCode: '310115', employer: '上海某某餐饮管理公司', phone: '13900001111' });
    await fileTicket(t.app, { regionCode: '310115', employer: '上海 某某餐饮管理有限公司' });
    await fileTicket(t.app, { regionCode: '310115', employer: '上海另一家物流有限公司', workerCount: 15 });
    await fileTicket(t.app, { regionCode: '110105', employer: '北京某某物流有限公司' });
  });
  afterAll(() => t.close());

  it('warns about an employer with 3 complaints in 30 days and about a collective case', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/staff/risks', headers: agent });
    const risks = response.json().risks as Array<{ kind: string; count?: number; workerCount?: number }>;
    expect(risks.filter((r) => r.kind === 'repeat-employer').map((r) => r.count)).toEqual([3]);
    expect(risks.filter((r) => r.kind === 'collective').map((r) => r.workerCount)).toEqual([15]);
    const theirs = (await t.app.inject({ method: 'GET', url: '/api/staff/risks', headers: outsider })).json()
      .risks;
    expect(theirs).toEqual([]);
  });

  it('counts the office’s tickets by status, industry and employer', async () => {
    const dashboard = (
      await t.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: agent })
    ).json();
    expect(dashboard.tickets.total).toBe(4);
    expect(dashboard.tickets.byStatus).toEqual([{ key: 'submitted', count: 4 }]);
    expect(dashboard.tickets.byIndustry).toEqual([{ key: 'delivery', count: 4 }]);
    const future = await t.app.inject({
      method: 'GET',
      url: '/api/staff/dashboard?from=2099-01-01',
      headers: agent,
    });
    expect(future.json().tickets.total).toBe(0);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/staff/dashboard?from=yesterday',
      headers: agent,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the ledger as CSV (masked, audited) and XLSX, to supervisors only', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/api/staff/ledger.csv', headers: supervisor });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFF工单号,类型,状态')).toBe(true);
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv.body).not.toContain('13900001111');
    expect(csv.body).toContain('139****1111');
    expect(csv.body).not.toContain('北京某某物流');
    expect(await t.app.prisma.auditLog.count({ where: { action: 'export-ledger' } })).toBe(1);

    const xlsx = await t.app.inject({ method: 'GET', url: '/api/staff/ledger.xlsx', headers: supervisor });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['工单台账', '一函两书台账']);
    expect(workbook.worksheets[0]?.rowCount).toBe(5);

    expect(
      (await t.app.inject({ method: 'GET', url: '/api/staff/ledger.csv', headers: agent })).statusCode,
    ).toBe(403);
  });
});
