import { describe, expect, it } from 'vitest';
import type { MessageAnalysis } from './assistant.port';
import { cancellationMoney, daysBetween, isUpset, newParty, pickBooking, requestedChanges, reviewCancellation, reviewChange, type BookingFacts, type ChangePolicySettings } from './change-policy';

const settings: ChangePolicySettings = { chefCount: 2, changeMinDays: 3, upsetSentiment: -0.3, refundMinDays: 7, maxGuests: 100 };
const today = '2026-12-01';
const booking = (overrides: Partial<BookingFacts> = {}): BookingFacts => ({
  id: 'b1',
  status: 'CONFIRMED',
  eventDate: '2026-12-19',
  startTime: '18:00',
  adults: 18,
  kids: 2,
  paidCents: 10000,
  depositCents: 10000,
  ...overrides,
});
const analysis = (overrides: Partial<MessageAnalysis> = {}): MessageAnalysis => ({ intent: 'MODIFY_BOOKING', intentConfidence: 0.9, details: {}, sentiment: 0, language: 'en', ...overrides });
const sure = <T>(value: T) => ({ value, confidence: 0.95 });

describe('what a message asks to change', () => {
  it('keeps the details read with confidence, and only those', () => {
    const read = analysis({ details: { eventDate: sure('2026-12-20'), startTime: sure('17:00'), partySize: { value: 30, confidence: 0.4 } } });
    expect(requestedChanges(read, 0.75)).toEqual({ eventDate: '2026-12-20', startTime: '17:00' });
  });

  it('keeps the kids as kids while the party has room for them', () => {
    expect(newParty({ adults: 18, kids: 2 }, 25)).toEqual({ adults: 23, kids: 2 });
    expect(newParty({ adults: 18, kids: 2 }, 2)).toEqual({ adults: 2, kids: 0 });
  });

  it('counts calendar days', () => {
    expect(daysBetween('2026-12-01', '2026-12-19')).toBe(18);
    expect(daysBetween('2026-12-19', '2026-12-19')).toBe(0);
    // Across the change to standard time: still whole days.
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('reads a sentiment at or below the cut-off as upset', () => {
    expect(isUpset(-0.3, settings)).toBe(true);
    expect(isUpset(-0.29, settings)).toBe(false);
  });
});

describe('reviewing a change', () => {
  const review = (changes: Parameters<typeof reviewChange>[1], facts = booking(), eventsOnNewDay = 0) => reviewChange(facts, changes, { today, eventsOnNewDay, settings });

  it('allows a move to a day with a chef free, far enough ahead', () => {
    expect(review({ eventDate: '2026-12-20', startTime: '17:00' }, booking(), 1)).toEqual({ ok: true });
  });

  it('sends a move to a full day to staff (as many events as chefs)', () => {
    expect(review({ eventDate: '2026-12-20' }, booking(), 2)).toMatchObject({ ok: false, reason: 'DATE_FULL' });
  });

  it('does not count the day as full when the day does not change', () => {
    expect(review({ startTime: '17:00' }, booking(), 5)).toEqual({ ok: true });
  });

  it('sends a change too close to the event, or to a day too close, to staff', () => {
    expect(review({ startTime: '17:00' }, booking({ eventDate: '2026-12-03' }))).toMatchObject({ ok: false, reason: 'TOO_CLOSE' });
    expect(review({ eventDate: '2026-12-02' })).toMatchObject({ ok: false, reason: 'TOO_CLOSE' });
    expect(review({ startTime: '17:00' }, booking({ eventDate: '2026-12-04' }))).toEqual({ ok: true });
    expect(review({ startTime: '17:00' }, booking({ eventDate: today }))).toMatchObject({ ok: false, reason: 'EVENT_TODAY' });
  });

  it('sends a party size out of range to staff', () => {
    expect(review({ partySize: 150 })).toMatchObject({ ok: false, reason: 'PARTY_SIZE' });
    expect(review({ partySize: 0 })).toMatchObject({ ok: false, reason: 'PARTY_SIZE' });
    expect(review({ partySize: 100 })).toEqual({ ok: true });
  });

  it('never changes a closed booking', () => {
    expect(review({ startTime: '17:00' }, booking({ status: 'CANCELLED' }))).toMatchObject({ ok: false, reason: 'CLOSED' });
  });
});

describe('the cancellation rule', () => {
  it('refunds everything paid when cancelled at least the configured days ahead', () => {
    expect(cancellationMoney(booking({ eventDate: '2026-12-08' }), today, settings)).toEqual({ daysBefore: 7, depositRefunded: true, refundCents: 10000, keptCents: 0 });
  });

  it('keeps the deposit when cancelled closer, and refunds anything paid beyond it', () => {
    expect(cancellationMoney(booking({ eventDate: '2026-12-07' }), today, settings)).toEqual({ daysBefore: 6, depositRefunded: false, refundCents: 0, keptCents: 10000 });
    expect(cancellationMoney(booking({ eventDate: '2026-12-07', paidCents: 50000 }), today, settings)).toMatchObject({ refundCents: 40000, keptCents: 10000 });
  });

  it('owes nothing when nothing was paid', () => {
    expect(cancellationMoney(booking({ paidCents: 0, eventDate: '2026-12-03' }), today, settings)).toMatchObject({ refundCents: 0, keptCents: 0 });
  });

  it('lets the assistant cancel up to the day before, never on the day', () => {
    expect(reviewCancellation(booking({ eventDate: '2026-12-02' }), today)).toEqual({ ok: true });
    expect(reviewCancellation(booking({ eventDate: today }), today)).toMatchObject({ ok: false, reason: 'EVENT_TODAY' });
  });
});

describe('choosing among bookings', () => {
  const choices = [
    { id: 'a', eventDate: '2026-12-19' },
    { id: 'b', eventDate: '2027-01-09' },
  ];
  it.each([
    ['2', 'b'],
    ['#1', 'a'],
    ['the second one', 'b'],
    ['la primera', 'a'],
    ['the last one', 'b'],
  ])('"%s" picks %s', (text, id) => {
    expect(pickBooking(text, analysis(), choices)).toBe(id);
  });

  it('picks by a day only one of them is on', () => {
    expect(pickBooking('the Dec 19 one', analysis({ details: { eventDate: sure('2026-12-19') } }), choices)).toBe('a');
    expect(pickBooking('the Dec 20 one', analysis({ details: { eventDate: sure('2026-12-20') } }), choices)).toBeNull();
  });

  it('picks nothing from a reply that names none, or a number beyond the list', () => {
    expect(pickBooking('the one with my mom', analysis(), choices)).toBeNull();
    expect(pickBooking('3', analysis(), choices)).toBeNull();
  });
});
