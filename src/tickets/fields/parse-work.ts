import type { Industry } from '../../offices/office-types.js';

/** Platforms workers name, with the work they usually mean. Longest names first. */
const PLATFORMS: { name: string; pattern: RegExp; industry: Industry }[] = [
  { name: '美团', pattern: /美团|\bmeituan\b/i, industry: 'delivery' },
  { name: '饿了么', pattern: /饿了么|饿了吗|\bele\.?me\b/i, industry: 'delivery' },
  { name: '达达', pattern: /达达/, industry: 'delivery' },
  { name: '闪送', pattern: /闪送/, industry: 'delivery' },
  { name: 'UU跑腿', pattern: /UU跑腿/i, industry: 'delivery' },
  { name: '盒马', pattern: /盒马/, industry: 'delivery' },
  { name: '叮咚买菜', pattern: /叮咚/, industry: 'delivery' },
  { name: '朴朴', pattern: /朴朴/, industry: 'delivery' },
  { name: '滴滴', pattern: /滴滴|\bdidi\b/i, industry: 'ride-hailing' },
  { name: '高德', pattern: /高德/, industry: 'ride-hailing' },
  { name: '曹操出行', pattern: /曹操/, industry: 'ride-hailing' },
  { name: 'T3出行', pattern: /T3/i, industry: 'ride-hailing' },
  { name: '花小猪', pattern: /花小猪/, industry: 'ride-hailing' },
  { name: '货拉拉', pattern: /货拉拉/, industry: 'other' },
  { name: '顺丰', pattern: /顺丰|\bsf express\b/i, industry: 'courier' },
  { name: '京东', pattern: /京东|\bjd\b/i, industry: 'courier' },
  { name: '中通', pattern: /中通/, industry: 'courier' },
  { name: '圆通', pattern: /圆通/, industry: 'courier' },
  { name: '申通', pattern: /申通/, industry: 'courier' },
  { name: '韵达', pattern: /韵达/, industry: 'courier' },
  { name: '极兔', pattern: /极兔/, industry: 'courier' },
  { name: '邮政', pattern: /邮政|EMS/i, industry: 'courier' },
  { name: '菜鸟', pattern: /菜鸟/, industry: 'courier' },
  { name: '德邦', pattern: /德邦/, industry: 'courier' },
];

/**
 * Roles that say the work whatever the workplace: a guard at a mall or a building site, a
 * cleaner at a restaurant, a truck driver at a logistics firm are none of those trades.
 */
const ROLE_WORDS: { industry: Industry; pattern: RegExp }[] = [
  {
    industry: 'domestic',
    pattern:
      /家政|保姆|月嫂|育儿嫂|钟点工|住家|带孩子|带小孩|照顾老人|雇主家|domestic|housekeep|nanny|babysit|caregiver|live-in|\bayi\b/i,
  },
  {
    industry: 'other',
    pattern:
      /保安|门卫|安保|巡逻|环卫|清洁工|保洁|货车司机|卡车司机|大车司机|开货车|开大车|跑货运|搬家公司|酒店|宾馆|旅馆|民宿|网吧|KTV|洗浴|足浴|按摩|理发|美发|美容|护工|陪护|security|\bguard\b|cleaner|janitor|cleaning|truck|lorry|hotel|\bsalon\b/i,
  },
];

const INDUSTRY_WORDS: { industry: Industry; pattern: RegExp }[] = [
  {
    industry: 'delivery',
    pattern:
      /外卖|骑手|送餐|跑单|配送员|众包|专送|跑腿|送外卖|delivery|deliver(?:ing|s)?\b|\brider\b|takeaway/i,
  },
  {
    industry: 'ride-hailing',
    pattern: /网约车|开车|跑车|快车|专车|出租车|代驾|ride[- ]?hailing|\bdriver\b|\bdrive\b|\btaxi\b|\bcab\b/i,
  },
  {
    industry: 'courier',
    pattern:
      /快递|快件|揽件|派件|分拣|仓库|仓储|理货|打包|装卸|物流|courier|parcel|warehouse|logistics|sorting/i,
  },
  {
    industry: 'construction',
    pattern:
      /工地|建筑|施工|包工头|钢筋|木工|瓦工|泥瓦|装修|搬砖|架子工|水电工|油漆工|焊工|小工|扎钢筋|砌墙|construction|building site|\bsite\b|bricklay|scaffold/i,
  },
  {
    industry: 'factory',
    pattern:
      /工厂|厂里|厂子|进厂|[\u4e00-\u9fa5]厂(?!长|家)|流水线|生产线|车间|普工|操作工|包装工|质检|注塑|缝纫|车位|组装|打螺丝|工业园|factory|assembly|production line|workshop|manufactur|garment|sewing|plant worker/i,
  },
  {
    industry: 'retail',
    pattern:
      /超市|商场|门店|店员|收银|便利店|餐馆|饭店|餐厅|服务员|奶茶|后厨|厨师|帮厨|洗碗|传菜|导购|串串|火锅|酒楼|饭馆|小吃|烧烤|面馆|食堂|药店|水果店|[\u4e00-\u9fa5]店(?!长)|retail|shop|store|restaurant|waiter|waitress|cashier|kitchen|\bcook\b|cafe|supermarket|\bmall\b/i,
  },
  { industry: 'domestic', pattern: /阿姨/ },
];

export interface WorkFacts {
  industry?: Industry;
  platform?: string;
}

/** Work type and platform: "美团骑手" → delivery on 美团; "在工地干活" → construction. */
export function parseWork(text: string): WorkFacts {
  const platform = PLATFORMS.find((p) => p.pattern.test(text));
  const worded =
    ROLE_WORDS.find((w) => w.pattern.test(text)) ?? INDUSTRY_WORDS.find((w) => w.pattern.test(text));
  // The work the worker names wins over what the platform usually means (京东 + 外卖 = delivery).
  const industry = worded?.industry ?? platform?.industry;
  return { ...(industry ? { industry } : {}), ...(platform ? { platform: platform.name } : {}) };
}

/** Answers to "what work do you do" when offered as choices (quick replies send these words). */
export function parseIndustryChoice(text: string): Industry | undefined {
  const work = parseWork(text);
  if (work.industry) return work.industry;
  if (/其他|别的|其它|other/i.test(text)) return 'other';
  return undefined;
}

/**
 * A job named in the worker's words that the list does not hold ("保安", "月嫂", "security
 * guard"): short, no digits, not a question. Kept as said beside the nearest industry.
 */
export function looksLikeJob(text: string): boolean {
  const words = text.trim().replace(/[。.!！~～]+$/, '');
  if (!words || /\d|[?？]|不知道|不清楚|idk|don'?t know/i.test(words)) return false;
  return /[\u4e00-\u9fff]/.test(words) ? words.length <= 16 : words.split(/\s+/).length <= 5;
}
