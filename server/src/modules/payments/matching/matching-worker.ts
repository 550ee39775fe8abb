import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MatchWorkerReply, MatchWorkerRequest } from './match-worker';
import type { BookingToMatch, CreditToMatch, MatchSuggestion } from './matcher';

/** The worker's entry, compiled beside this file. */
export const MATCH_WORKER_FILE = path.join(__dirname, 'match-worker.js');
/** Suggestions posted back per message: small enough that taking one in stays well under a millisecond or two. */
const RESULT_BATCH = 250;
/**
 * Credits sent per message (about 25 ms of the worker's time): copying one chunk is a fraction
 * of a millisecond here, where copying 10,000 at once would hold this thread for several.
 */
const CREDIT_CHUNK = 500;
/** Chunks sent ahead of the worker: it always has the next one, and a cancelled run stops within two. */
const CHUNKS_IN_FLIGHT = 2;

export interface WorkerMatchOptions {
  /** Bookings a person rejected, per credit id. */
  excludedBookingIds?: ReadonlyMap<string, ReadonlySet<string>>;
  maxSuggestions?: number;
  /** Stops the run (the promise rejects with the signal's reason); the worker drops it. */
  signal?: AbortSignal;
}

/** One run's progress, as the worker's replies come in. */
class RunState {
  readonly results = new Map<string, MatchSuggestion[]>();
  chunksInFlight = 0;
  done = false;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;

  fail(error: unknown): void {
    this.failure ??= { error };
    this.notify();
  }

  notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Resolves at the next reply (or failure), then throws when the run failed. */
  async changed(): Promise<void> {
    this.throwIfFailed();
    await new Promise<void>((resolve) => (this.wake = resolve));
    this.throwIfFailed();
  }
}

/**
 * A matching thread that lives as long as its owner (the server): started on the first run (or
 * by start()), then reused for every run, so only the first pays for starting a thread and
 * loading the matcher, and later runs find its code already compiled. Between runs it does not
 * keep the process alive (unref); close() ends it.
 *
 * A run sends the bookings once, then the credits in chunks of 500 (at most two ahead of the
 * worker), and takes the suggestions back in batches of 250: no single copy or message holds
 * this thread's event loop for long. Runs may overlap; the worker does them in turn.
 */
export class MatchingWorker {
  private worker: Worker | null = null;
  private online: Promise<void> | null = null;
  private readonly runs = new Map<number, RunState>();
  private nextRun = 1;
  private closed = false;

  constructor(private readonly file = MATCH_WORKER_FILE) {}

  /** Whether the compiled worker is there (not when running from the TypeScript sources). */
  get available(): boolean {
    return existsSync(this.file);
  }

  /** Starts the thread now instead of at the first run; resolves once it runs. */
  async start(): Promise<void> {
    this.thread();
    await this.online;
  }

  async match(credits: readonly CreditToMatch[], bookings: readonly BookingToMatch[], options: WorkerMatchOptions = {}): Promise<Map<string, MatchSuggestion[]>> {
    options.signal?.throwIfAborted();
    const worker = this.thread();
    const run = this.nextRun++;
    const state = new RunState();
    this.runs.set(run, state);
    const onAbort = () => state.fail(options.signal!.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    // Held while a run is in progress, so a caller awaiting it is not left with a process that exits.
    worker.ref();
    const post = (request: MatchWorkerRequest) => worker.postMessage(request);
    try {
      post({ kind: 'start', run, bookings: bookings as BookingToMatch[], maxSuggestions: options.maxSuggestions, batch: RESULT_BATCH });
      for (let from = 0; from < credits.length; from += CREDIT_CHUNK) {
        while (state.chunksInFlight >= CHUNKS_IN_FLIGHT) await state.changed();
        state.throwIfFailed();
        const chunk = credits.slice(from, from + CREDIT_CHUNK).map((credit): [CreditToMatch, string[] | null] => {
          const excluded = options.excludedBookingIds?.get(credit.id);
          return [credit, excluded && excluded.size > 0 ? [...excluded] : null];
        });
        post({ kind: 'credits', run, credits: chunk });
        state.chunksInFlight++;
      }
      post({ kind: 'end', run });
      while (!state.done) await state.changed();
      return state.results;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      this.runs.delete(run);
      if (this.worker === worker) {
        if (!state.done) post({ kind: 'cancel', run });
        if (this.runs.size === 0) worker.unref();
      }
    }
  }

  /** Ends the thread; runs in progress reject. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    this.lost(worker, new Error('The matching worker was closed'));
    await worker.terminate();
  }

  private thread(): Worker {
    if (this.closed) throw new Error('The matching worker was closed');
    if (this.worker) return this.worker;
    if (!this.available) throw new Error(`The matching worker is not built (${this.file}); run the server build, or match in slices`);
    const worker = new Worker(this.file);
    worker.unref();
    this.online = new Promise((resolve) => worker.once('online', resolve));
    worker.on('message', (reply: MatchWorkerReply) => this.onReply(reply));
    worker.once('error', (error) => this.lost(worker, error));
    worker.once('exit', (code) => this.lost(worker, new Error(`The matching worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private onReply(reply: MatchWorkerReply): void {
    const state = this.runs.get(reply.run);
    if (!state) return;
    if (reply.kind === 'results') {
      for (const [creditId, suggestions] of reply.results) state.results.set(creditId, suggestions);
      if (reply.chunkDone) state.chunksInFlight--;
      state.notify();
    } else if (reply.kind === 'done') {
      state.done = true;
      state.notify();
    } else {
      state.fail(new Error(`Matching failed in the worker: ${reply.message}`));
    }
  }

  /** The thread ended or failed: its runs reject, and the next run starts a new one. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.online = null;
    for (const state of this.runs.values()) state.fail(error);
  }
}
