import { DateTime } from 'luxon';
import { travelErrors } from './travel.errors';

/** A dinner party's usual start, assumed for traffic when only the date is known. */
export const DEFAULT_START_TIME = '17:00';

/**
 * The moment an event starts, from its date and start time on the business's clock: the drive
 * is timed for traffic then. No date means no departure time (the drive is timed without
 * traffic). Bad input is a userFailure naming the field.
 */
export function eventDeparture(params: { eventDate?: string | null; startTime?: string | null; timeZone: string }): Date | undefined {
  const { eventDate, startTime, timeZone } = params;
  if (!eventDate) {
    if (startTime) throw travelErrors.invalidEventTime('Give the event date with the start time.', 'eventDate');
    return undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(eventDate)) throw travelErrors.invalidEventTime('eventDate must be a date like 2026-07-04.', 'eventDate');
  const time = startTime ?? DEFAULT_START_TIME;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw travelErrors.invalidEventTime('startTime must be a 24-hour time like 18:30.', 'startTime');
  // Luxon moves a time skipped by a clock change forward; only a date off the calendar is invalid.
  const start = DateTime.fromISO(`${eventDate}T${time}`, { zone: timeZone });
  if (!start.isValid) throw travelErrors.invalidEventTime(`${eventDate} is not a date on the calendar.`, 'eventDate');
  return start.toJSDate();
}
