import { cuedMatches, type PlaceMatch, withoutCommonWords } from './place-cues.js';
import { LEVEL_RANK, type Region } from './region.js';
import { type RegionIndex, regionIndex } from './region-index.js';
import { RomanizedTable } from './romanized-place.js';

export type PlaceResolution =
  | { ok: true; region: Region; matched: string[] }
  | { ok: false; reason: 'ambiguous'; candidates: Region[]; matched: string[] }
  | { ok: false; reason: 'not-found' };

// Longest first, so 自治区 is stripped before 区.
const SUFFIXES = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '新区',
  '地区',
  '街道',
  '省',
  '市',
  '区',
  '县',
  '旗',
  '盟',
  '镇',
  '乡',
];
const MAX_NAME = 12;

/** Name → regions, with short forms (浦东, 朝阳, 张江) as well as full names. */
class NameTable {
  readonly full = new Map<string, Region[]>();
  readonly short = new Map<string, Region[]>();
  constructor(index: RegionIndex) {
    for (const region of index.all(['province', 'city', 'county', 'street'])) {
      push(this.full, region.name, region);
      const short = shortName(region.name);
      if (short && short !== region.name) push(this.short, short, region);
    }
  }
}

function push(map: Map<string, Region[]>, key: string, region: Region) {
  const list = map.get(key);
  if (list) list.push(region);
  else map.set(key, [region]);
}

export function shortName(name: string): string | undefined {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return undefined;
}

let table: NameTable | undefined;
function names(index: RegionIndex): NameTable {
  table ??= new NameTable(index);
  return table;
}

const CJK = /[\u3400-\u9fff]/;
let romanized: RomanizedTable | undefined;
/** Built on the first romanized place (about a second: pinyin for every division name). */
function romanizedTable(index: RegionIndex): RomanizedTable {
  const { full, short } = names(index);
  romanized ??= new RomanizedTable([...full, ...short]);
  return romanized;
}

/** At most this many ways of reading the romanized words are tried. */
const MAX_READINGS = 24;

/**
 * "Pudong Zhangjiang", "Tianhe District", "chaoyang": the words are read as Chinese names
 * (every reading when a spelling has homophones at the same level) and resolved as if typed in
 * Chinese. One place, or one inside all the others, is the answer; otherwise the worker is asked.
 */
function resolveRomanized(text: string, index: RegionIndex, options: PlaceOptions): PlaceResolution {
  const all = romanizedTable(index).find(text);
  // Words marked as a place ("in Pudong") speak for the message; unmarked ones may be a name
  // typed in pinyin ("Li Ming"), so they count only when the text is the answer to "where?".
  // Beside a marked place, a city or province name is part of the address ("Baiyun District,
  // Guangzhou"); a street-level spelling beside it is more likely a name.
  const found = all.some((group) => group.cued)
    ? all.filter((group) => group.cued || group.level <= LEVEL_RANK.city)
    : options.cueRequired
      ? []
      : all;
  if (!found.length) return { ok: false, reason: 'not-found' };
  const { full } = names(index);
  let readings: string[][] = [[]];
  for (const group of found) {
    // "Baiyun District" is 白云区, not the 白云街道 that is also in Guangzhou.
    const spelled = group.names.map((name) =>
      group.suffix && full.has(name + group.suffix) ? name + group.suffix : name,
    );
    readings = readings
      .flatMap((reading) => spelled.map((name) => [...reading, name]))
      .slice(0, MAX_READINGS);
  }
  const regions: Region[] = [];
  for (const reading of readings) {
    // The words were marked (or are the answer to "where?"): their Chinese reading needs no more.
    const result = resolvePlace(reading.join(' '), index, { ...options, cueRequired: false });
    if (result.ok) regions.push(result.region);
    else if (result.reason === 'ambiguous') regions.push(...result.candidates);
  }
  // A place inside another that was also found is the more precise reading of the same words.
  const distinct = dedupe(regions).filter(
    (region) =>
      !regions.some((other) => other.code !== region.code && index.isWithin(other.code, region.code)),
  );
  const matched = found.map((group) => group.words);
  if (!distinct.length) return { ok: false, reason: 'not-found' };
  if (distinct.length === 1) return { ok: true, region: distinct[0] as Region, matched };
  return { ok: false, reason: 'ambiguous', candidates: distinct, matched };
}

type Match = PlaceMatch;

/** Every division name in the text, longest match at each position, full names before short. */
function findMatches(text: string, index: RegionIndex): Match[] {
  const { full, short } = names(index);
  const matches: Match[] = [];
  let i = 0;
  while (i < text.length) {
    let found: Match | undefined;
    for (let len = Math.min(MAX_NAME, text.length - i); len >= 2 && !found; len--) {
      const piece = text.slice(i, i + len);
      const regions = full.get(piece) ?? short.get(piece);
      // "南山" names 南山区 and, inside it, 南山街道: the worker meant the larger place.
      if (regions) found = { text: piece, start: i, regions: withoutDescendants(regions, index) };
    }
    if (found) {
      matches.push(found);
      i += found.text.length;
    } else {
      i += 1;
    }
  }
  return matches;
}

export interface PlaceOptions {
  /** A region the worker already gave: settles a name found in several cities. */
  near?: string;
  /**
   * The text is not the answer to "where?": only names it marks as places count — in Chinese
   * typed with a division word, followed by one, after 在/到, a province or city, or beside
   * such a name (place-cues.ts); romanized, "in Pudong", "Tianhe District".
   */
  cueRequired?: boolean;
}

/**
 * Resolve the place a worker typed ("浦东新区张江", "朝阳区", "深圳南山") to one division.
 * Names that fit together (a street inside the district also named) settle each other;
 * a name that exists in several cities with nothing to settle it comes back ambiguous, unless
 * `near` (a region the worker already gave) picks out one of them in its city.
 */
export function resolvePlace(
  text: string,
  index: RegionIndex = regionIndex(),
  options: PlaceOptions = {},
): PlaceResolution {
  if (!CJK.test(text) && /[a-z]{2}/i.test(text)) return resolveRomanized(text, index, options);
  const found = withoutCommonWords(findMatches(text, index));
  const matches = options.cueRequired ? cuedMatches(text, found, index) : found;
  if (!matches.length) return { ok: false, reason: 'not-found' };

  // Score each candidate: how specific it is, and how many other matches it sits inside.
  const scored: { region: Region; score: number; support: number }[] = [];
  for (const match of matches) {
    for (const region of match.regions) {
      const support = matches.filter(
        (other) => other !== match && other.regions.some((r) => index.isWithin(region.code, r.code)),
      ).length;
      // A street name alone is too weak (城关镇 is everywhere): streets count only with support,
      // or when the name is unique and nothing else was named ("南山区科技园" is not the one
      // 科技园街道 in Luoyang just because that name is unique).
      if (region.level === 'street' && support === 0 && (match.regions.length > 1 || matches.length > 1))
        continue;
      scored.push({ region, score: support * 10 + LEVEL_RANK[region.level], support });
    }
  }
  if (!scored.length) return { ok: false, reason: 'not-found' };
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  // Rivals: as good a fit, or, when nothing else was named to settle it, any division of that
  // name at another level ("西安" is 西安市 as much as the two 西安区 elsewhere).
  const rivals = scored.filter(
    (s) =>
      (s.score === best.score || (best.support === 0 && s.support === 0)) &&
      s.region.code !== best.region.code &&
      !index.isWithin(s.region.code, best.region.code) &&
      !index.isWithin(best.region.code, s.region.code),
  );
  const matched = matches.map((m) => m.text);
  if (rivals.length && options.near) {
    // The worker already told us where they are (深圳南山区): 南山区 again means that one.
    const near = options.near;
    const sameCity = [best, ...rivals].filter(
      (s) => s.region.code.slice(0, 4) === near.slice(0, 4) && !s.region.code.endsWith('0000'),
    );
    const chosen = sameCity[0]?.region;
    if (sameCity.length === 1 && chosen)
      return { ok: true, region: chosen, matched: namesOf(matches, chosen, index) };
  }
  if (rivals.length) {
    const candidates = [best, ...rivals].map((s) => s.region);
    return { ok: false, reason: 'ambiguous', candidates: dedupe(candidates), matched };
  }
  return { ok: true, region: best.region, matched: namesOf(matches, best.region, index) };
}

/** The names in the text that point at the chosen region (itself or a division containing it). */
function namesOf(matches: Match[], region: Region, index: RegionIndex): string[] {
  return matches
    .filter((match) => match.regions.some((r) => index.isWithin(region.code, r.code)))
    .map((match) => match.text);
}

function withoutDescendants(regions: Region[], index: RegionIndex): Region[] {
  if (regions.length < 2) return regions;
  return regions.filter((r) => !regions.some((other) => other !== r && index.isWithin(r.code, other.code)));
}

function dedupe(regions: Region[]): Region[] {
  const seen = new Set<string>();
  return regions.filter((r) => {
    if (seen.has(r.code)) return false;
    seen.add(r.code);
    return true;
  });
}
