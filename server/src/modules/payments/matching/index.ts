import { setImmediate as nextTurn } from 'node:timers/promises';
import { createBookingIndex, matchCredit, type BookingToMatch, type CreditToMatch, type MatchSuggestion } from './matcher';
import { MatchingWorker } from './matching-worker';

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
export { MATCH_WORKER_FILE, MatchingWorker, type WorkerMatchOptions } from './matching-worker';

export interface MatchCreditsOptions {
  /** Bookings a person rejected, per credit id. */
  excludedBookingIds?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Default 3. */
  maxSuggestions?: number;
  /**
   * Where the matching runs:
   * - 'slices' (the default): this thread, in stretches of at most `sliceMs`;
   * - 'worker': `worker` (a MatchingWorker the caller keeps), or without one a thread started
   *   for this run alone and ended after it (cold: the bench's comparison);
   * - 'auto': `worker` from WORKER_MIN_CREDITS credits on, the slices below that (and when the
   *   worker is not built, as when running from the TypeScript sources).
   */
  thread?: 'worker' | 'slices' | 'auto';
  /** The long-lived matching thread for 'worker' and 'auto'. */
  worker?: MatchingWorker;
  /** With 'slices': how long one stretch may hold the event loop before letting it turn (default 8 ms). */
  sliceMs?: number;
  /** Stops the run (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

/**
 * From this many credits 'auto' matches in the worker. Below it the slices cost less on this
 * thread than the hand-over: 200 credits are about 10 ms of matching (two 8 ms stretches, the
 * loop turning between them), while sending them to the worker means copying every booking of
 * the window to it (a few ms for 2,000) plus a round trip. A single new credit from a bank sync
 * is far below it; a statement, a backlog or "match again" on all unmatched credits is above.
 */
export const WORKER_MIN_CREDITS = 200;

/**
 * Matches many credits (a sync's page, a whole statement, "match again" on demand) without
 * holding the event loop.
 *
 * In slices on the calling thread: with candidate blocking the matching is CPU work of roughly
 * 0.4-0.5 s for 10,000 credits against 2,000 bookings; it runs in stretches of at most `sliceMs`
 * (8 ms), and the loop turns between them (setImmediate, so pending I/O - HTTP requests,
 * subscriptions - is served first). No thread, no copies, the same answers, and it runs from
 * the TypeScript sources as from the build. But on a machine whose cores are busy a thread
 * doing 8 ms stretches is preempted for tens of milliseconds at a time, which shows as a loop
 * delay p99 far above 20 ms (measured with pnpm bench:matcher).
 *
 * In a worker thread this thread only copies chunks and takes the suggestions in, so its loop
 * stays free while the worker's core does the matching. A thread started per run starts cold
 * (thread start-up, the matcher loaded and compiled again: over a second for 10,000 credits
 * under load); the server keeps one MatchingWorker for its whole life instead, warm after its
 * first run (see matching-worker.ts).
 */
export async function matchCredits(credits: readonly CreditToMatch[], bookings: readonly BookingToMatch[], options: MatchCreditsOptions = {}): Promise<Map<string, MatchSuggestion[]>> {
  options.signal?.throwIfAborted();
  const thread = options.thread ?? 'slices';
  if (thread === 'slices') return matchInSlices(credits, bookings, options);
  if (thread === 'auto') {
    if (!options.worker || credits.length < WORKER_MIN_CREDITS || !options.worker.available) return matchInSlices(credits, bookings, options);
    return options.worker.match(credits, bookings, options);
  }
  if (options.worker) return options.worker.match(credits, bookings, options);
  const once = new MatchingWorker();
  try {
    return await once.match(credits, bookings, options);
  } finally {
    await once.close();
  }
}

async function matchInSlices(credits: readonly CreditToMatch[], bookings: readonly BookingToMatch[], options: MatchCreditsOptions): Promise<Map<string, MatchSuggestion[]>> {
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
