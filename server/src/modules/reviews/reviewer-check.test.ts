import { describe, expect, it } from 'vitest';
import { checkReviewer, type EventCandidate } from './reviewer-check';

const reviewedAt = new Date('2026-03-20T15:00:00Z');

function event(overrides: Partial<EventCandidate>): EventCandidate {
  return { customerId: 'c1', customerName: 'Jane Smith', phones: ['+19165550100'], emails: ['jane@example.test'], bookingId: 'b1', eventDate: '2026-03-14', ...overrides };
}

describe('checkReviewer', () => {
  it('matches the same name, and says how and how surely', () => {
    const evidence = checkReviewer({ name: 'Jane Smith', phone: null, email: null, reviewedAt }, [event({})], 60);
    expect(evidence).toMatchObject({ customerId: 'c1', bookingId: 'b1', eventDate: '2026-03-14', matchedOn: ['NAME_EXACT'], eventsChecked: 1, windowDays: 60 });
    expect(evidence.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('matches a nickname as the payments matcher does', () => {
    expect(checkReviewer({ name: 'Bob Jones', phone: null, email: null, reviewedAt }, [event({ customerName: 'Robert Jones' })], 60).customerId).toBe('c1');
  });

  it('matches by phone or email when the name is only a first name', () => {
    const byPhone = checkReviewer({ name: 'J', phone: '(916) 555-0100', email: null, reviewedAt }, [event({})], 60);
    expect(byPhone).toMatchObject({ customerId: 'c1', matchedOn: ['PHONE'] });
    const byEmail = checkReviewer({ name: 'Someone', phone: null, email: 'JANE@example.test', reviewedAt }, [event({})], 60);
    expect(byEmail).toMatchObject({ customerId: 'c1', matchedOn: ['EMAIL'] });
  });

  it('does not take a surname alone, or a stranger, for a customer', () => {
    expect(checkReviewer({ name: 'Mark Smith', phone: null, email: null, reviewedAt }, [event({})], 60).customerId).toBeNull();
    const none = checkReviewer({ name: 'Zed Nobody', phone: '+15550009999', email: null, reviewedAt }, [event({})], 60);
    expect(none).toMatchObject({ customerId: null, bookingId: null, confidence: 0, matchedOn: [], eventsChecked: 1 });
  });

  it('picks the event closest to the review when a customer had several', () => {
    const evidence = checkReviewer({ name: 'Jane Smith', phone: null, email: null, reviewedAt }, [event({ bookingId: 'old', eventDate: '2026-02-01' }), event({ bookingId: 'recent', eventDate: '2026-03-18' })], 60);
    expect(evidence.bookingId).toBe('recent');
  });
});
