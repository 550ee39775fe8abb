import { existsSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { MatchWorkerData } from './match-worker';
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
  /**
   * Where the matching runs: 'slices' (the default: this thread, in stretches of at most
   * `sliceMs`) or 'worker' (a new worker thread running the compiled match-worker.js beside
   * this file, so only from server/dist).
   */
  thread?: 'worker' | 'slices';
  /** With 'slices': how long one stretch may hold the event loop before letting it turn (default 8 ms). */
  sliceMs?: number;
  /** Stops the run (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** The worker's entry, compiled beside this file. */
export const MATCH_WORKER_FILE = path.join(__dirname, 'match-worker.js');
/** Results posted back per message: small enough that taking one in stays well under a millisecond or two. */
const WORKER_BATCH = 250;

/**
 * Matches many credits (a sync's page, a whole statement, "match again" on demand) without
 * holding the event loop.
 *
 * By default in slices on the calling thread: with candidate blocking the matching is CPU work
 * of roughly 0.4-0.5 s for 10,000 credits against 2,000 bookings; it runs in stretches of at most
 * `sliceMs` (8 ms), and the loop turns between them (setImmediate, so pending I/O - HTTP
 * requests, subscriptions - is served first). No thread to start, no copies, the same answers,
 * and it runs from the TypeScript sources as from the build.
 *
 * thread: 'worker' runs it in a new worker thread instead. Measured with the bench
 * (pnpm bench:matcher), it keeps this thread's loop delay lower on a machine whose cores are
 * oversubscribed (a busy thread is preempted for tens of milliseconds at a time, a waiting one is
 * woken promptly), but a fresh worker starts cold: no compiled code, the bookings and credits
 * copied in, several times the CPU of the slices for one run. Suggestions come back in batches
 * of 250, so taking them in is never one long task here.
 */
export async function matchCredits(credits: readonly CreditToMatch[], bookings: readonly BookingToMatch[], options: MatchCreditsOptions = {}): Promise<Map<string, MatchSuggestion[]>> {
  options.signal?.throwIfAborted();
  if (options.thread !== 'worker') return matchInSlices(credits, bookings, options);
  if (!existsSync(MATCH_WORKER_FILE)) throw new Error(`The matching worker is not built (${MATCH_WORKER_FILE}); run the server build, or use thread: 'slices'`);
  return matchInWorker(credits, bookings, options);
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

function matchInWorker(credits: readonly CreditToMatch[], bookings: readonly BookingToMatch[], options: MatchCreditsOptions): Promise<Map<string, MatchSuggestion[]>> {
  const data: MatchWorkerData = {
    credits: credits as CreditToMatch[],
    bookings: bookings as BookingToMatch[],
    excluded: [...(options.excludedBookingIds ?? new Map<string, ReadonlySet<string>>())].map(([creditId, ids]) => [creditId, [...ids]]),
    maxSuggestions: options.maxSuggestions,
    batch: WORKER_BATCH,
  };
  return new Promise((resolve, reject) => {
    const results = new Map<string, MatchSuggestion[]>();
    let settled = false;
    const worker = new Worker(MATCH_WORKER_FILE, { workerData: data });
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve(results);
      else reject(error instanceof Error ? error : new Error(String(error)));
      void worker.terminate();
    };
    const onAbort = () => finish(options.signal!.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (batch: Array<[string, MatchSuggestion[]]> | null) => {
      if (batch === null) return finish();
      for (const [creditId, suggestions] of batch) results.set(creditId, suggestions);
    });
    worker.once('error', (error) => finish(error));
    worker.once('exit', (code) => finish(new Error(`The matching worker stopped (exit code ${code}) before it finished`)));
  });
}
