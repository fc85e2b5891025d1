import type { Region } from './region.js';
import type { RegionIndex } from './region-index.js';

/** A division name found in a text: where, and which divisions it may be. */
export interface PlaceMatch {
  text: string;
  start: number;
  regions: Region[];
}

/**
 * Everyday words that are also the short name of some division (地方镇, 中心乡, 大方县, 和平区,
 * 城关镇 in hundreds of counties …): never a place unless typed with the division word
 * (和平区, 大方县, 城关镇).
 */
export const COMMON_WORDS = new Set(
  (
    '地方 附近 中心 东西 南北 大方 和平 城关 城中 城南 城北 城东 城西 东城 西城 中山 安康 大同 吉安 ' +
    '新华 人民 解放 胜利 前进 红旗 团结 光明 友谊 建设 东风 向阳 幸福 长安 新城 开发 工业 高新 老城 ' +
    '新村 市中 市区 南门 北门 东门 西门 花园 公园 平安 太平 永安 长顺 文化 和顺 兴业 城厢 农场 林场 ' +
    '工地 车站 码头 大桥 桥头 河口 江口 山口 新街 老街 古城 上街 下街 中街 商城 新店 家园 金山 银山 ' +
    '白马 青山 石门 龙门 天桥 大道 沙河 三江 五里 十里 里面 外面 上面 下面 东边 西边 南边 北边'
  ).split(/\s+/),
);

/** What follows a name and says it is a place: a division word, or "那边/附近" (张江那边). */
const PLACE_WORD_AFTER =
  /^(?:区|县|市|镇|乡|街道|村|地区|开发区|新区|高新区|工业园|园区|片区|那边|这边|那一?片|这一?片|一带|附近|周边|地界|境内)/;
/** What comes before a place: 在深圳, 到张江, 住在南山, 来自四川. */
const LOCATIVE_BEFORE = /(?:在|到|去|来|住|于|位于|来自|从|是)\s*$/;

/** The name is typed with its division word: 浦东新区, 深圳市, 张江镇. */
function typedInFull(match: PlaceMatch): boolean {
  return match.regions.some(
    (r) => r.name === match.text && /(?:省|市|区|县|旗|盟|镇|乡|街道|州)$/.test(r.name),
  );
}

/** Well-known enough to be a place on its own: provinces and prefecture-level cities (深圳, 四川). */
function wellKnown(match: PlaceMatch): boolean {
  return match.regions.some((r) => r.level === 'province' || r.level === 'city');
}

/** Drop the everyday words (地方, 中心 …) that are only a division's short name. */
export function withoutCommonWords(matches: PlaceMatch[]): PlaceMatch[] {
  return matches.filter((m) => typedInFull(m) || !COMMON_WORDS.has(m.text));
}

/**
 * The matches the text marks as places: typed with a division word, followed by one
 * (张江那边), after 在/到/住在, a province or city, or inside/around another such match
 * ("深圳南山": 南山 sits in 深圳). "老板木有" holds 板木, "何长顺" holds 长顺: no mark, no place.
 */
export function cuedMatches(text: string, matches: PlaceMatch[], index: RegionIndex): PlaceMatch[] {
  const cued = new Set(
    matches.filter(
      (m) =>
        typedInFull(m) ||
        wellKnown(m) ||
        PLACE_WORD_AFTER.test(text.slice(m.start + m.text.length)) ||
        LOCATIVE_BEFORE.test(text.slice(0, m.start)),
    ),
  );
  const related = (a: PlaceMatch, b: PlaceMatch) =>
    a.regions.some((ra) =>
      b.regions.some((rb) => index.isWithin(ra.code, rb.code) || index.isWithin(rb.code, ra.code)),
    );
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of matches) {
      if (!cued.has(m) && [...cued].some((c) => related(m, c))) {
        cued.add(m);
        grew = true;
      }
    }
  }
  return matches.filter((m) => cued.has(m));
}
