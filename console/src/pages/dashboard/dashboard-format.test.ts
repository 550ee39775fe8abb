import { describe, expect, it } from 'vitest';
import { duration, mondayOf, percent } from './dashboard-format';

describe('the dashboard’s figures as words', () => {
  it('starts the week on Monday, across a month and a year', () => {
    expect(mondayOf('2026-12-01')).toBe('2026-11-30'); // a Tuesday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30'); // a Monday is its own week's start
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // Sunday ends the week
    expect(mondayOf('2027-01-02')).toBe('2026-12-28');
  });

  it('writes answer times a person reads at a glance, and a dash for nothing timed', () => {
    expect([duration(null), duration(0), duration(0.42), duration(4), duration(42), duration(210), duration(5400), duration(3 * 86_400)]).toEqual([
      '—',
      '0 s',
      '0.4 s',
      '4 s',
      '42 s',
      '4 min',
      '1.5 h',
      '3.0 days',
    ]);
    expect([percent(null), percent(1 / 3), percent(1)]).toEqual(['—', '33%', '100%']);
  });
});
