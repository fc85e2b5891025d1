import { fail, ok, type Parsed, toHalfWidth } from './parse-result.js';

export interface Employment {
  stillEmployed: boolean;
  /** YYYY-MM-DD, when the worker gave the day they left. */
  endedOn?: string;
}

const LEFT = '离职|辞职|辞工|不干了|不做了|被(?:开除|辞退|解雇|炒)|合同(?:到期|结束)了?|解除(?:劳动)?合同';
const LEFT_ZH = new RegExp(`(?:已经|早就|早已|后来|就)?(?:${LEFT})`);
const NOT_LEFT = /(?:没|没有|还没|并没有)(?:离职|辞职|辞工|被辞退|被开除)/;
const STILL_ZH =
  /还在(?:那里|那儿|那边|这里|店里|公司|厂里|站点)?(?:干|做|上班|工作|跑)|仍在(?:职|上班|工作)|目前在职|现在在职|还没离职/;
const LEFT_EN =
  /\b(?:i (?:quit|left)|i was (?:fired|dismissed|let go|laid off)|no longer work|don'?t work there any ?more|stopped working there)\b/i;
const STILL_EN = /\b(?:still (?:work|working|employed)|i work there now)\b/i;
const DAY_LEFT = new RegExp(
  `(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?\\s*(?:就|那天)?\\s*(?:${LEFT})`,
);

/** 3月15日 before today's date this year, else last year: a worker telling when they left speaks of the past. */
function pastDay(year: number | undefined, month: number, day: number, now: Date): string | undefined {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const today = china.toISOString().slice(0, 10);
  const make = (y: number) => {
    const date = new Date(Date.UTC(y, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
      ? date.toISOString().slice(0, 10)
      : undefined;
  };
  if (year) {
    const text = make(year);
    return text && text <= today ? text : undefined;
  }
  const thisYear = make(china.getUTCFullYear());
  if (thisYear && thisYear <= today) return thisYear;
  return make(china.getUTCFullYear() - 1);
}

/**
 * Whether the worker still works for the employer (the arbitration limit turns on it): "已经
 * 离职了", "3月15号被辞退的", "还在店里干", "I quit in May", "I still work there". Nothing
 * said: not read, so staff see "unknown — ask the worker".
 */
export function parseEmployment(input: string, now: Date): Parsed<Employment> {
  const text = toHalfWidth(input);
  if (NOT_LEFT.test(text) || STILL_ZH.test(text) || STILL_EN.test(text)) return ok({ stillEmployed: true });
  const dated = DAY_LEFT.exec(text);
  if (dated) {
    const endedOn = pastDay(dated[1] ? Number(dated[1]) : undefined, Number(dated[2]), Number(dated[3]), now);
    return ok(endedOn ? { stillEmployed: false, endedOn } : { stillEmployed: false });
  }
  if (LEFT_ZH.test(text) || LEFT_EN.test(text)) return ok({ stillEmployed: false });
  return fail('nothing said about the employment');
}
