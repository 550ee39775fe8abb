import type { Weekday } from '../../graphql/generated/graphql';

export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

const SHORT: Record<Weekday, string> = {
  MONDAY: 'Mon',
  TUESDAY: 'Tue',
  WEDNESDAY: 'Wed',
  THURSDAY: 'Thu',
  FRIDAY: 'Fri',
  SATURDAY: 'Sat',
  SUNDAY: 'Sun',
};

export interface HoursRange {
  day: Weekday;
  start: string;
  end: string;
}

/**
 * One line for a week of ranges, grouping consecutive days with the same hours:
 * "Mon–Fri 09:00–17:00 · Sat 10:00–14:00". Days without hours are left out.
 */
export function summariseWorkingHours(ranges: readonly HoursRange[]): string {
  if (ranges.length === 0) return 'No hours set';
  const perDay = WEEKDAYS.map((day) =>
    ranges
      .filter((range) => range.day === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((range) => `${range.start}–${range.end}`)
      .join(', '),
  );
  const groups: string[] = [];
  let first = 0;
  for (let index = 1; index <= WEEKDAYS.length; index++) {
    if (index < WEEKDAYS.length && perDay[index] === perDay[first]) continue;
    if (perDay[first]) {
      const last = index - 1;
      const days = first === last ? SHORT[WEEKDAYS[first]] : `${SHORT[WEEKDAYS[first]]}–${SHORT[WEEKDAYS[last]]}`;
      groups.push(`${days} ${perDay[first]}`);
    }
    first = index;
  }
  return groups.join(' · ');
}

/** The weekday after `day`, wrapping Sunday to Monday: "Add hours" proposes the next day. */
export function nextWeekday(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % WEEKDAYS.length];
}
