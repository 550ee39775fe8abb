import { setImmediate as nextTurn } from 'node:timers/promises';
import { createBookingIndex, matchCredit, type BookingToMatch, type CreditToMatch, type MatchSuggestion } from './matcher';

/**
 * The payment matcher: which booking a bank credit pays, how (DEPOSIT, FULL, BALANCE,
 * BALANCE_WITH_TIP), how surely (0..1) and why, in words a bookkeeper reads. Pure: no database,
 * no ORM, no SDK. The caller applies a suggestion at or above its threshold (0.90 by default)
 * and queues the rest for review; a cancelled booking is suggested at 0.50 at most.
 */
export { createBookingIndex, matchCredit } from './matcher';
export type { BookingIndex, BookingIndexOptions, BookingToMatch, CreditToMatch, MatchOptions, MatchSuggestion, MatchType } from './matcher';
export { normalisePayerName, readMemo, type PayerName, type PaymentVia } from './payer-name';
export { compareNames, type NameComparison, type NameKind } from './names';

export interface MatchCreditsOptions {
  /** Bookings a person rejected, per credit id. */
  excludedBookingIds?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Default 3. */
  maxSuggestions?: number;
  /** How long one stretch of matching may hold the event loop before letting it turn (default 8 ms). */
  sliceMs?: number;
  /** Stops between slices (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

/**
 * Matches many credits (a sync's page, a whole statement, "match again" on demand) without
 * holding the event loop: credits are matched in slices of at most `sliceMs`, and the loop
 * turns between slices (setImmediate, so pending I/O - HTTP requests, subscriptions - is served
 * first).
 *
 * Slices on the calling thread, not a worker thread: with candidate blocking a credit costs a
 * few microseconds, so 10,000 credits are a fraction of a second of work; a worker would add
 * its start-up, copying every booking in and every suggestion back (the copy back is itself one
 * long task on this thread), and a separate entry file in the build; and on a two-core machine
 * shared with PostgreSQL it would not buy a free core anyway. Slicing bounds the loop delay by
 * `sliceMs` whatever the size of the run.
 */
export async function matchCredits(credits: readonly CreditToMatch[], bookings: readonly BookingToMatch[], options: MatchCreditsOptions = {}): Promise<Map<string, MatchSuggestion[]>> {
  const sliceMs = options.sliceMs ?? 8;
  const results = new Map<string, MatchSuggestion[]>();
  let sliceStart = performance.now();
  const index = createBookingIndex(bookings);
  for (const [i, credit] of credits.entries()) {
    results.set(credit.id, matchCredit(credit, index, { excludedBookingIds: options.excludedBookingIds?.get(credit.id), maxSuggestions: options.maxSuggestions }));
    if (performance.now() - sliceStart >= sliceMs && i < credits.length - 1) {
      await nextTurn();
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
  return results;
}
