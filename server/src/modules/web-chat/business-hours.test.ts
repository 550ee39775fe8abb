import { describe, expect, it } from 'vitest';
import { Weekday } from '../extensions/working-hours';
import { afterHoursNotice, opening } from './business-hours';

const ZONE = 'America/New_York';
const WEEKDAYS_9_TO_5 = [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY].map((day) => ({ day, start: '09:00', end: '17:00' }));
const SATURDAY_NOON = [{ day: Weekday.SATURDAY, start: '12:00', end: '16:00' }];
// 2026-12-01 is a Tuesday.
const at = (iso: string) => new Date(iso);

describe('web chat business hours', () => {
  it.each([
    ['open on a weekday afternoon', '2026-12-01T15:00:00-05:00', [WEEKDAYS_9_TO_5], { open: true, opensAt: null }, null],
    ['before opening: today', '2026-12-01T07:30:00-05:00', [WEEKDAYS_9_TO_5], { open: false, opensAt: at('2026-12-01T09:00:00-05:00') }, 'someone will answer at 9:00 AM today.'],
    ['after closing: tomorrow', '2026-12-01T18:00:00-05:00', [WEEKDAYS_9_TO_5], { open: false, opensAt: at('2026-12-02T09:00:00-05:00') }, 'someone will answer tomorrow at 9:00 AM.'],
    ['Friday night: Monday', '2026-12-04T20:00:00-05:00', [WEEKDAYS_9_TO_5], { open: false, opensAt: at('2026-12-07T09:00:00-05:00') }, 'someone will answer on Monday at 9:00 AM.'],
    ['Friday night with a Saturday shift: tomorrow', '2026-12-04T20:00:00-05:00', [WEEKDAYS_9_TO_5, SATURDAY_NOON], { open: false, opensAt: at('2026-12-05T12:00:00-05:00') }, 'someone will answer tomorrow at 12:00 PM.'],
    ['nobody has hours', '2026-12-01T15:00:00-05:00', [], { open: false, opensAt: null }, 'as soon as someone is back.'],
  ])('%s', (_case, now, hours, expected, notice) => {
    const state = opening(hours, at(now), ZONE);
    expect(state).toEqual(expected);
    const text = afterHoursNotice(state, at(now), ZONE);
    if (notice === null) expect(text).toBeNull();
    else expect(text).toContain(notice);
  });
});
