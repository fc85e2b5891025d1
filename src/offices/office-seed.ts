import type { Region } from '../regions/region.js';
import { type RegionIndex, regionIndex } from '../regions/region-index.js';
import { NATIONAL_OFFICE_CODE, NATIONAL_REGION, type OfficeLevel } from './office-types.js';

export interface SeedOffice {
  id: string;
  code: string;
  name: string;
  kind: 'national' | 'regional';
  level: OfficeLevel;
  regionCode: string;
  parentId: string | null;
}

export function regionalOfficeCode(regionCode: string): string {
  return `region-${regionCode}`;
}

/**
 * One federation per GB/T 2260 province, city and county, plus 中华全国总工会 at the top.
 * Names follow the unions' own usage: 广东省总工会, 深圳市总工会, 深圳市南山区总工会,
 * 上海市浦东新区总工会 (a municipality's districts sit directly under it).
 * Seeded ids equal their codes, so parents are known before the rows exist.
 */
export function seedOffices(index: RegionIndex = regionIndex()): SeedOffice[] {
  const national: SeedOffice = {
    id: NATIONAL_OFFICE_CODE,
    code: NATIONAL_OFFICE_CODE,
    name: '中华全国总工会',
    kind: 'national',
    level: 'national',
    regionCode: NATIONAL_REGION,
    parentId: null,
  };
  const rows: SeedOffice[] = [national];
  for (const region of index.all(['province', 'city', 'county'])) {
    if (region.level === 'street') continue;
    const code = regionalOfficeCode(region.code);
    const parent = region.parentCode ? index.get(region.parentCode) : undefined;
    rows.push({
      id: code,
      code,
      name: `${officeName(region, parent)}总工会`,
      kind: 'regional',
      level: region.level,
      regionCode: region.code,
      parentId: parent ? regionalOfficeCode(parent.code) : NATIONAL_OFFICE_CODE,
    });
  }
  return rows;
}

function officeName(region: Region, parent: Region | undefined): string {
  if (region.level !== 'county' || !parent) return region.name;
  return `${parent.name}${region.name}`;
}
