import { pinyin } from 'pinyin-pro';
import { LEVEL_RANK, type Region } from './region.js';

/**
 * Words that are never part of a place's romanized name: English glue, and what English place
 * names end in ("Pudong New Area", "Tianhe District"). Skipping them keeps "I can charge my
 * phone" from spelling a place.
 */
const NOT_PLACE = new Set(
  (
    'a an the i im me my mine we us our you your he him his she her it its they them their this that these those ' +
    'is am are was were be been being do does did have has had can could will would shall should may might must ' +
    'to of in on at by for from with near nearby around about into onto over under between next close ' +
    'and or but not no yes so if then than too very just only also please thanks thank hi hello hey ' +
    'where what when who how why which here there find get go going want need help ' +
    'new area district county city province prefecture municipality region autonomous subdistrict street ' +
    'town township village road rd lu avenue ave station park zone ' +
    'charge charging phone water rest toilet food meal work job pay paid wage wages boss ' +
    'yuan kuai rmb month months year years day days since last'
  ).split(/\s+/),
);

export interface RomanizedNames {
  /** The Latin words as typed ("Pudong"). */
  words: string;
  /** Chinese names they may spell (浦东), all of the highest level any of them has. */
  names: string[];
  /** That level: 1 province … 4 street. */
  level: number;
  /** Marked as a place by the words around it: "in Pudong", "Tianhe District". */
  cued: boolean;
  /** The division word typed after it ("District" → 区): the full name it stands for. */
  suffix?: string;
}

const SUFFIX_AFTER: Record<string, string> = { district: '区', county: '县', city: '市', town: '镇' };

const CUE_BEFORE = new Set(['in', 'at', 'near', 'around', 'from']);
const CUE_AFTER = new Set([
  'district',
  'new',
  'county',
  'city',
  'province',
  'town',
  'township',
  'subdistrict',
]);

/** pinyin without tones and spaces (浦东 → pudong); ü is also typed v and u. */
function keysOf(name: string): string[] {
  const key = pinyin(name, { toneType: 'none', type: 'array' }).join('').toLowerCase();
  return key.includes('ü') ? [key.replaceAll('ü', 'v'), key.replaceAll('ü', 'u')] : [key];
}

/**
 * Romanized spelling → the Chinese division names it can stand for, keeping for each spelling
 * only the names of the highest level there is (浦东 the district, not 普东 the street).
 */
export class RomanizedTable {
  /**
   * Per spelling, its names and their levels side by side in one flat array (name, level, name,
   * level …, each name once, in the order first seen): one small array per spelling instead of a
   * Map, which for GB/T 2260's ~60,000 spellings was megabytes of hash tables held all day.
   */
  private readonly byKey = new Map<string, (string | number)[]>();

  constructor(names: Iterable<[string, Region[]]>) {
    for (const [name, regions] of names) {
      const level = Math.min(...regions.map((r) => LEVEL_RANK[r.level]));
      for (const key of keysOf(name)) {
        const entry = this.byKey.get(key);
        if (!entry) {
          this.byKey.set(key, [name, level]);
          continue;
        }
        const at = entry.indexOf(name);
        if (at < 0) entry.push(name, level);
        else entry[at + 1] = Math.min(level, entry[at + 1] as number);
      }
    }
  }

  /** Names for one spelling, the most important level only. */
  lookup(key: string): { names: string[]; level: number } {
    const entry = this.byKey.get(key);
    if (!entry) return { names: [], level: 0 };
    let top = Number.POSITIVE_INFINITY;
    for (let i = 1; i < entry.length; i += 2) top = Math.min(top, entry[i] as number);
    const names: string[] = [];
    for (let i = 0; i < entry.length; i += 2) if (entry[i + 1] === top) names.push(entry[i] as string);
    return { names, level: top };
  }

  /**
   * Every run of one to three words that spells a division name, longest first at each word.
   * Street names count only beside a county or larger: alone, an English word that happens to
   * spell one of 40,000 street names ("Jingdong") is not a place.
   */
  find(text: string): RomanizedNames[] {
    const words = text
      .toLowerCase()
      .replace(/['’]/g, '')
      // Numbers stay as words, so "around 15000 yuan" does not put "around" beside "yuan".
      .split(/[^a-zü0-9]+/)
      .filter(Boolean);
    const found: RomanizedNames[] = [];
    // Where the last marked place ended: a district spelled right after it ("in Shenzhen
    // Nanshan") is part of the same address, marked too.
    let markedUntil = -1;
    let i = 0;
    while (i < words.length) {
      let matched = 0;
      for (let len = Math.min(3, words.length - i); len >= 1 && !matched; len--) {
        const run = words.slice(i, i + len);
        if (run.some((word) => NOT_PLACE.has(word))) continue;
        const { names, level } = this.lookup(run.join(''));
        if (names.length) {
          const cued =
            CUE_BEFORE.has(words[i - 1] ?? '') ||
            CUE_AFTER.has(words[i + len] ?? '') ||
            (markedUntil === i && level <= LEVEL_RANK.county);
          if (cued) markedUntil = i + len;
          const suffix = SUFFIX_AFTER[words[i + len] ?? ''];
          found.push({ words: run.join(' '), names, level, cued, ...(suffix ? { suffix } : {}) });
          matched = len;
        }
      }
      i += matched || 1;
    }
    const STREET = LEVEL_RANK.street;
    return found.some((group) => group.level < STREET) ? found : [];
  }
}
