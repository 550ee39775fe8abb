import { describe, expect, it } from 'vitest';
import { isWithinWorkingHours, localClock, nextWorkingHoursChange, validateWorkingHours, Weekday } from './working-hours';

const { MONDAY, SATURDAY } = Weekday;

describe('validateWorkingHours', () => {
  it('accepts ordered, non-overlapping ranges, including until midnight', () => {
    expect(
      validateWorkingHours([
        { day: MONDAY, start: '09:00', end: '12:00' },
        { day: MONDAY, start: '12:00', end: '17:30' },
        { day: SATURDAY, start: '16:00', end: '24:00' },
      ]),
    ).toEqual([]);
  });

  it.each([
    [{ day: MONDAY, start: '9am', end: '17:00' }, 'workingHours.0.start'],
    [{ day: MONDAY, start: '09:00', end: '25:00' }, 'workingHours.0.end'],
    [{ day: MONDAY, start: '24:00', end: '24:00' }, 'workingHours.0.start'],
    [{ day: MONDAY, start: '17:00', end: '09:00' }, 'workingHours.0.end'],
    [{ day: MONDAY, start: '09:00', end: '09:00' }, 'workingHours.0.end'],
  ])('rejects %o naming %s', (range, field) => {
    const problems = validateWorkingHours([range]);
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems[0].message).toMatch(/HH:MM|after the start/);
  });

  it('names the range that overlaps an earlier one on the same day', () => {
    const problems = validateWorkingHours([
      { day: MONDAY, start: '09:00', end: '13:00' },
      { day: SATURDAY, start: '10:00', end: '11:00' },
      { day: MONDAY, start: '12:00', end: '18:00' },
    ]);
    expect(problems).toEqual([{ field: 'workingHours.2', message: 'Monday: 12:00–18:00 overlaps 09:00–13:00; change or remove one of them.' }]);
  });
});

describe('isWithinWorkingHours', () => {
  const mondayNineToFive = [{ day: MONDAY, start: '09:00', end: '17:00' }];

  it('reads the clock in the business time zone, not UTC', () => {
    // 2026-11-23 is a Monday. 14:30 UTC is 09:30 in New York (EST, UTC-5) and 06:30 in Los Angeles.
    const at = new Date('2026-11-23T14:30:00Z');
    expect(localClock(at, 'America/New_York')).toEqual({ day: MONDAY, minute: 9 * 60 + 30 });
    expect(isWithinWorkingHours(mondayNineToFive, at, 'America/New_York')).toBe(true);
    expect(isWithinWorkingHours(mondayNineToFive, at, 'America/Los_Angeles')).toBe(false);
  });

  it('treats the end as exclusive and midnight as the end of the day', () => {
    expect(isWithinWorkingHours(mondayNineToFive, new Date('2026-11-23T22:00:00Z'), 'America/New_York')).toBe(false);
    const lateSaturday = [{ day: SATURDAY, start: '20:00', end: '24:00' }];
    // Saturday 2026-11-28 23:59 in New York is Sunday 04:59 UTC.
    expect(isWithinWorkingHours(lateSaturday, new Date('2026-11-29T04:59:00Z'), 'America/New_York')).toBe(true);
  });
});

describe('nextWorkingHoursChange', () => {
  const ZONE = 'America/Los_Angeles';
  const { TUESDAY, SUNDAY } = Weekday;

  it('is the end of the range the clock is in, then the start of the next one', () => {
    const hours = [
      { day: MONDAY, start: '09:00', end: '17:00' },
      { day: TUESDAY, start: '10:00', end: '12:00' },
    ];
    // Monday 2026-11-30 10:00 in Los Angeles (UTC-8).
    expect(nextWorkingHoursChange(hours, new Date('2026-11-30T18:00:00Z'), ZONE)?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    // Monday 17:30: next is Tuesday 10:00.
    expect(nextWorkingHoursChange(hours, new Date('2026-12-01T01:30:00Z'), ZONE)?.toISOString()).toBe('2026-12-01T18:00:00.000Z');
    // Tuesday 13:00: next Monday 09:00.
    expect(nextWorkingHoursChange(hours, new Date('2026-12-01T21:00:00Z'), ZONE)?.toISOString()).toBe('2026-12-07T17:00:00.000Z');
  });

  it('passes over a boundary where one range ends as the next begins, and over midnight', () => {
    const hours = [
      { day: SATURDAY, start: '16:00', end: '24:00' },
      { day: SUNDAY, start: '00:00', end: '02:00' },
      { day: SUNDAY, start: '02:00', end: '03:00' },
    ];
    // Saturday 2026-12-05 20:00 PST: inside until Sunday 03:00.
    expect(nextWorkingHoursChange(hours, new Date('2026-12-06T04:00:00Z'), ZONE)?.toISOString()).toBe('2026-12-06T11:00:00.000Z');
  });

  it('reads the wall clock on a daylight-saving day', () => {
    // Sunday 2027-03-14: clocks go from 02:00 to 03:00 in Los Angeles; 09:00 that day is UTC-7.
    const hours = [{ day: SUNDAY, start: '09:00', end: '10:00' }];
    expect(nextWorkingHoursChange(hours, new Date('2027-03-14T08:00:00Z'), ZONE)?.toISOString()).toBe('2027-03-14T16:00:00.000Z');
  });

  it('is null when the clock alone never changes the answer', () => {
    expect(nextWorkingHoursChange([], new Date('2026-11-30T18:00:00Z'), ZONE)).toBeNull();
  });
});
