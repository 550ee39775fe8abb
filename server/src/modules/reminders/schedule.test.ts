import { describe, expect, it } from 'vitest';
import { BookingStatus } from '../bookings/booking.entity';
import { ScheduledMessageKind, messageKey, plannedMessages, type ScheduledBooking } from './schedule';

const SETTINGS = { reminderTime: '10:00', paymentReminderDays: [7, 2], reviewRequestTime: '11:00', reviewRequestStaleDays: 14 };
const LA = 'America/Los_Angeles';

function booking(overrides: Partial<ScheduledBooking> = {}): ScheduledBooking {
  return {
    id: 'b1',
    status: BookingStatus.CONFIRMED,
    eventDate: '2026-12-19',
    startsAt: new Date('2026-12-20T02:00:00.000Z'), // 18:00 in Los Angeles
    confirmedAt: new Date('2026-12-01T18:00:00.000Z'),
    ...overrides,
  };
}

const summary = (b: ScheduledBooking) => plannedMessages(b, SETTINGS, LA).map((m) => `${m.kind}${m.slot ? `:${m.slot}` : ''} ${m.dueAt.toISOString()}`);

describe('the messages a booking is due', () => {
  it('reminds of the balance 7 and 2 days before, of the party the day before, and asks for a review the day after, at local times', () => {
    expect(summary(booking())).toEqual([
      'PAYMENT_REMINDER:7 2026-12-12T18:00:00.000Z', // 10:00 PST
      'PAYMENT_REMINDER:2 2026-12-17T18:00:00.000Z',
      'DAY_BEFORE_REMINDER 2026-12-18T18:00:00.000Z',
      'REVIEW_REQUEST 2026-12-20T19:00:00.000Z', // 11:00 PST the day after
    ]);
  });

  it('keeps 10:00 local across a daylight-saving change', () => {
    // 2026-03-08 springs forward: 10:00 PST on the 7th is 18:00Z, 10:00 PDT on the 8th is 17:00Z.
    const march = booking({ eventDate: '2026-03-09', startsAt: new Date('2026-03-10T01:00:00.000Z'), confirmedAt: new Date('2026-02-01T00:00:00.000Z') });
    const dueAt = (kind: ScheduledMessageKind, slot = '') => plannedMessages(march, SETTINGS, LA).find((m) => m.kind === kind && m.slot === slot)!.dueAt.toISOString();
    expect(dueAt(ScheduledMessageKind.PAYMENT_REMINDER, '2')).toBe('2026-03-07T18:00:00.000Z');
    expect(dueAt(ScheduledMessageKind.DAY_BEFORE_REMINDER)).toBe('2026-03-08T17:00:00.000Z');
  });

  it('sends no reminder that was due before the booking was confirmed', () => {
    const late = booking({ confirmedAt: new Date('2026-12-15T00:00:00.000Z') });
    expect(summary(late).map((line) => line.split(' ')[0])).toEqual(['PAYMENT_REMINDER:2', 'DAY_BEFORE_REMINDER', 'REVIEW_REQUEST']);
  });

  it('has nothing for an inquiry, a booking waiting for its terms, or a cancelled one; only the review request once completed', () => {
    for (const status of [BookingStatus.INQUIRY, BookingStatus.PENDING_TERMS, BookingStatus.CANCELLED]) expect(summary(booking({ status }))).toEqual([]);
    expect(summary(booking({ status: BookingStatus.COMPLETED }))).toEqual(['REVIEW_REQUEST 2026-12-20T19:00:00.000Z']);
  });

  it('gives a moved booking new messages under new keys, so the old day’s sent ones do not stop them', () => {
    const before = plannedMessages(booking(), SETTINGS, LA).map((m) => messageKey('b1', m));
    const after = plannedMessages(booking({ eventDate: '2026-12-20' }), SETTINGS, LA).map((m) => messageKey('b1', m));
    expect(after.filter((key) => before.includes(key))).toEqual([]);
  });
});
