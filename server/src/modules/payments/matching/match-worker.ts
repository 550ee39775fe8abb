import { parentPort } from 'node:worker_threads';
import { createBookingIndex, matchCredit, type BookingIndex, type BookingToMatch, type CreditToMatch, type MatchSuggestion } from './matcher';

/**
 * The matching thread (compiled beside index.js as match-worker.js). It lives as long as the
 * MatchingWorker that started it and runs one match after another, so its code stays loaded
 * and compiled between runs. Per run it is sent the bookings once ('start'), then the credits
 * in chunks ('credits'), then 'end'; it answers each chunk with its suggestions in batches, and
 * 'end' with 'done'. A 'cancel' drops the run: chunks sent for it after that are skipped.
 */
export type MatchWorkerRequest =
  | { kind: 'start'; run: number; bookings: BookingToMatch[]; maxSuggestions?: number; batch: number }
  /** Each credit with the bookings a person rejected for it. */
  | { kind: 'credits'; run: number; credits: Array<[CreditToMatch, string[] | null]> }
  | { kind: 'end'; run: number }
  | { kind: 'cancel'; run: number };

export type MatchWorkerReply =
  /** `chunkDone` on the last batch of a chunk: the sender's cue to send another. */
  | { kind: 'results'; run: number; results: Array<[string, MatchSuggestion[]]>; chunkDone: boolean }
  | { kind: 'done'; run: number }
  | { kind: 'failed'; run: number; message: string };

interface Run {
  index: BookingIndex;
  maxSuggestions?: number;
  batch: number;
}

const runs = new Map<number, Run>();
const port = parentPort!;

port.on('message', (request: MatchWorkerRequest) => {
  try {
    handle(request);
  } catch (error) {
    runs.delete(request.run);
    port.postMessage({ kind: 'failed', run: request.run, message: error instanceof Error ? error.message : String(error) } satisfies MatchWorkerReply);
  }
});

function handle(request: MatchWorkerRequest): void {
  switch (request.kind) {
    case 'start':
      runs.set(request.run, { index: createBookingIndex(request.bookings), maxSuggestions: request.maxSuggestions, batch: request.batch });
      return;
    case 'credits': {
      const run = runs.get(request.run);
      if (!run) return;
      let results: Array<[string, MatchSuggestion[]]> = [];
      for (const [credit, excluded] of request.credits) {
        results.push([credit.id, matchCredit(credit, run.index, { excludedBookingIds: excluded ? new Set(excluded) : undefined, maxSuggestions: run.maxSuggestions })]);
        if (results.length >= run.batch) {
          port.postMessage({ kind: 'results', run: request.run, results, chunkDone: false } satisfies MatchWorkerReply);
          results = [];
        }
      }
      port.postMessage({ kind: 'results', run: request.run, results, chunkDone: true } satisfies MatchWorkerReply);
      return;
    }
    case 'end':
      if (runs.delete(request.run)) port.postMessage({ kind: 'done', run: request.run } satisfies MatchWorkerReply);
      return;
    case 'cancel':
      runs.delete(request.run);
      return;
  }
}
