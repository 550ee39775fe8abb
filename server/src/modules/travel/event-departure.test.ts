import { describe, expect, it } from 'vitest';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import { eventDeparture } from './event-departure';

const zone = 'America/Los_Angeles';

describe('eventDeparture', () => {
  it.each([
    [{ eventDate: '2031-07-04', startTime: '18:30' }, '2031-07-05T01:30:00.000Z'], // summer: UTC-7
    [{ eventDate: '2031-12-20', startTime: '18:30' }, '2031-12-21T02:30:00.000Z'], // winter: UTC-8
    [{ eventDate: '2031-07-04' }, '2031-07-05T00:00:00.000Z'], // 17:00 assumed
    [{ eventDate: '2031-03-09', startTime: '02:30' }, '2031-03-09T10:30:00.000Z'], // skipped by the clock change: moved to 03:30
  ])('%j starts at %s', (input, iso) => {
    expect(eventDeparture({ ...input, timeZone: zone })?.toISOString()).toBe(iso);
  });

  it('is no departure time without a date', () => {
    expect(eventDeparture({ timeZone: zone })).toBeUndefined();
    expect(eventDeparture({ eventDate: null, startTime: null, timeZone: zone })).toBeUndefined();
  });

  it.each([
    [{ startTime: '18:00' }, 'eventDate'],
    [{ eventDate: '2031-02-30' }, 'eventDate'],
    [{ eventDate: '2031-7-4' }, 'eventDate'],
    [{ eventDate: '2031-07-04', startTime: '24:00' }, 'startTime'],
    [{ eventDate: '2031-07-04', startTime: '6pm' }, 'startTime'],
  ])('%j is refused on %s', (input, field) => {
    let failure: unknown;
    try {
      eventDeparture({ ...input, timeZone: zone });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(UserInputFailure);
    expect((failure as UserInputFailure).userErrors[0]).toMatchObject({ field, code: 'INVALID_EVENT_TIME' });
  });
});
