import { describe, expect, it } from 'vitest';
import { findOffice } from '../../src/offices/find-office.js';
import { seedOffices } from '../../src/offices/office-seed.js';
import { toOfficeView } from '../../src/offices/office-views.js';

// The seeded directory as staff:create sees it, without a database.
const offices = seedOffices().map((o) =>
  toOfficeView({
    ...o,
    industry: null,
    phone: null,
    address: null,
    email: null,
    hours: null,
    contactLoaded: false,
    active: true,
    createdAt: new Date(),
    updatedAt: new Date(),
  }),
);
const find = (text: string) => findOffice(offices, text);

describe('findOffice (staff:create --office)', () => {
  it('takes a GB/T 2260 code, a seeded code, the national code and a full name', () => {
    expect(find('310104')).toMatchObject({
      ok: true,
      value: { id: 'region-310104', name: '上海市徐汇区总工会' },
    });
    expect(find('region-310104')).toMatchObject({ ok: true, value: { id: 'region-310104' } });
    expect(find('acftu')).toMatchObject({ ok: true, value: { name: '中华全国总工会' } });
    expect(find('上海市浦东新区总工会')).toMatchObject({ ok: true, value: { id: 'region-310115' } });
  });

  it('takes a unique part of a name and lists the offices an ambiguous one could be', () => {
    expect(find('浦东新区')).toMatchObject({ ok: true, value: { id: 'region-310115' } });
    const ambiguous = find('朝阳区总工会');
    expect(ambiguous.ok).toBe(false);
    if (!ambiguous.ok) expect(ambiguous.reason).toMatch(/北京市朝阳区总工会 \(110105\).*长春市朝阳区总工会/);
    expect(find('999999').ok).toBe(false);
  });
});
