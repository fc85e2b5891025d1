import { mentionsHarm, signalsSelfHarm } from '../danger.js';

// Cues a linear model over n-grams sees only in pieces: that a message says money was not paid,
// names an amount, a period or a place, or asks. Each is one feature, so that a report never seen
// before ("平台一直不给结算", "owes me 3 months") still lights the cues of the reports it resembles.

// "不给" and "不发" are money only when what follows is not something else given or issued: "不给交
// 社保", "不给签合同", "不给休息", "不发安全帽" tell working conditions, not unpaid pay.
const NOT_MONEY_AFTER =
  '(?!(我|俺|咱|我们|俺们|咱们|人|工人)?(签|交|缴|上保险|上社保|买|休|请|办|开证明|看|派|排|批|换|配|戴|用|报|安排|上厕所|喝|吃|住|走|辞|离|安全|口罩|手套|工作服|劳保|合同|工资条|证))';
const NEGATED_PAY = new RegExp(
  `(不|没|未|沒|冇|拒不|拒绝|不肯|不愿|迟迟不|一直不|还不|还没)(有)?((给|发)${NOT_MONEY_AFTER}|付|结|到账|打款|支付|结算|兑现|退)|拖欠|欠薪|欠(我|俺|咱|我们)|压着|扣着(?!.{0,4}(身份证|证件|毕业证))|克扣|拖着`,
);
const AMOUNT =
  /\d+(\.\d+)?\s*(元|块|k|千|万|w|yuan|rmb|kuai)|[一二两三四五六七八九十百千万俩仨]+(块|元|千|万)|\$\s*\d+|\d{4,}/;
const PERIOD =
  /[\d一二两三四五六七八九十俩仨半]+\s*(个月|个多月|月|年|周|星期|天)|(上|这|今|去|前)(个)?(月|年)|年底|年初|月底|过年|春节|国庆|\d+\s*(months?|weeks?|days?|years?)|since|last (month|year|week)/;
const PLACE = /[\u3400-\u9fff](省|市|区|县|镇|乡|村|街道|路|工业园|开发区)|district|province|city\b/;
const ASKS =
  /吗|嘛|么[?？]?$|呢|怎么|咋|如何|能不能|可不可以|可以.{0,6}吗|是否|算不算|合法|违法|多少|几天|哪些|什么|为啥|为什么|\?|^(how|what|can|is|are|do|does|should|will|why|when|who)\b/;
// A question put in general terms (if, by law, is it allowed) rather than a worker's own case now:
// what sets "拖欠工资能要赔偿吗" apart from "老板拖欠我工资".
const GENERAL =
  /如果|要是|假如|万一|一般|通常|法律|规定|合法|违法|犯法|是否|算不算|有没有.{0,4}(标准|上限|规定|补偿|补贴)|\b(if|law|laws|legal|illegal|legally|allowed|rules?|rights?|in general|usually)\b/;
const SELF = /我|俺|咱|本人|\bi\b|\bme\b|\bmy\b|\bwe\b|\bour\b/;
const URGENT =
  /救命|快来|正在|现在|马上|刚才|刚刚|要跳|拿刀|打我|流血|help me|right now|just now|bleeding|knife|sos\b|now\b/;

/** The cue features of a normalized message (see features.ts), as `#name` strings. */
export function cueFeatures(message: string): string[] {
  // "didn't" and "didnt" are one word to the cues, as to the word features.
  const normalized = message.replace(/['’]/g, '');
  const cues: string[] = [];
  const negatedPay =
    NEGATED_PAY.test(normalized) ||
    /\b(not|never|no|didnt|havent|hasnt|wont|refuse\w*)\b.{0,20}\b(pa(y|id)|salary|wages?|settle\w*|money)\b/.test(
      normalized,
    ) ||
    /\bowe[sd]?\b/.test(normalized);
  const amount = AMOUNT.test(normalized);
  const period = PERIOD.test(normalized);
  const place = PLACE.test(normalized);
  const asks = ASKS.test(normalized);
  if (negatedPay) cues.push('#negpay');
  if (amount) cues.push('#amount');
  if (period) cues.push('#period');
  if (place) cues.push('#place');
  // Asking and harm count twice (a second feature each): nlu:cv preferred it to once.
  if (asks) cues.push('#ask', '#ask*');
  const general = GENERAL.test(normalized);
  if (general) cues.push('#general');
  const self = SELF.test(normalized);
  if (self) cues.push('#self');
  if (negatedPay && self) cues.push('#negpay+self');
  if (negatedPay && general) cues.push('#negpay+general');
  if (general && !self) cues.push('#general-self');
  // A constant: the cue block's own bias, which nlu:cv preferred to none.
  cues.push('#any');
  const urgent = URGENT.test(normalized);
  if (urgent) cues.push('#urgent');
  // The danger guard's own words (danger.ts): the model learns when they mean now and when past.
  if (signalsSelfHarm(normalized)) cues.push('#selfharm');
  const harm = mentionsHarm(normalized);
  if (harm) cues.push('#harm', '#harm*');
  if (harm && urgent) cues.push('#harm+urgent');
  if (harm && asks) cues.push('#harm+ask');
  // Pairs: "not paid" with an amount or a period is a report even when phrased as a question.
  if (negatedPay && (amount || period)) cues.push('#negpay+fact');
  if (negatedPay && asks) cues.push('#negpay+ask');
  if (!negatedPay && asks) cues.push('#ask-only');
  return cues;
}
