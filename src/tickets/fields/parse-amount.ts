import { NUMBER_CHARS, parseChineseNumber } from './chinese-number.js';
import { fail, ok, type Parsed, toHalfWidth } from './parse-result.js';

export interface Amount {
  yuan: number;
  /** "八千多", "大概一万": the worker gave a floor or an estimate. */
  approx: boolean;
}

const NUM = `[${NUMBER_CHARS}](?:[${NUMBER_CHARS}]|,(?=\\d{3}))*`;
// An amount: currency sign, or a money word after it, or k/w/万/千 shorthand.
const AMOUNT = new RegExp(
  `(?<pre>¥|￥|RMB|rmb|人民币)?\\s*(?<num>${NUM})\\s*(?<more1>多|来|几)?(?<unit>[kKwW万千]|块钱|块|元|圆|rmb|RMB|yuan|CNY)?(?<more>多|来|左右|出头)?(?<after>块钱|块|元)?`,
  'g',
);
/** What follows a number that is not money: months, days, people, orders … */
const NOT_MONEY_AFTER =
  /^\s*(?:个?(?:多)?月|个多月|月份|号|日|天|年|周|星期|小时|点|个人|人|名|位|个|单|公里|岁|楼|栋|层|%|站)/;
// 一共 reaches here as " 共" (the 一 of a word is blanked before numbers are read).
const MONEY_WORD_BEFORE =
  /(?:工资|工钱|薪水|薪资|一共|总共|共计|合计|总计|共|欠|拖欠|差|少|还有|金额|钱|报酬|是|有|大概|约|大约|差不多|将近|快)\s*$/;
const APPROX_BEFORE =
  /(?:大概|约|大约|差不多|将近|快|至少|起码|\b(?:about|around|roughly|approximately|almost|nearly|over|more than|at least))\s*$/i;

/**
 * Find the amount owed in a message: 三千五, 1.2万, 一万二, 3.5k, ¥4,500, 八千多, "4500".
 * `bare` accepts a lone number (the bot just asked for the amount).
 */
export function parseAmount(input: string, options: { bare?: boolean } = {}): Parsed<Amount> {
  // 一直, 一共, 一起 …: a word, not the digit one ("1万2一直没给" is 12,000).
  const text = toHalfWidth(input).replace(/一(?=[直起共样定下些般旦边向律再堆])/g, ' ');
  let best: (Amount & { strength: number }) | undefined;
  for (const match of text.matchAll(AMOUNT)) {
    const groups = match.groups ?? {};
    const raw = groups.num ?? '';
    // A phone or ID number is not an amount.
    if (/\d{7,}/.test(raw.replace(/,/g, '')) && !groups.pre) continue;
    const before = text.slice(0, match.index);
    const after = text.slice((match.index ?? 0) + match[0].length);
    const unit = groups.unit ?? '';
    const hasMoneyMark = Boolean(groups.pre || groups.after || /块|元|圆|rmb|yuan|CNY/i.test(unit));
    if (!hasMoneyMark && NOT_MONEY_AFTER.test(after)) continue;
    if (/^[一二两三四五六七八九十几]$/.test(raw) && !hasMoneyMark && !unit) continue;
    const number = parseChineseNumber(raw + (/[kKwW万千]/.test(unit) ? unit : ''));
    if (!number.ok || number.value <= 0) continue;
    const hasShorthand = /[万千kKwW]/.test(raw + unit);
    const context = MONEY_WORD_BEFORE.test(before);
    const strength = (hasMoneyMark ? 3 : 0) + (hasShorthand ? 2 : 0) + (context ? 1 : 0);
    if (strength === 0 && !options.bare) continue;
    // Wages are counted in tens of yuan at least; "3" alone is a reply to something else.
    if (number.value < 10 && !hasMoneyMark) continue;
    const approx = Boolean(groups.more || groups.more1) || APPROX_BEFORE.test(before);
    if (!best || strength > best.strength) best = { yuan: Math.round(number.value), approx, strength };
  }
  if (!best) return fail('no amount in the message');
  return ok({ yuan: best.yuan, approx: best.approx });
}
