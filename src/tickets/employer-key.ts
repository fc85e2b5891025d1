import { type RegionLevel, regionIndex, shortName } from '../regions/index.js';

const SUFFIX = /(?:股份有限公司|有限责任公司|有限公司|公司)$/;
// Brackets of every width; NFKC has already made （） into ().
const BRACKETED = /[([【〔［]([^)\]】〕］]*)[)\]】〕］]/g;
const PUNCTUATION = /[\s()[\]【】〔〕［］·.,，。、\-_'"“”‘’]/g;

function namesAt(levels: RegionLevel[]): Set<string> {
  const names = new Set<string>();
  for (const region of regionIndex().all(levels)) {
    names.add(region.name);
    const short = shortName(region.name);
    if (short) names.add(short);
  }
  return names;
}

let places: string[] | undefined;
/** Province and city names, full and short (上海市, 上海; 广西壮族自治区, 广西), longest first. */
function placeNames(): string[] {
  places ??= [...namesAt(['province', 'city'])].sort((a, b) => b.length - a.length);
  return places;
}

let bracketPlaces: Set<string> | undefined;
/** What a branch puts in brackets: (上海), (浦东), (中国) — a place down to the district. */
function isBracketPlace(text: string): boolean {
  bracketPlaces ??= new Set([...namesAt(['province', 'city', 'county']), '中国']);
  return bracketPlaces.has(text);
}

/** Drop leading province and city names (广东省深圳市…, 上海…), never down to less than two characters. */
function withoutPlacePrefix(name: string): string {
  let rest = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const place of placeNames()) {
      if (rest.startsWith(place) && rest.length - place.length >= 2) {
        rest = rest.slice(place.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/**
 * One key for every way a worker types an employer's name: "上海速达配送（浦东）有限公司 ",
 * "速达配送(上海)有限责任公司" and "上海 速达配送公司" are one employer. Full-width characters are
 * made half-width, spaces and brackets dropped (a bracketed place name with its brackets), the
 * company-form suffix and leading province/city names removed, Latin letters lower-cased.
 */
export function employerKey(name: string | null | undefined): string {
  const text = (name ?? '')
    .normalize('NFKC')
    .replace(BRACKETED, (_whole, inner: string) => (isBracketPlace(inner.trim()) ? '' : inner))
    .replace(PUNCTUATION, '')
    .toLowerCase();
  const bare = text.replace(SUFFIX, '');
  return withoutPlacePrefix(bare || text);
}
