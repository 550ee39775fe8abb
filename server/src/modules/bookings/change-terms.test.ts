import { describe, expect, it } from 'vitest';
import { asksForTermsAgain, changeKinds } from './change-terms';

const booked = { eventDate: '2026-12-19', startTime: '18:00', address: '12 Oak St, Davis, CA 95616', adults: 18, kids: 2 };

describe('which changes ask for the terms again', () => {
  it('names what a change does', () => {
    expect(changeKinds(booked, { ...booked, eventDate: '2026-12-20', startTime: '17:00' })).toEqual(['DATE', 'TIME']);
    expect(changeKinds(booked, { ...booked, adults: 20 })).toEqual(['MORE_GUESTS']);
    expect(changeKinds(booked, { ...booked, kids: 0 })).toEqual(['FEWER_GUESTS']);
    expect(changeKinds(booked, { ...booked, address: ' 12 OAK ST, Davis, CA 95616' })).toEqual([]);
    // Two kids become two adults: the same number of guests.
    expect(changeKinds(booked, { ...booked, adults: 20, kids: 0 })).toEqual([]);
  });

  it('follows the configured rule', () => {
    const rule = ['DATE', 'ADDRESS', 'MORE_GUESTS'] as const;
    expect(asksForTermsAgain(booked, { ...booked, eventDate: '2026-12-20' }, rule)).toBe(true);
    expect(asksForTermsAgain(booked, { ...booked, adults: 25 }, rule)).toBe(true);
    expect(asksForTermsAgain(booked, { ...booked, startTime: '17:00' }, rule)).toBe(false);
    expect(asksForTermsAgain(booked, { ...booked, adults: 10 }, rule)).toBe(false);
    expect(asksForTermsAgain(booked, { ...booked, eventDate: '2026-12-20' }, [])).toBe(false);
  });
});
