import { DateTime } from 'luxon';
import { isWithinWorkingHours, type WorkingHoursRangeValue, Weekday } from '../extensions/working-hours';

/**
 * When someone can answer a web chat: the business is open while any extension's working hours
 * include the moment (as for calls), evaluated in the business time zone. Pure functions,
 * table-tested beside this file.
 */
const WEEKDAY_NUMBER: Record<Weekday, number> = {
  [Weekday.MONDAY]: 1,
  [Weekday.TUESDAY]: 2,
  [Weekday.WEDNESDAY]: 3,
  [Weekday.THURSDAY]: 4,
  [Weekday.FRIDAY]: 5,
  [Weekday.SATURDAY]: 6,
  [Weekday.SUNDAY]: 7,
};

export interface Opening {
  open: boolean;
  /** The next moment someone works, when closed now; null when open or when nobody has hours. */
  opensAt: Date | null;
}

export function opening(hours: WorkingHoursRangeValue[][], now: Date, timeZone: string): Opening {
  if (hours.some((ranges) => isWithinWorkingHours(ranges, now, timeZone))) return { open: true, opensAt: null };
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  let soonest: DateTime | null = null;
  for (let offset = 0; offset <= 7; offset++) {
    const day = today.plus({ days: offset });
    for (const range of hours.flat()) {
      if (WEEKDAY_NUMBER[range.day] !== day.weekday || range.start === '24:00') continue;
      const [hour, minute] = range.start.split(':').map(Number);
      const start = day.set({ hour, minute });
      if (start.toMillis() > now.getTime() && (!soonest || start < soonest)) soonest = start;
    }
    if (soonest) break;
  }
  return { open: false, opensAt: soonest?.toJSDate() ?? null };
}

/** "at 9:00 AM today", "tomorrow at 9:00 AM", "on Monday at 9:00 AM", in the business time zone. */
export function whenOpens(opensAt: Date, now: Date, timeZone: string): string {
  const at = DateTime.fromJSDate(opensAt, { zone: timeZone });
  const days = at.startOf('day').diff(DateTime.fromJSDate(now, { zone: timeZone }).startOf('day'), 'days').days;
  const time = at.toFormat('h:mm a');
  if (days < 1) return `at ${time} today`;
  if (days < 2) return `tomorrow at ${time}`;
  return `on ${at.toFormat('cccc')} at ${time}`;
}

/** What the web chat tells a customer about when they will hear from a person; null while open. */
export function afterHoursNotice(state: Opening, now: Date, timeZone: string): string | null {
  if (state.open) return null;
  if (!state.opensAt) return 'Our team is away right now. Leave a message and we will answer as soon as someone is back.';
  return `Our team is away right now. Leave a message and someone will answer ${whenOpens(state.opensAt, now, timeZone)}.`;
}
