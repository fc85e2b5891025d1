import { fail, ok, type Parsed } from './parse-result.js';

// Names end in what they are: 公司, 厂, 站 (a delivery station), 工地, 店 …
const ORG_SUFFIX =
  '(?:有限责任公司|有限公司|分公司|公司|集团|工厂|厂|配送站|站点|站|网点|营业部|分部|门店|店|超市|餐厅|饭店|工地|项目部|车队|劳务队|施工队|物业)';
const ORG = new RegExp(`([\\u4e00-\\u9fa5A-Za-z0-9（）()]{2,24}?${ORG_SUFFIX})(?![\\u4e00-\\u9fa5])?`, 'g');
const LEADING = /^(?:我在|我是|在|于|给|替|帮|跟|是|被|的|我们|我|他们|那个|这个|一个|一家|家)+/;
const NOT_ORG = /^(?:服务站|驿站|工会|总工会|车站|火车站|汽车站|地铁站|公交站|加油站|工作站)$/;
/** A kind of workplace without its name ("电子厂", "工地"): the worker is asked which one. */
const GENERIC =
  /^(?:电子|服装|制衣|家具|食品|塑料|五金|玩具|鞋|纺织|印刷|物流|快递|外卖|建筑|劳务|保洁|物业|装修|餐饮|包装)?(?:厂|工厂|公司|工地|超市|饭店|餐厅|店|站|站点|物业)$/;
const BOSS =
  /(包工头|工头|老板|站长|老板娘|经理|班长)\s*([\u4e00-\u9fa5]{1,3}?)(?=拖|欠|不|没|一直|跑|说|[，。,.!！\s]|$)/;
/**
 * "公司叫…", "老板是…", "站点叫…", "the company is called …": the name follows. What is said
 * about the workplace before the name is not part of it. A pause before 叫 ("美团的站点 叫西溪站",
 * as voice input writes it) still names; a pause before 是 does not ("在工地 是搬砖的" says what
 * the work is).
 */
const NAMED =
  /(?:公司|单位|厂子?|工厂|老板|老板娘|店|站点?|工地|项目部?|物业|车队|雇主|包工头|工头)(?:的)?(?:名字|名称|全称)?(?:叫做|叫|是|名叫|\s+(?:叫做|叫|名叫))\s*([^\s，。,.!！?？；;]{2,40})/;
const NAMED_EN =
  /\b(?:company|employer|boss|station|factory|shop|restaurant|site|firm)\s+(?:is\s+)?(?:called|named|is)\s+([A-Za-z0-9][\w .&'-]{1,60})/i;
/** Lead-ins of a bare answer: corrections, "在…上班", "it's …". */
const BARE_LEAD =
  /^(?:不对|不是|错了|应该是|改成|改为|就是|是|在|叫|给|帮|替|it'?s|it is|they are|called|named|the (?:company|boss|employer) is)[\s,，:：]*/i;
const BARE_TAIL = /(?:上班|干活|打工|工作|做事|做工|干|的活|那里|那边)?[\s。.!！~～]*$/;

/** "老板姓王" → 王老板: the surname goes before the title, as workers say it. */
const BOSS_SURNAME = /(包工头|工头|老板娘|老板|站长|经理|班长)\s*姓\s*([\u4e00-\u9fa5])/;
/** The first words of an answer that names a workplace ("叫…", "名叫…", "是…"). */
const NAMING_LEAD = /^(?:名字叫|名叫|叫做|叫|就是|是)\s*/;
const CLAUSE_BREAK = /[\s，。,.!！?？；;、]+/;

/** A registered name ("上海速达配送服务有限公司") starts with its city: that is part of the name. */
const REGISTERED = /(?:有限责任公司|有限公司|股份公司|集团)$/;

/** Cut place names (longest first, again and again) off the front of a name. */
function withoutPlaces(name: string, placeNames: string[]): string {
  if (REGISTERED.test(name)) return name;
  const places = [...placeNames].sort((a, b) => b.length - a.length);
  let out = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const place of places) {
      if (out.startsWith(place) && out.length > place.length + 1) {
        out = out.slice(place.length).replace(/^的/, '');
        changed = true;
      }
    }
  }
  return out;
}

const ORG_AT_END = new RegExp(`^.*?${ORG_SUFFIX}(?=[^\\u4e00-\\u9fa5]|$)`);
/** What a sentence goes on with after a name: "老板是陈国华拖了我三个月" → 陈国华. */
const AFTER_NAME = /(?:拖|欠|不给|不发|没给|没发|一直|跑|说|已经|都|就|还|也|上班|干活|打工|工作|做事)/;
/** A description, not a name: "老板是个骗子", "公司是做快递的". */
const NOT_A_NAME = /^(?:个|一个|做|在|不|没|我|他|她|说|把|欠|拖|一直|跑)/;

function trimName(name: string): string {
  const org = ORG_AT_END.exec(name);
  const cut = org ? org[0] : name.split(AFTER_NAME)[0]!;
  return cut.replace(/[的了]$/, '');
}

/**
 * Who owes the wages: a company, factory, delivery station or site ("浦东新区张江站" → 张江站
 * once the place is taken off), a name given after "公司叫" / "老板是", else the boss as named
 * ("包工头老王"). `placeNames` are region names found in the message, stripped from the front
 * of a candidate. `bare` (the bot asked for the employer) takes the worker's words as said.
 */
export function parseEmployer(
  text: string,
  placeNames: string[] = [],
  options: { bare?: boolean } = {},
): Parsed<string> {
  const named = NAMED.exec(text) ?? NAMED_EN.exec(text);
  if (named?.[1] && !NOT_A_NAME.test(named[1])) {
    const name = trimName(withoutPlaces(named[1].trim(), placeNames));
    if (name.length >= 2 && !NOT_ORG.test(name)) return ok(name);
  }
  // Asked who: "叫徐家汇小厨 老板姓王" names the workplace in its first words, whatever follows.
  if (options.bare) {
    const first = text.trim().split(CLAUSE_BREAK)[0] ?? '';
    if (NAMING_LEAD.test(first)) {
      const name = trimName(withoutPlaces(first.replace(NAMING_LEAD, ''), placeNames));
      if (name.length >= 2 && !NOT_A_NAME.test(name) && !NOT_ORG.test(name)) return ok(name);
    }
  }
  const candidates: string[] = [];
  for (const match of text.matchAll(ORG)) {
    let name = match[1]!.replace(LEADING, '');
    name = withoutPlaces(name, placeNames).replace(LEADING, '');
    if (name.length >= 2 && !NOT_ORG.test(name) && !GENERIC.test(name)) candidates.push(name);
  }
  if (candidates.length) return ok(candidates.sort((a, b) => b.length - a.length)[0]!);
  const surname = BOSS_SURNAME.exec(text);
  if (surname) return ok(`${surname[2]}${surname[1]}`);
  const boss = BOSS.exec(text);
  if (boss?.[2] && !/^(?:拖|欠|不|没|一|说|跑|是|叫|姓)/.test(boss[2])) return ok(`${boss[1]}${boss[2]}`);
  if (options.bare) {
    let bare = text.trim();
    for (let before = ''; before !== bare; ) {
      before = bare;
      bare = bare.replace(BARE_LEAD, '');
    }
    bare = withoutPlaces(bare.replace(BARE_TAIL, '').trim(), placeNames);
    // "不对 是闵行区" answers where, not who.
    const onlyPlaces = placeNames.reduce((rest, place) => rest.replace(place, ''), bare).trim() === '';
    if (bare.length >= 2 && bare.length <= 60 && !onlyPlaces) return ok(bare);
  }
  return fail('no employer in the message');
}
