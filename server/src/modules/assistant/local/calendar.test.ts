import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, isValidDate, nextDayOfMonth, nextMonthDay, nthWeekdayOfMonth, todayIn, weekdayOf } from './calendar';

const SATURDAY = { year: 2026, month: 11, day: 21 };

describe('todayIn', () => {
  it.each([
    { instant: '2026-11-21T15:00:00Z', zone: 'America/New_York', today: '2026-11-21' },
    // 22:30 in New York is already the next day in UTC: the business's calendar wins.
    { instant: '2026-11-22T03:30:00Z', zone: 'America/New_York', today: '2026-11-21' },
    { instant: '2026-11-21T15:30:00Z', zone: 'Asia/Tokyo', today: '2026-11-22' },
    { instant: '2026-12-31T23:30:00Z', zone: 'America/Los_Angeles', today: '2026-12-31' },
  ])('$instant in $zone is $today', ({ instant, zone, today }) => {
    expect(formatIsoDate(todayIn(new Date(instant), zone))).toBe(today);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    { days: 1, date: '2026-11-22' },
    { days: 10, date: '2026-12-01' },
    { days: 41, date: '2027-01-01' },
    { days: -7, date: '2026-11-14' },
    { days: 140, date: '2027-04-10' }, // across the March DST change: still whole days
  ])('adds $days days', ({ days, date }) => {
    expect(formatIsoDate(addDays(SATURDAY, days))).toBe(date);
  });

  it('knows the weekday', () => {
    expect(weekdayOf(SATURDAY)).toBe(6);
    expect(weekdayOf({ year: 2027, month: 1, day: 1 })).toBe(5);
  });

  it.each([
    { y: 2028, m: 2, d: 29, valid: true },
    { y: 2027, m: 2, d: 29, valid: false },
    { y: 2026, m: 11, d: 31, valid: false },
    { y: 2026, m: 13, d: 1, valid: false },
  ])('$y-$m-$d valid: $valid', ({ y, m, d, valid }) => {
    expect(isValidDate(y, m, d)).toBe(valid);
  });
});

describe('next occurrences', () => {
  it.each([
    { month: 12, day: 20, next: '2026-12-20' },
    { month: 11, day: 21, next: '2026-11-21' }, // today still counts
    { month: 11, day: 20, next: '2027-11-20' }, // yesterday means next year
    { month: 1, day: 9, next: '2027-01-09' },
    { month: 2, day: 29, next: '2028-02-29' },
  ])('month $month day $day -> $next', ({ month, day, next }) => {
    expect(formatIsoDate(nextMonthDay(month, day, SATURDAY)!)).toBe(next);
  });

  it.each([
    { day: 28, next: '2026-11-28' },
    { day: 20, next: '2026-12-20' },
    { day: 31, next: '2026-12-31' }, // November has no 31st
  ])('day of month $day -> $next', ({ day, next }) => {
    expect(formatIsoDate(nextDayOfMonth(day, SATURDAY)!)).toBe(next);
  });

  it('finds a day of month that falls on a given weekday', () => {
    expect(formatIsoDate(nextDayOfMonth(6, SATURDAY, 0)!)).toBe('2026-12-06'); // "Sunday the 6th"
  });

  it.each([
    { what: 'Thanksgiving 2026', y: 2026, m: 11, wd: 4 as const, n: 4, date: '2026-11-26' },
    { what: 'Memorial Day 2027', y: 2027, m: 5, wd: 1 as const, n: -1, date: '2027-05-31' },
    { what: 'first Saturday of January 2027', y: 2027, m: 1, wd: 6 as const, n: 1, date: '2027-01-02' },
  ])('$what', ({ y, m, wd, n, date }) => {
    expect(formatIsoDate(nthWeekdayOfMonth(y, m, wd, n))).toBe(date);
  });
});
