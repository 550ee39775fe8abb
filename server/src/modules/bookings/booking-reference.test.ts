import { describe, expect, it } from 'vitest';
import { bookingReference } from './booking-reference';

describe('a booking reference', () => {
  it('is HB- and the first six hex digits of the id, upper-case', () => {
    expect(bookingReference('1a2b3c4d-0000-4000-8000-000000000000')).toBe('HB-1A2B3C');
  });

  it('skips the dashes of the uuid', () => {
    expect(bookingReference('1a2b-3c4d-0000-4000-8000-000000000000')).toBe('HB-1A2B3C');
  });

  it('refuses what is not a uuid', () => {
    expect(() => bookingReference('booking-1')).toThrow();
  });
});
