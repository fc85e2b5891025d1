const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The date `days` working days after `from` (China time), skipping Saturdays, Sundays and the
 * given public holidays (YYYY-MM-DD). The deadline is the end of that day, 23:59:59 China time.
 */
export function addWorkingDays(from: Date, days: number, holidays: ReadonlySet<string> = new Set()): Date {
  const china = new Date(from.getTime() + CHINA_OFFSET_MS);
  let cursor = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate());
  let left = days;
  while (left > 0) {
    cursor += 86_400_000;
    const day = new Date(cursor);
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (holidays.has(day.toISOString().slice(0, 10))) continue;
    left--;
  }
  return new Date(cursor + 86_400_000 - 1000 - CHINA_OFFSET_MS);
}

/** 2026年12月21日, in China time. */
export function chineseDate(at: Date): string {
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}
