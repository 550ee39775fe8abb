import { describe, expect, it } from 'vitest';
import { bookingReference } from '../../bookings/booking-reference';
import { createBookingIndex, matchCredits, matchCredit, type BookingToMatch, type CreditToMatch } from '.';

const booking = (id: string, fields: Partial<BookingToMatch>): BookingToMatch => ({
  id,
  reference: bookingReference(id),
  customerName: 'John Smith',
  customerPhone: '+19165550134',
  eventDate: '2026-06-13',
  status: 'CONFIRMED',
  depositCents: 10000,
  totalCents: 64000,
  paidCents: 10000,
  ...fields,
});

const JOHN = booking('1a2b3c4d-0000-4000-8000-000000000001', { customerName: 'John Smith', status: 'COMPLETED' });
const WILLIAM = booking('2b3c4d5e-0000-4000-8000-000000000002', { customerName: 'William Jones', eventDate: '2026-06-20', totalCents: 88000, paidCents: 0, customerPhone: '+15305550199' });
const MARIA = booking('3c4d5e6f-0000-4000-8000-000000000003', { customerName: 'Maria Lopez', eventDate: '2026-07-04', totalCents: 120000, paidCents: 10000, customerPhone: null });
const CANCELLED = booking('4d5e6f70-0000-4000-8000-000000000004', { customerName: 'Priya Patel', eventDate: '2026-07-11', status: 'CANCELLED', paidCents: 0, customerPhone: null });
const index = createBookingIndex([JOHN, WILLIAM, MARIA, CANCELLED]);

let next = 0;
const credit = (description: string, amountCents: number, postedOn: string, counterpartyName: string | null = null): CreditToMatch => ({ id: `c${++next}`, amountCents, postedOn, description, counterpartyName });
const best = (c: CreditToMatch) => matchCredit(c, index)[0];

describe('matching a credit to a booking', () => {
  it.each([
    // [description, dollars, posted on, booking, type, applied automatically]
    ['Zelle payment from JOHN A SMITH Conf# 8xk2', 540, '2026-06-14', JOHN, 'BALANCE', true],
    ['ZELLE FROM JOHN SMITH ON 06/13 REF # BAC0X8K2QW', 540, '2026-06-13', JOHN, 'BALANCE', true],
    ['Zelle payment from JOHN SMITH Conf# 8xk2', 640, '2026-06-15', JOHN, 'BALANCE_WITH_TIP', true],
    ['Zelle payment from JOHN SMITH Conf# 8xk2', 600, '2026-06-15', JOHN, 'BALANCE_WITH_TIP', true],
    ['CASH APP*J SMITH', 540, '2026-06-14', JOHN, 'BALANCE', false],
    ['Zelle payment from JOHN SMITH Conf# 8xk2', 540, '2026-06-22', JOHN, 'BALANCE', false],
    ['Zelle payment from JOHN SMITH Conf# 8xk2', 300, '2026-06-14', JOHN, 'BALANCE', false],
    ['Zelle payment from MARY SMITH Conf# 8xk2', 540, '2026-06-14', JOHN, 'BALANCE', false],
    ['VENMO *BILL-JONES', 100, '2026-05-02', WILLIAM, 'DEPOSIT', false],
    ['Zelle payment from BILL JONES Conf# 1x', 880, '2026-05-02', WILLIAM, 'FULL', true],
    ['ZELLE FROM WILLIAM JONES ON 06/21 REF # 1', 780, '2026-06-21', WILLIAM, 'BALANCE', true],
    ['Zelle Transfer Conf# 4K2J9QWE1; LOPEZ, MARIA', 1100, '2026-07-05', MARIA, 'BALANCE', true],
    ['Zelle payment from ANA GARCIA HB-3C4D5E Conf# 1', 1100, '2026-07-05', MARIA, 'BALANCE', true],
    ['Zelle payment from ANA GARCIA (530) 555-0199', 780, '2026-06-21', WILLIAM, 'BALANCE', true],
    ['MOBILE DEPOSIT REF 123456', 1100, '2026-07-05', MARIA, 'BALANCE', false],
  ] as const)('%s $%d on %s: %s', (description, dollars, postedOn, expected, type, automatic) => {
    const suggestion = best(credit(description, dollars * 100, postedOn));
    expect(suggestion).toMatchObject({ bookingId: expected.id, type });
    expect(suggestion.confidence >= 0.9).toBe(automatic);
  });

  it('explains itself in words a bookkeeper reads', () => {
    expect(best(credit('Zelle payment from JOHN A SMITH Conf# 8xk2', 54000, '2026-06-14')).reason).toBe('Name JOHN A SMITH ~ John Smith (1.00), amount = balance $540.00, 1 day after the event');
    expect(best(credit('Zelle payment from JOHN SMITH Conf# 8xk2', 64000, '2026-06-15')).reason).toBe('Name JOHN SMITH ~ John Smith (1.00), amount = balance $540.00 + tip $100.00 (19%), 2 days after the event');
    expect(best(credit('VENMO *BILL-JONES', 10000, '2026-05-02')).reason).toBe('Name BILL-JONES ~ William Jones (0.96) (nickname), amount = deposit $100.00, 49 days before the event');
  });

  it('suggests a cancelled booking for review only, and says it is cancelled', () => {
    const suggestion = best(credit('Zelle payment from PRIYA PATEL Conf# 8xk2', 10000, '2026-06-01'));
    expect(suggestion).toMatchObject({ bookingId: CANCELLED.id, type: 'DEPOSIT' });
    expect(suggestion.confidence).toBeLessThanOrEqual(0.5);
    expect(suggestion.reason).toContain('cancelled');
  });

  it('never applies when another booking of the same customer fits too', () => {
    const twice = createBookingIndex([JOHN, booking('5e6f7081-0000-4000-8000-000000000005', { customerName: 'John Smith', eventDate: '2026-06-30', paidCents: 0 })]);
    const [first, second] = matchCredit(credit('Zelle payment from JOHN SMITH Conf# 8xk2', 10000, '2026-06-10'), twice);
    expect(first.confidence).toBeLessThan(0.9);
    expect(second).toBeDefined();
    expect(first.reason).toContain('another booking also fits');
  });

  it('never applies when a customer with a similar name fits as well', () => {
    const similar = createBookingIndex([JOHN, booking('5e6f7081-0000-4000-8000-000000000006', { customerName: 'Jon Smyth', eventDate: '2026-06-12' })]);
    expect(matchCredit(credit('Zelle payment from JON SMITH Conf# 8xk2', 54000, '2026-06-13'), similar)[0].confidence).toBeLessThan(0.9);
  });

  it('leaves payouts, interest, own transfers, refunds and debits unmatched', () => {
    for (const description of ['STRIPE TRANSFER ST-A1B2C3D4E5F6', 'INTEREST PAYMENT', 'TRANSFER FROM SAVINGS XXXXXX4821', 'VENMO CASHOUT', 'RESTAURANT DEPOT REFUND']) {
      expect(matchCredit(credit(description, 54000, '2026-06-14'), index)).toEqual([]);
    }
    expect(matchCredit(credit('ZELLE TO JOHN SMITH', -54000, '2026-06-14'), index)).toEqual([]);
    expect(matchCredit(credit('Zelle payment from JANE DOE Conf# 8xk2', 10000, '2026-06-14'), index)).toEqual([]);
  });

  it('leaves out the bookings a person rejected for the credit, and returns at most as many as asked', () => {
    const c = credit('Zelle payment from JOHN SMITH Conf# 8xk2', 54000, '2026-06-14');
    expect(matchCredit(c, index, { excludedBookingIds: new Set([JOHN.id]) }).map((s) => s.bookingId)).not.toContain(JOHN.id);
    expect(matchCredit(c, index, { maxSuggestions: 1 })).toHaveLength(1);
  });

  it('gives confidences between 0 and 1 with two decimals', () => {
    for (const s of matchCredit(credit('CASH APP*J SMITH', 30000, '2026-06-14'), index)) {
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(Math.round(s.confidence * 100) / 100).toBe(s.confidence);
    }
  });
});

describe('matching many credits', () => {
  it('gives the same answers as one by one, and lets the event loop turn while it runs', async () => {
    const credits = Array.from({ length: 400 }, (_, i) => credit(i % 2 ? 'Zelle payment from JOHN SMITH Conf# 8xk2' : 'CASH APP*MARIA LOPEZ', i % 2 ? 54000 : 110000, '2026-06-14'));
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    const results = await matchCredits(credits, [JOHN, WILLIAM, MARIA, CANCELLED], { sliceMs: 0 });
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
    for (const c of credits) expect(results.get(c.id)).toEqual(matchCredit(c, index));
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    const credits = Array.from({ length: 50 }, () => credit('CASH APP*MARIA LOPEZ', 110000, '2026-07-05'));
    await expect(matchCredits(credits, [MARIA], { sliceMs: 0, signal: controller.signal })).rejects.toThrow('stopped');
  });
});
