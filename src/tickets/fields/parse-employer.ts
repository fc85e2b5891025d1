import { fail, ok, type Parsed } from './parse-result.js';

// Names end in what they are: 公司, 厂, 站 (a delivery station), 工地, 店 …
const ORG_SUFFIX =
  '(?:有限责任公司|有限公司|分公司|公司|集团|工厂|厂|配送站|站点|站|网点|营业部|分部|门店|店|超市|餐厅|饭店|工地|项目部|车队|劳务队|施工队)';
const ORG = new RegExp(`([\\u4e00-\\u9fa5A-Za-z0-9（）()]{2,24}?${ORG_SUFFIX})(?![\\u4e00-\\u9fa5])?`, 'g');
const LEADING = /^(?:我在|我是|在|于|给|替|帮|跟|是|被|的|我们|我|他们|那个|这个|一个|一家|家)+/;
const NOT_ORG = /^(?:服务站|驿站|工会|总工会|车站|火车站|汽车站|地铁站|公交站|加油站|工作站)$/;
const BOSS =
  /(包工头|工头|老板|站长|老板娘|经理|班长)\s*([\u4e00-\u9fa5]{1,3}?)(?=拖|欠|不|没|一直|跑|说|[，。,.!！\s]|$)/;

/**
 * Who owes the wages: a company, factory, delivery station or site ("浦东新区张江站" → 张江站
 * once the place is taken off), else the boss as named ("包工头老王"). `placeNames` are region
 * names found in the message, stripped from the front of a candidate.
 */
export function parseEmployer(
  text: string,
  placeNames: string[] = [],
  options: { bare?: boolean } = {},
): Parsed<string> {
  const candidates: string[] = [];
  for (const match of text.matchAll(ORG)) {
    let name = match[1]!.replace(LEADING, '');
    for (const place of [...placeNames].sort((a, b) => b.length - a.length)) {
      if (name.startsWith(place) && name.length > place.length + 1) name = name.slice(place.length);
    }
    name = name.replace(LEADING, '');
    if (name.length >= 2 && !NOT_ORG.test(name)) candidates.push(name);
  }
  if (candidates.length) return ok(candidates.sort((a, b) => b.length - a.length)[0]!);
  const boss = BOSS.exec(text);
  if (boss?.[2] && !/^(?:拖|欠|不|没|一|说|跑)/.test(boss[2])) return ok(`${boss[1]}${boss[2]}`);
  if (options.bare) {
    const bare = text
      .trim()
      .replace(/^(?:是|在|叫)/, '')
      .replace(/[。.!！]+$/, '');
    if (bare.length >= 2 && bare.length <= 60) return ok(bare);
  }
  return fail('no employer in the message');
}
