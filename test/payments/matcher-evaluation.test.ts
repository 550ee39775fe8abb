import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookingReference } from '../../server/src/modules/bookings/booking-reference';
import { evaluateSplit, formatReport, type LabeledSet } from './evaluate';

/**
 * The payment matcher on the generated, labeled bank credits (`pnpm eval:matcher` runs just this
 * file and prints the figures of both splits). Only the tuning split's misses are printed: the
 * blind split was generated with its own seed and customers, committed before the matcher was
 * written, and never read for misses.
 */
const set = JSON.parse(fs.readFileSync(path.join(__dirname, 'labeled-credits.json'), 'utf8')) as LabeledSet;

/** The targets: a wrong automatic payment is worse than a missed one. */
const AUTO_PRECISION_TARGET = 0.995;
const RECALL_TARGET = 0.95;

describe('the labeled credits', () => {
  it('hold at least 2,000 credits against 500 bookings, the blind split about a third, with every hard case in both splits', () => {
    const credits = set.tuning.credits.length + set.blind.credits.length;
    expect(credits).toBeGreaterThanOrEqual(2000);
    expect(set.tuning.bookings.length + set.blind.bookings.length).toBeGreaterThanOrEqual(500);
    expect(set.blind.credits.length / credits).toBeGreaterThan(0.25);
    const cases = ['relative', 'nickname', 'initial', 'cut-short', 'tip', 'split-balance', 'week-late', 'cancelled-booking', 'refund-or-debit', 'stripe-payout', 'interest', 'own-transfer', 'reference-in-memo', 'phone-in-memo', 'venmo-handle'];
    for (const split of [set.tuning, set.blind]) {
      const seen = new Set(split.credits.flatMap((credit) => credit.case.split('+')));
      for (const name of cases) expect(seen.has(name), name).toBe(true);
      for (const booking of split.bookings) expect(booking.reference).toBe(bookingReference(booking.id));
    }
  });

  it('share no customer between the splits', () => {
    const tuning = new Set(set.tuning.bookings.map((booking) => booking.customerName));
    expect(set.blind.bookings.filter((booking) => tuning.has(booking.customerName))).toEqual([]);
  });
});

describe('the payment matcher on the tuning split', () => {
  it(`applies automatically with precision >= ${AUTO_PRECISION_TARGET} and suggests the right booking for >= ${RECALL_TARGET} of credits`, async () => {
    const report = await evaluateSplit('tuning', set.tuning);
    console.log(formatReport(report, { listMisses: process.env.LIST_MISSES === '1' }));
    expect(report.autoPrecision).toBeGreaterThanOrEqual(AUTO_PRECISION_TARGET);
    expect(report.recall).toBeGreaterThanOrEqual(RECALL_TARGET);
  });
});
