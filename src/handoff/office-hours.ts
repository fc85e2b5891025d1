/** Staff chat hours, "1-5 09:00-17:30": Monday–Friday, China time (UTC+8, no daylight saving). */
export interface OfficeHours {
  fromDay: number;
  toDay: number;
  openMinute: number;
  closeMinute: number;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

export function parseOfficeHours(spec: string): OfficeHours {
  const match = /^([1-7])-([1-7]) (\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(spec);
  if (!match) throw new Error(`OFFICE_HOURS "${spec}" is not like "1-5 09:00-17:30"`);
  const [, fromDay, toDay, oh, om, ch, cm] = match.map(Number) as number[];
  return {
    fromDay: fromDay as number,
    toDay: toDay as number,
    openMinute: (oh as number) * 60 + (om as number),
    closeMinute: (ch as number) * 60 + (cm as number),
  };
}

export function isOpen(hours: OfficeHours, at: Date): boolean {
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  const day = china.getUTCDay() === 0 ? 7 : china.getUTCDay();
  const minute = china.getUTCHours() * 60 + china.getUTCMinutes();
  return (
    day >= hours.fromDay && day <= hours.toDay && minute >= hours.openMinute && minute < hours.closeMinute
  );
}

/** Words for the hours, from the locale: "周一至周五 09:00–17:30". */
export function describeHours(
  hours: OfficeHours,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const time = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return t('staff:hours.range', {
    from: t(`staff:hours.day${hours.fromDay}`),
    to: t(`staff:hours.day${hours.toDay}`),
    open: time(hours.openMinute),
    close: time(hours.closeMinute),
  });
}
