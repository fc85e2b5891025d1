import { type Region, type RegionLevel, regionIndex, shortName } from '../regions/index.js';

const SUFFIX = /(?:股份有限公司|有限责任公司|有限公司|公司)$/;
// Brackets of every width; NFKC has already made （） into ().
const BRACKETED = /[([【〔［]([^)\]】〕］]*)[)\]】〕］]/g;
const PUNCTUATION = /[\s()[\]【】〔〕［］·.,，。、\-_'"“”‘’]/g;

/** Each name (full and short) to the regions it may mean; 朝阳 means two, and then none is taken. */
function namesAt(levels: RegionLevel[]): Map<string, Region[]> {
  const names = new Map<string, Region[]>();
  const add = (name: string, region: Region) => names.set(name, [...(names.get(name) ?? []), region]);
  for (const region of regionIndex().all(levels)) {
    add(region.name, region);
    const short = shortName(region.name);
    if (short) add(short, region);
  }
  return names;
}

let prefixPlaces: { names: string[]; regions: Map<string, Region[]> } | undefined;
/** Province and city names, full and short (上海市, 上海; 广西壮族自治区, 广西), longest first. */
function placePrefixes() {
  if (!prefixPlaces) {
    const regions = namesAt(['province', 'city']);
    prefixPlaces = { names: [...regions.keys()].sort((a, b) => b.length - a.length), regions };
  }
  return prefixPlaces;
}

let bracketPlaces: Map<string, Region[]> | undefined;
/** What a branch puts in brackets: (上海), (浦东), (中国) — a place down to the district. */
function bracketPlace(text: string): Region[] | undefined {
  bracketPlaces ??= namesAt(['province', 'city', 'county']);
  return text === '中国' ? [] : bracketPlaces.get(text);
}

/**
 * The city a place stands for, as its code: a district counts as its city (浦东 → 上海), a
 * municipality is its own city, a province stays a province. A name shared by two places says
 * nothing.
 */
function cityOf(regions: Region[] | undefined): string | undefined {
  if (regions?.length !== 1) return undefined;
  const [region] = regions as [Region];
  return region.level === 'county' ? (region.parentCode ?? region.code) : region.code;
}

const isProvince = (code: string) => code.endsWith('0000');

/** The more specific of two places, when one lies in the other (广东 and 深圳 → 深圳). */
function narrower(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  if (a === b) return a;
  if (isProvince(a) && b.startsWith(a.slice(0, 2))) return b;
  if (isProvince(b) && a.startsWith(b.slice(0, 2))) return a;
  return a; // two different cities named: the leading one is the company's registered place
}

export interface EmployerKeyParts {
  /** The trade name with width, spaces, brackets, company form and leading places removed. */
  bare: string;
  /** The city (or province) the name places the company in, as a GB/T 2260 code; '' when none. */
  place: string;
}

/**
 * A company name's parts: "上海速达配送（浦东）有限公司 ", "速达配送(上海)有限责任公司" and
 * "上海 速达配送公司" are all {bare: 速达配送, place: 310000}. Full-width characters are made
 * half-width, spaces and brackets dropped (a bracketed place with its brackets), the company-form
 * suffix and leading province/city names removed (never down to less than two characters),
 * Latin letters lower-cased.
 */
export function employerKeyParts(name: string | null | undefined): EmployerKeyParts {
  let place: string | undefined;
  const text = (name ?? '')
    .normalize('NFKC')
    .replace(BRACKETED, (_whole, inner: string) => {
      const regions = bracketPlace(inner.trim());
      if (!regions) return inner;
      place = narrower(place, cityOf(regions));
      return '';
    })
    .replace(PUNCTUATION, '')
    .toLowerCase();
  let rest = text.replace(SUFFIX, '') || text;
  const { names, regions } = placePrefixes();
  let leading: string | undefined;
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of names) {
      if (rest.startsWith(prefix) && rest.length - prefix.length >= 2) {
        leading = narrower(leading, cityOf(regions.get(prefix)));
        rest = rest.slice(prefix.length);
        changed = true;
        break;
      }
    }
  }
  return { bare: rest, place: narrower(leading, place) ?? '' };
}

/**
 * One key per employer as a worker may type it: `<place>:<bare>`. The place is part of the key
 * because 上海速达配送 and 北京速达配送 are, under China's company-naming rules, two companies;
 * a name without a place (":速达配送") is matched to a placed one by `samePlace` where the
 * registry can tell (employers/employer-registry.ts). '' for an empty name.
 */
export function employerKey(name: string | null | undefined): string {
  const { bare, place } = employerKeyParts(name);
  return bare ? `${place}:${bare}` : '';
}

/** Split a key back into its parts. */
export function parseEmployerKey(key: string): EmployerKeyParts {
  const at = key.indexOf(':');
  return at < 0 ? { bare: key, place: '' } : { place: key.slice(0, at), bare: key.slice(at + 1) };
}

/**
 * Can two places be one company's? The same place, no place on one side, or a province and a
 * city in it. 上海 and 北京 cannot.
 */
export function samePlace(a: string, b: string): boolean {
  if (!a || !b || a === b) return true;
  return (isProvince(a) || isProvince(b)) && a.slice(0, 2) === b.slice(0, 2);
}

/** Two employer names that may be one employer: the same trade name in places that fit. */
export function sameEmployer(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = employerKeyParts(a);
  const y = employerKeyParts(b);
  return Boolean(x.bare) && x.bare === y.bare && samePlace(x.place, y.place);
}
