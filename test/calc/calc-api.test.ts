import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let withTable: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const file = path.join(t.dir, 'average-wages.json');
  fs.writeFileSync(
    file,
    JSON.stringify([
      {
        city: '测试市',
        aliases: ['ceshi'],
        regionCode: '990000',
        year: 2025,
        monthlyFen: 1_000_000,
        source: '测试统计局',
      },
    ]),
  );
  withTable = await createTestApp({ AVERAGE_WAGES_FILE: file });
});
afterAll(async () => {
  await t.close();
  await withTable.close();
});

const post = (app: TestApp, url: string, payload: Record<string, unknown>) =>
  app.app.inject({ method: 'POST', url, payload });

describe('POST /api/calc/*', () => {
  it('works out overtime with each figure, its article and the hourly rule', async () => {
    const res = await post(t, '/api/calc/overtime', {
      monthlyWage: '6,000',
      weekdayHours: 20,
      holidayHours: 8,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totalFen).toBe(103_440 + 82_752);
    expect(body.totalYuan).toBe('1,861.92');
    expect(body.figures[0]).toMatchObject({
      key: 'overtime150',
      yuan: '1,034.40',
      basis: { law: '劳动法', article: 44, text: '《劳动法》第四十四条' },
      inputs: { hourlyWageFen: 3448, hours: 20, percent: 150 },
    });
    expect(body.figures[0].text).toContain('34.48 元 × 20 小时 × 150%');
    expect(body.text).toContain('21.75');
    expect(body.text).toContain('合计：1,861.92 元');
  });

  it('answers in English when asked', async () => {
    const res = await post(t, '/api/calc/no-contract-double-pay', {
      monthlyWage: 5000,
      monthsWithoutContract: 15,
      locale: 'en',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totalFen).toBe(5_500_000);
    expect(body.figures[0].basis.text).toBe('Labor Contract Law, Article 82');
    expect(body.notes.join(' ')).toContain('at most 11 months');
    expect(body.text).toContain('Total: ¥55,000.00');
  });

  it('works out unpaid wages less what was paid', async () => {
    const res = await post(t, '/api/calc/unpaid-wages', { monthlyWage: '6000', months: 2, paid: '1000.50' });
    expect(res.json().totalFen).toBe(1_200_000 - 100_050);
  });

  it('caps severance with the operator table, naming its year and source', async () => {
    const res = await post(withTable, '/api/calc/severance', {
      monthlyWage: 40000,
      startedOn: '2010-01-01',
      endedOn: '2025-12-31',
      city: '测试市',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totalFen).toBe(12 * 3_000_000);
    expect(body.averageWage).toEqual({
      city: '测试市',
      year: 2025,
      monthlyFen: 1_000_000,
      source: '测试统计局',
    });
    expect(body.text).toContain('测试统计局');
    expect(body.text).toContain('12 年');
  });

  it('leaves the cap unchecked, and says so, for a city not in the table', async () => {
    const res = await post(withTable, '/api/calc/severance', {
      monthlyWage: 40000,
      serviceMonths: 180,
      city: '上海',
    });
    expect(res.json().totalFen).toBe(15 * 4_000_000);
    expect(res.json().text).toContain('没有核对当地封顶');
  });

  it.each([
    ['/api/calc/overtime', { monthlyWage: '六千', weekdayHours: 2 }, /monthlyWage/],
    ['/api/calc/overtime', { monthlyWage: 6000 }, /hours/],
    ['/api/calc/overtime', { monthlyWage: 6000, weekdayHours: -1 }, /weekdayHours/],
    ['/api/calc/unpaid-wages', { monthlyWage: 6000, months: 0 }, /period/],
    ['/api/calc/unpaid-wages', { monthlyWage: '2000000', months: 1 }, /at most/],
    ['/api/calc/no-contract-double-pay', { monthlyWage: 5000 }, /monthsWithoutContract/],
    ['/api/calc/severance', { monthlyWage: 5000 }, /serviceMonths or both/],
    [
      '/api/calc/severance',
      { monthlyWage: 5000, serviceMonths: 3, startedOn: '2024-01-01' },
      /serviceMonths or both/,
    ],
    [
      '/api/calc/severance',
      { monthlyWage: 5000, startedOn: '2024-05-01', endedOn: '2024-01-01' },
      /before the first/,
    ],
    [
      '/api/calc/severance',
      { monthlyWage: 5000, startedOn: '2024-02-30', endedOn: '2024-05-01' },
      /calendar/,
    ],
  ])('refuses bad input with a clear 400: %s %j', async (url, payload, message) => {
    const res = await post(t, url, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.json().message).toMatch(message);
  });
});
