import { parseChineseNumber } from './chinese-number.js';
import { fail, ok, type Parsed, toHalfWidth } from './parse-result.js';

export interface WorkerCount {
  count: number;
  /** "十几个人", "三十多人", "上百人": at least `count`. */
  atLeast: boolean;
}

const PEOPLE = '(?:个|名|位)?\\s*(?:人|工友|兄弟|姐妹|骑手|师傅|工人|同事|农民工|司机|快递员|小哥)';
const COUNT = new RegExp(`(上百|几十|[0-9一二两三四五六七八九十百几]+)\\s*(多|几|来)?\\s*${PEOPLE}`);
const ALONE =
  /就我一个|只有我|我一个人|就我自己|只是我|只欠我|就我$|^一个人$|^我自己$|^就我$|^只有我一个$|just me|only me/i;

/** How many workers are owed: 十几个人 → at least 10, 我们30多人 → at least 30, 就我一个 → 1. */
export function parseWorkerCount(input: string, options: { bare?: boolean } = {}): Parsed<WorkerCount> {
  const text = toHalfWidth(input).trim();
  if (ALONE.test(text)) return ok({ count: 1, atLeast: false });
  const match =
    COUNT.exec(text) ??
    (options.bare ? /^([0-9一二两三四五六七八九十百几]+)\s*(多|几|来)?\s*个?$/.exec(text) : null);
  if (match) {
    const raw = match[1]!;
    if (raw === '上百') return ok({ count: 100, atLeast: true });
    if (raw === '几十') return ok({ count: 20, atLeast: true });
    // 十几 → 10, 几 → 3 (a few), 二十几 → 20.
    const fuzzy = raw.includes('几') || Boolean(match[2]);
    const base = raw === '几' ? 3 : raw.replace(/几$/, '');
    const value = typeof base === 'number' ? ok(base) : parseChineseNumber(base);
    if (value.ok && value.value >= 1 && value.value <= 100_000) {
      return ok({ count: Math.floor(value.value), atLeast: fuzzy });
    }
  }
  const english = /(\d+)\s*(?:\+|or more)?\s*(?:workers|people|of us|riders|drivers)/i.exec(text);
  if (english) return ok({ count: Number(english[1]), atLeast: /\+|or more/.test(english[0]) });
  return fail('no worker count in the message');
}
