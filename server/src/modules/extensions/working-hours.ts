import { DateTime } from 'luxon';
import { registerEnumType } from 'type-graphql';

/**
 * Weekly working hours, evaluated in the business time zone. Pure functions, so the
 * rules (format, order, overlaps) are table-tested without a database.
 */
export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}
registerEnumType(Weekday, { name: 'Weekday' });

export interface WorkingHoursRangeValue {
  day: Weekday;
  /** "HH:MM", 00:00-23:59 */
  start: string;
  /** "HH:MM", after start; 24:00 means until midnight */
  end: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export const MAX_RANGES_PER_WEEK = 28;

/** A weekday as the working-hours editor shows it, e.g. "Monday". */
export function weekdayLabel(day: Weekday): string {
  return day.charAt(0) + day.slice(1).toLowerCase();
}
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number | undefined {
  if (time === '24:00') return 24 * 60;
  const match = CLOCK_TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Every problem with a week's ranges, each naming the field to fix (e.g. "workingHours.2.end"). */
export function validateWorkingHours(ranges: WorkingHoursRangeValue[], field = 'workingHours'): FieldProblem[] {
  if (ranges.length > MAX_RANGES_PER_WEEK) {
    return [{ field, message: `Working hours: use at most ${MAX_RANGES_PER_WEEK} time ranges per week.` }];
  }
  const problems: FieldProblem[] = [];
  const parsed: Array<{ index: number; day: Weekday; start: number; end: number }> = [];
  ranges.forEach((range, index) => {
    const start = range.start === '24:00' ? undefined : minutesOf(range.start);
    const end = minutesOf(range.end);
    if (start === undefined) {
      problems.push({
        field: `${field}.${index}.start`,
        message: `${weekdayLabel(range.day)}: enter the start time as HH:MM on a 24-hour clock, for example 09:00 (not "${range.start}").`,
      });
    }
    if (end === undefined) {
      problems.push({
        field: `${field}.${index}.end`,
        message: `${weekdayLabel(range.day)}: enter the end time as HH:MM on a 24-hour clock, for example 17:00, or 24:00 for midnight (not "${range.end}").`,
      });
    }
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      problems.push({
        field: `${field}.${index}.end`,
        message: `${weekdayLabel(range.day)}: the end time ${range.end} must be after the start time ${range.start}.`,
      });
      return;
    }
    parsed.push({ index, day: range.day, start, end });
  });
  for (const a of parsed) {
    const clash = parsed.find((b) => b.index < a.index && b.day === a.day && b.start < a.end && a.start < b.end);
    if (clash) {
      const other = ranges[clash.index];
      problems.push({
        field: `${field}.${a.index}`,
        message: `${weekdayLabel(a.day)}: ${ranges[a.index].start}–${ranges[a.index].end} overlaps ${other.start}–${other.end}; change or remove one of them.`,
      });
    }
  }
  return problems;
}

const WEEKDAY_BY_SHORT_NAME: Record<string, Weekday> = {
  Mon: Weekday.MONDAY,
  Tue: Weekday.TUESDAY,
  Wed: Weekday.WEDNESDAY,
  Thu: Weekday.THURSDAY,
  Fri: Weekday.FRIDAY,
  Sat: Weekday.SATURDAY,
  Sun: Weekday.SUNDAY,
};

// Building a formatter costs about ten times formatting with one; availableNow asks once per row.
const clockFormats = new Map<string, Intl.DateTimeFormat>();
function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, format);
  }
  return format;
}

/** The weekday and minute of the day of an instant, as a clock in `timeZone` shows it. */
export function localClock(at: Date, timeZone: string): { day: Weekday; minute: number } {
  const parts = clockFormat(timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAY_BY_SHORT_NAME[part('weekday')], minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

export function isWithinWorkingHours(ranges: WorkingHoursRangeValue[], at: Date, timeZone: string): boolean {
  const { day, minute } = localClock(at, timeZone);
  return ranges.some((range) => {
    const start = minutesOf(range.start);
    const end = minutesOf(range.end);
    return range.day === day && start !== undefined && end !== undefined && start <= minute && minute < end;
  });
}

const LUXON_WEEKDAY: Record<Weekday, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

/**
 * The first instant after `at` when the week's ranges stop or start covering the clock (a
 * boundary where one range ends and the next begins is not a change), or null when the
 * answer never changes by the clock alone (no ranges, or ranges around the whole week).
 * Boundaries are read as wall-clock times in `timeZone` (luxon), so DST days are right.
 */
export function nextWorkingHoursChange(ranges: WorkingHoursRangeValue[], at: Date, timeZone: string): Date | null {
  const inside = isWithinWorkingHours(ranges, at, timeZone);
  const today = DateTime.fromJSDate(at, { zone: timeZone }).startOf('day');
  const candidates: number[] = [];
  // Eight days reach every weekday's boundaries after now at least once.
  for (let offset = 0; offset <= 7; offset++) {
    const day = today.plus({ days: offset });
    for (const range of ranges) {
      if (LUXON_WEEKDAY[range.day] !== day.weekday) continue;
      for (const time of [range.start, range.end]) {
        const minute = minutesOf(time);
        if (minute === undefined) continue;
        // A wall-clock time on that day (set, not plus: a DST day is 23 or 25 hours long).
        const instant = (minute === 24 * 60 ? day.plus({ days: 1 }) : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 })).toMillis();
        if (instant > at.getTime()) candidates.push(instant);
      }
    }
  }
  candidates.sort((a, b) => a - b);
  const change = candidates.find((instant) => isWithinWorkingHours(ranges, new Date(instant), timeZone) !== inside);
  return change === undefined ? null : new Date(change);
}
