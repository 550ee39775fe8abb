import { parentPort, workerData } from 'node:worker_threads';
import { createBookingIndex, matchCredit, type BookingToMatch, type CreditToMatch, type MatchSuggestion } from './matcher';

/**
 * The worker thread matchCredits starts (compiled beside index.js as match-worker.js): matches
 * every credit and posts the results back in batches, so that taking them in is never one long
 * task on the caller's thread either. The last message is null.
 */
export interface MatchWorkerData {
  credits: CreditToMatch[];
  bookings: BookingToMatch[];
  excluded: Array<[string, string[]]>;
  maxSuggestions?: number;
  batch: number;
}

const data = workerData as MatchWorkerData;
const index = createBookingIndex(data.bookings);
const excluded = new Map(data.excluded.map(([creditId, bookingIds]) => [creditId, new Set(bookingIds)]));
let batch: Array<[string, MatchSuggestion[]]> = [];
for (const credit of data.credits) {
  batch.push([credit.id, matchCredit(credit, index, { excludedBookingIds: excluded.get(credit.id), maxSuggestions: data.maxSuggestions })]);
  if (batch.length >= data.batch) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
parentPort!.postMessage(null);
