// National public holidays (days off) in mainland China, from the State Council General Office's
// yearly notices on holiday arrangements (国务院办公厅关于<year>年部分节假日安排的通知).
// Add the next year when it is announced (usually in November); dates not listed are ordinary days.
const RANGES: ReadonlyArray<readonly [string, string]> = [
  // 2025
  ['2025-01-01', '2025-01-01'],
  ['2025-01-28', '2025-02-04'],
  ['2025-04-04', '2025-04-06'],
  ['2025-05-01', '2025-05-05'],
  ['2025-05-31', '2025-06-02'],
  ['2025-10-01', '2025-10-08'],
  // 2026
  ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'],
  ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'],
  ['2026-09-25', '2026-09-27'],
  ['2026-10-01', '2026-10-07'],
];

const DAY_MS = 86_400_000;

function expand(): Set<string> {
  const days = new Set<string>();
  for (const [from, to] of RANGES) {
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
      days.add(new Date(t).toISOString().slice(0, 10));
    }
  }
  return days;
}

const HOLIDAYS = expand();

/** Whether a YYYY-MM-DD date (China time) is a national public holiday. */
export function isPublicHoliday(date: string): boolean {
  return HOLIDAYS.has(date);
}
