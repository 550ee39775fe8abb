/**
 * Calendar dates without a time of day, and "today" as seen in the business's time zone.
 * Arithmetic runs on UTC midnights so that daylight-saving changes never shift a day.
 */

export interface CalendarDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

/** 0 = Sunday .. 6 = Saturday, as Date#getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

// Building a formatter costs about ten times formatting with one; every message asks for today.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(now: Date, timeZone: string): CalendarDate {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })));
  const parts = format.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function toUtc(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

function fromUtc(date: Date): CalendarDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
}

export function weekdayOf(date: CalendarDate): Weekday {
  return toUtc(date).getUTCDay() as Weekday;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const utc = toUtc({ year, month, day });
  return utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatIsoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The first month/day on or after `today`: a date already past this year means next year. */
export function nextMonthDay(month: number, day: number, today: CalendarDate): CalendarDate | null {
  for (let year = today.year; year <= today.year + 4; year++) {
    if (!isValidDate(year, month, day)) continue; // Feb 29 waits for a leap year
    const candidate = { year, month, day };
    if (compareDates(candidate, today) >= 0) return candidate;
  }
  return null;
}

/** The first day-of-month `day` on or after `today` ("the 20th"). */
export function nextDayOfMonth(day: number, today: CalendarDate, weekday?: Weekday): CalendarDate | null {
  let { year, month } = today;
  for (let i = 0; i < 24; i++) {
    const candidate = { year, month, day };
    const matchesWeekday = weekday === undefined || weekdayOf(candidate) === weekday;
    if (isValidDate(year, month, day) && compareDates(candidate, today) >= 0 && matchesWeekday) return candidate;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return null;
}

/** The `n`th (1-based; -1 for last) given weekday of a month: "fourth Thursday of November". */
export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, n: number): CalendarDate {
  if (n > 0) {
    const first = { year, month, day: 1 };
    const offset = (weekday - weekdayOf(first) + 7) % 7;
    return { year, month, day: 1 + offset + (n - 1) * 7 };
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = { year, month, day: lastDay };
  return { year, month, day: lastDay - ((weekdayOf(last) - weekday + 7) % 7) };
}
