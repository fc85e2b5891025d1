import { parseChineseNumber } from './chinese-number.js';
import { fail, ok, type Parsed } from './parse-result.js';
import type { Period } from './period.js';

/** Points in the year workers count from, with the month they fall in. */
const ZH_ANCHORS: { pattern: string; month?: number; lastYear?: boolean }[] = [
  { pattern: '去年年底|去年底|去年年末|去年冬天', month: 12, lastYear: true },
  { pattern: '国庆节?|十一长假|十一假期', month: 10 },
  { pattern: '中秋节?', month: 9 },
  { pattern: '暑假', month: 7 },
  { pattern: '端午节?', month: 6 },
  { pattern: '五一|劳动节', month: 5 },
  { pattern: '清明节?', month: 4 },
  { pattern: '春节|过年|年后|正月|开年|元宵节?', month: 2 },
  { pattern: '元旦|今年年初|年初|开春|寒假', month: 1 },
  { pattern: '年底|年前', month: 12, lastYear: true },
  { pattern: '去年', lastYear: true },
  { pattern: '上半年|下半年|入职|进厂|开工|上岗|来了以后|干活以后|开始干' },
];
const NUM = '[0-9一二两三四五六七八九十]{1,3}';
const ANCHOR = `(?<month>${NUM})\\s*月份?|(?<named>${ZH_ANCHORS.map((a) => a.pattern).join('|')})`;
/** "从国庆节到现在", "自从3月份开始", "去年年底以来", "打过年就没发". */
const ZH_SINCE = new RegExp(
  `(?:从|自从|自|打从|打)?\\s*(?:(?<year>去年|今年)\\s*)?(?:${ANCHOR})\\s*(?:以后|之后)?\\s*(?<since>到现在|到今天|到如今|至今|到目前为止?|一直到现在|以来|开始|起|就没|都没|一直)`,
);
const ZH_FROM = new RegExp(`(?:从|自从|打从)\\s*(?:(?<year>去年|今年)\\s*)?(?:${ANCHOR})`);

const EN_SEASONS: Record<string, number> = { winter: 12, spring: 3, summer: 6, autumn: 9, fall: 9 };
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_SINCE =
  /\bsince\s+(?:(?<last>last|this)\s+)?(?<what>winter|spring|summer|autumn|fall|(?:the\s+)?(?:chinese\s+)?new\s+year|spring\s+festival|national\s+day|golden\s+week|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|last\s+year|i\s+started|the\s+start|(?:the\s+)?beginning)\b/i;
const EN_FEW = /\b(?:for\s+)?(?:a\s+few|several|many|some)\s+months\b/i;

/** China's calendar month (1–12) of a moment. */
function chinaMonth(now: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(now),
  );
}

/** Whole months from a month to now ("from October" in December: 2), never under 1. */
function monthsSince(month: number, now: Date | undefined, lastYear: boolean): number | undefined {
  if (!now) return undefined;
  const current = chinaMonth(now);
  const back = current - month + (lastYear || month > current ? 12 : 0);
  return back >= 0 && back <= 24 ? Math.max(1, back) : undefined;
}

/**
 * A period that runs to now, as workers say it: 从国庆节到现在, 从去年年底到现在, 3月份开始就没发,
 * since last winter, since september. The words are kept; the months are counted when `now`
 * is given and the start is a known month.
 */
export function parseOpenPeriod(text: string, now?: Date): Parsed<Period> {
  const zh = ZH_SINCE.exec(text) ?? ZH_FROM.exec(text);
  if (zh?.groups) {
    const { month, named, year } = zh.groups;
    const phrase = zh[0].replace(/(?:就没|都没|一直)$/, '').trim();
    const start = month ? parseChineseNumber(month) : undefined;
    if (start && (!start.ok || start.value < 1 || start.value > 12)) return fail('not a month');
    const anchor = named ? ZH_ANCHORS.find((a) => new RegExp(`^(?:${a.pattern})$`).test(named)) : undefined;
    const startMonth = start?.ok ? start.value : anchor?.month;
    const lastYear = year === '去年' || Boolean(anchor?.lastYear);
    const months = startMonth ? monthsSince(startMonth, now, lastYear) : undefined;
    return ok({ text: phrase, ...(months ? { months } : {}), approx: true });
  }
  const en = EN_SINCE.exec(text);
  if (en?.groups) {
    const what = (en.groups.what ?? '').toLowerCase().replace(/\s+/g, ' ');
    const season = EN_SEASONS[what];
    const monthIndex = EN_MONTHS.indexOf(what.slice(0, 3)) + 1;
    const startMonth =
      season ??
      (monthIndex || undefined) ??
      (/new year|spring festival/.test(what) ? 2 : /national day|golden week/.test(what) ? 10 : undefined);
    const months = startMonth ? monthsSince(startMonth, now, en.groups.last === 'last') : undefined;
    return ok({ text: en[0], ...(months ? { months } : {}), approx: true });
  }
  const few = EN_FEW.exec(text);
  if (few) return ok({ text: few[0], months: 3, approx: true });
  return fail('no open period in the message');
}
