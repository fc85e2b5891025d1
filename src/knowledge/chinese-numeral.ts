// Article numbers in statutes are written in Chinese numerals (第一百零八条). Citations carry
// integers; labels shown to people carry the Chinese form.

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一百零八 → 108, 十二 → 12, 二十 → 20; undefined for anything that is not a numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const char of text) {
    const d = DIGITS[char];
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined; // 二三: two digits in a row
      digit = d;
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // 十 alone at the start means 一十.
    total += (digit ?? (total === 0 ? 1 : Number.NaN)) * unit;
    if (Number.isNaN(total)) return undefined;
    lastUnit = unit;
    digit = undefined;
  }
  total += digit ?? 0;
  return total > 0 ? total : undefined;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 108 → 一百零八, 12 → 十二, 20 → 二十 (the form statutes use), for 1–9999. */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) return String(value);
  const parts: string[] = [];
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let pendingZero = false;
  for (const [size, name] of units) {
    const d = Math.floor(value / size) % 10;
    if (d === 0) {
      if (parts.length) pendingZero = true;
      continue;
    }
    if (pendingZero) parts.push('零');
    pendingZero = false;
    // 十二, not 一十二, when 十 leads.
    parts.push(size === 10 && d === 1 && !parts.length ? name : `${CHINESE_DIGITS[d]}${name}`);
  }
  return parts.join('');
}

export function articleLabel(article: number): string {
  return `第${toChineseNumeral(article)}条`;
}
