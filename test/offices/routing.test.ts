import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImport } from '../../src/offices/office-import.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createStaff, loginBearer } from '../staff/staff-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

const route = (regionCode: string, industry = 'delivery', collective = false) =>
  t.app.offices.route(regionCode, industry as 'delivery', collective);

describe('the seeded directory', () => {
  it('has the national federation and one per province, city and county, named as the unions name themselves', async () => {
    const national = await t.app.offices.getByCode('acftu');
    expect(national).toMatchObject({ name: '中华全国总工会', level: 'national', contactPhone: '12351' });
    const provinces = await t.app.offices.list({ level: 'province', limit: 100 });
    expect(provinces.total).toBe(31);
    expect(provinces.items.map((o) => o.name)).toContain('广东省总工会');
    expect((await t.app.offices.list({ level: 'city' })).total).toBeGreaterThan(300);
    expect((await t.app.offices.list({ level: 'county' })).total).toBeGreaterThan(2800);
    expect((await t.app.offices.getByCode('region-310115'))?.name).toBe('上海市浦东新区总工会');
    expect((await t.app.offices.getByCode('region-440305'))?.name).toBe('深圳市南山区总工会');
    expect((await t.app.offices.getByCode('region-440300'))?.name).toBe('深圳市总工会');
    const pudong = await t.app.offices.getByCode('region-310115');
    expect(pudong?.parentId).toBe('region-310000');
    expect((await t.app.offices.children('region-440300')).map((o) => o.name)).toContain(
      '深圳市南山区总工会',
    );
  });

  it('seeds once: a second run adds nothing', async () => {
    expect(await t.app.offices.ensureSeeded()).toBe(0);
  });
});

describe('routing', () => {
  it('sends a case to its county federation; a street rolls up to its county', async () => {
    expect((await route('310115')).office.name).toBe('上海市浦东新区总工会');
    expect((await route('310115125')).office.name).toBe('上海市浦东新区总工会');
    expect((await route('310115')).via).toBe('region');
  });

  it('falls back upward past inactive offices: county → city → province → national', async () => {
    await t.app.offices.update('region-440305', { active: false });
    expect((await route('440305')).office.name).toBe('深圳市总工会');
    await t.app.offices.update('region-440300', { active: false });
    expect((await route('440305')).office.name).toBe('广东省总工会');
    await t.app.offices.update('region-440000', { active: false });
    expect((await route('440305')).office.name).toBe('中华全国总工会');
    for (const id of ['region-440305', 'region-440300', 'region-440000'])
      await t.app.offices.update(id, { active: true });
    expect((await route('440305')).office.name).toBe('深圳市南山区总工会');
  });

  it('lets the most specific rule win', async () => {
    const riders = await t.app.offices.create({
      code: 'industry-3101-delivery',
      name: '上海市快递外卖行业工会联合会（样例）',
      kind: 'industry',
      level: 'city',
      regionCode: '310000',
      industry: 'delivery',
      parentId: 'region-310000',
    });
    const pudongRiders = await t.app.offices.create({
      code: 'industry-310115-delivery',
      name: '浦东新区外卖骑手工会（样例）',
      kind: 'industry',
      level: 'county',
      regionCode: '310115',
      industry: 'delivery',
      parentId: 'region-310115',
    });
    const provinceRule = await t.app.offices.createRule({
      regionPrefix: '31',
      industry: 'delivery',
      officeId: riders.id,
    });
    // Province-wide delivery rule beats the implicit county federation.
    expect((await route('310115')).office.id).toBe(riders.id);
    expect((await route('310115')).ruleId).toBe(provinceRule.id);
    // Construction is untouched by a delivery rule.
    expect((await route('310115', 'construction')).office.name).toBe('上海市浦东新区总工会');
    // A longer prefix beats a shorter one.
    await t.app.offices.createRule({
      regionPrefix: '310115',
      industry: 'delivery',
      officeId: pudongRiders.id,
    });
    expect((await route('310115')).office.id).toBe(pudongRiders.id);
    expect((await route('310104')).office.id).toBe(riders.id);
    // At equal prefix, naming the industry beats any industry; naming collective beats either.
    await t.app.offices.createRule({ regionPrefix: '310115', officeId: 'region-310000' });
    expect((await route('310115')).office.id).toBe(pudongRiders.id);
    expect((await route('310115', 'factory')).office.id).toBe('region-310000');
    await t.app.offices.createRule({
      regionPrefix: '310115',
      industry: 'delivery',
      collective: true,
      officeId: riders.id,
    });
    expect((await route('310115', 'delivery', true)).office.id).toBe(riders.id);
    expect((await route('310115', 'delivery', false)).office.id).toBe(pudongRiders.id);
  });

  it('refuses bad rules', async () => {
    await expect(t.app.offices.createRule({ regionPrefix: '3', officeId: 'acftu' })).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(t.app.offices.createRule({ regionPrefix: '31', officeId: 'nope' })).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});

describe('collective cases one level up', () => {
  it('goes to the parent office when ROUTE_COLLECTIVE_UP is on', async () => {
    const up = await createTestApp({ ROUTE_COLLECTIVE_UP: 'true' });
    try {
      const single = await up.app.offices.route('440106', 'construction', false);
      const collective = await up.app.offices.route('440106', 'construction', true);
      expect(single.office.name).toBe('广州市天河区总工会');
      expect(collective.office.name).toBe('广州市总工会');
      expect(collective.collectiveUp).toBe(true);
    } finally {
      await up.close();
    }
  }, 60_000);
});

describe('import and the staff API', () => {
  it('imports offices and rules from CSV and JSON; refuses a bad file whole', async () => {
    const csv = [
      'code,name,kind,level,regionCode,industry,parentCode,phone,address',
      'industry-440106-construction,天河区建筑业工会（样例）,industry,county,440106,construction,region-440106,020-00000000（样例）,天河区某路1号（样例）',
    ].join('\n');
    expect(await t.app.offices.import(readImport({ csv }))).toEqual({
      offices: 1,
      rules: 0,
    });
    const imported = await t.app.offices.getByCode('industry-440106-construction');
    expect(imported).toMatchObject({
      parentId: 'region-440106',
      contactLoaded: true,
      contactPhone: '020-00000000（样例）',
    });
    await t.app.offices.import(
      readImport({
        rules: [
          { regionPrefix: '440106', industry: 'construction', officeCode: 'industry-440106-construction' },
        ],
      }),
    );
    expect((await route('440106', 'construction')).office.id).toBe(imported!.id);
    await expect(
      t.app.offices.import(
        readImport({ kind: 'rules', csv: 'regionPrefix,officeCode\n4401,unknown-office\n4,acftu' }),
      ),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('lets an admin edit through the staff API and keeps agents read-only', async () => {
    await createStaff(t.app, 'office-admin', 'admin', 'acftu');
    await createStaff(t.app, 'office-agent', 'agent', 'region-310115');
    const admin = await loginBearer(t.app, 'office-admin');
    const agent = await loginBearer(t.app, 'office-agent');

    const list = await t.app.inject({
      url: '/api/staff/offices?regionCode=3101&level=county&limit=5',
      headers: agent,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0].regionCode).toMatch(/^3101/);

    const patch = { phone: '021-00000000（样例）' };
    const denied = await t.app.inject({
      method: 'PATCH',
      url: '/api/staff/offices/region-310115',
      headers: agent,
      payload: patch,
    });
    expect(denied.statusCode).toBe(403);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: '/api/staff/offices/region-310115',
      headers: admin,
      payload: patch,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ contactPhone: '021-00000000（样例）', contactLoaded: true });

    const rule = await t.app.inject({
      method: 'POST',
      url: '/api/staff/routing-rules',
      headers: admin,
      payload: { regionPrefix: '110105', industry: 'courier', officeId: 'region-110000' },
    });
    expect(rule.statusCode).toBe(201);
    const preview = await t.app.inject({
      url: '/api/staff/routing/preview?regionCode=110105&industry=courier',
      headers: agent,
    });
    expect(preview.json().office.name).toBe('北京市总工会');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/staff/routing-rules',
      headers: admin,
      payload: { regionPrefix: 'abc', officeId: 'acftu' },
    });
    expect(bad.statusCode).toBe(400);
    const agentRule = await t.app.inject({
      method: 'POST',
      url: '/api/staff/routing-rules',
      headers: agent,
      payload: { regionPrefix: '11', officeId: 'acftu' },
    });
    expect(agentRule.statusCode).toBe(403);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/staff/routing-rules/${rule.json().id}`,
      headers: admin,
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/staff/offices' })).statusCode).toBe(401);
  });
});
