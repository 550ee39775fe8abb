import { describe, expect, it } from 'vitest';
import { lastCompleteWeek, reconciliationEmail, weekRange, weeklySummaryEmail, type WeeklyFigures } from './weekly-report';
import { messageIdFor, weeklyCron } from './email.service';

const figures: WeeklyFigures = {
  weekStart: '2026-11-23',
  weekEnd: '2026-11-29',
  bookingsMade: 4,
  bookingsValueCents: 312_000,
  cancellations: 1,
  receivedCents: 154_050,
  depositCents: 40_000,
  refundedCents: 10_000,
  conversations: 37,
  escalations: 5,
  reviews: 3,
  averageRating: 4.666,
};

describe('the weekly business summary', () => {
  it('says the week, each figure in words, and the rating to one decimal', () => {
    const email = weeklySummaryEmail(figures, 'Hibachi at Home');
    expect(email.subject).toBe('Weekly summary, Nov 23 to Nov 29, 2026');
    expect(email.text).toBe(
      [
        'Hibachi at Home: the week of Monday, November 23, 2026 to Sunday, November 29, 2026.',
        '',
        'Bookings made: 4, worth $3,120',
        'Cancellations: 1',
        'Revenue received: $1,540.50 (after $100 refunded)',
        'Deposits: $400',
        'Conversations: 37',
        'Escalations to staff: 5',
        'Reviews: 3, average rating 4.7 of 5',
        '',
      ].join('\n'),
    );
  });

  it('says a quiet week plainly, without a rating nobody gave', () => {
    const quiet = weeklySummaryEmail({ ...figures, bookingsMade: 0, bookingsValueCents: 0, refundedCents: 0, receivedCents: 0, reviews: 0, averageRating: null }, 'Hibachi at Home').text;
    expect(quiet).toContain('Bookings made: 0, worth $0\n');
    expect(quiet).toContain('Revenue received: $0\n');
    expect(quiet).toContain('Reviews: 0\n');
  });
});

describe('the reconciliation email', () => {
  const line = (state: string, amountCents: number, description: string) => ({ state, postedOn: '2026-11-24', amountCents, description, explanation: `${state} because` });

  it('totals the week and lists what needs a look, pointing to the attached CSV', () => {
    const email = reconciliationEmail(
      { weekStart: '2026-11-23', weekEnd: '2026-11-29', creditCents: 60_000, matchedCents: 25_000, unmatchedCents: 35_000, lines: [line('MATCHED', 25_000, 'ZELLE DORIS'), line('UNMATCHED', 30_000, 'ZELLE UNKNOWN'), line('SUGGESTED', 5_000, 'VENMO PAT')] },
      'Hibachi at Home',
    );
    expect(email.subject).toBe('Weekly reconciliation, Nov 23 to Nov 29, 2026');
    expect(email.filename).toBe('reconciliation-2026-11-23.csv');
    expect(email.text).toContain('Credits: 3 credits, $600\n');
    expect(email.text).toContain('Matched to bookings: 1, $250\n');
    expect(email.text).toContain('Waiting to be matched: 2, $350 (1 with a suggestion to verify)\n');
    expect(email.text).toContain('- 2026-11-24 $300 ZELLE UNKNOWN: UNMATCHED because\n');
    expect(email.text).not.toContain('ZELLE DORIS');
    expect(email.text).toContain('attached reconciliation-2026-11-23.csv');
  });

  it('lists ten credits needing a look and counts the rest', () => {
    const lines = Array.from({ length: 12 }, (_, i) => line('UNMATCHED', 100 * (i + 1), `CREDIT ${i + 1}`));
    const text = reconciliationEmail({ weekStart: '2026-11-23', weekEnd: '2026-11-29', creditCents: 7_800, matchedCents: 0, unmatchedCents: 7_800, lines }, 'Hibachi').text;
    expect(text).toContain('CREDIT 10:');
    expect(text).not.toContain('CREDIT 11:');
    expect(text).toContain('- and 2 more (see the attached CSV)');
  });
});

describe('the weekly schedule and its week', () => {
  it('reports the last whole week, Monday to Sunday, in the business zone', () => {
    // Monday 08:00 in New York is 13:00 UTC: the week before is reported.
    expect(lastCompleteWeek(new Date('2026-11-30T13:00:00Z'), 'America/New_York')).toBe('2026-11-23');
    // Late Sunday evening in New York is already Monday in UTC: still the week before that.
    expect(lastCompleteWeek(new Date('2026-11-30T03:00:00Z'), 'America/New_York')).toBe('2026-11-16');
    const range = weekRange('2026-11-23', 'America/New_York');
    expect(range.from.toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(range.to.toISOString()).toBe('2026-11-30T05:00:00.000Z');
  });

  it('turns the configured day and time into a cron line, Sunday as 0', () => {
    expect(weeklyCron({ weekday: 1, time: '08:00' })).toBe('0 8 * * 1');
    expect(weeklyCron({ weekday: 7, time: '18:45' })).toBe('45 18 * * 0');
  });

  it('gives one key one Message-ID, on the sender’s domain', () => {
    const id = messageIdFor('weekly-summary:2026-11-23', 'Hibachi <reports@hibachi.example>');
    expect(id).toMatch(/^<[0-9a-f]{32}@hibachi\.example>$/);
    expect(messageIdFor('weekly-summary:2026-11-23', 'reports@hibachi.example')).toBe(id);
    expect(messageIdFor('weekly-summary:2026-11-30', 'reports@hibachi.example')).not.toBe(id);
  });
});
