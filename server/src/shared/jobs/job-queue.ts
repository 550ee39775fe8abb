import PgBoss from 'pg-boss';
import { statementCount } from '../db/statement-count';
import { entityManagerOf, type Tx } from '../db/unit-of-work';
import type { Logger } from '../logger';

/**
 * Durable background work on PostgreSQL (pg-boss): webhook events to apply, texts to send,
 * subscriptions to renew. A job is enqueued in the same transaction as the change that needs
 * it, so it exists exactly when that change committed; failures are retried with exponential
 * backoff, and a job that keeps failing goes to its queue's dead-letter queue, where
 * `onDeadLetter` records it for people to see. This is the only file that knows pg-boss.
 *
 * Each job runs, completes and fails on its own: the queue fetches jobs into free slots and
 * settles every one as soon as its handler ends (pg-boss's `work` settles a fetched batch
 * together, so one slow job would hold back or fail the others). An attempt that runs past
 * its time is told to stop through its AbortSignal and failed back to the queue at once.
 */
export interface JobDefinition<T extends object> {
  name: string;
  /** Retries after the first attempt. */
  retryLimit: number;
  /** First retry after about this long, doubling (with jitter) each time. */
  retryDelaySeconds: number;
  /**
   * The longest one attempt may run: then its signal is aborted and the job is failed (and
   * retried). A handler can outlive its attempt if it ignores the signal, so handlers must be
   * idempotent and must never let a late result overwrite a newer attempt's.
   */
  expireInSeconds: number;
  /** Jobs of this queue run side by side on one instance. */
  concurrency: number;
  /** `signal` aborts when the attempt runs out of time or the server shuts down: pass it to every slow call. */
  handle(data: T, signal: AbortSignal): Promise<void>;
  /** Called once the retries are used up, with the last error's message. */
  onDeadLetter?(data: T, lastError: string): Promise<void>;
  /**
   * A recurring job: it runs again this many seconds after each run, on one instance at a time
   * across all of them (a queue that holds at most one waiting and one running job). A minute
   * schedule restarts the chain if an instance died in the middle of a run.
   */
  everySeconds?: number;
}

const deadLetterName = (name: string) => `${name}.dead`;

/** Told of every attempt: its queue, outcome, duration and SQL statements (for /metrics). */
export type JobObserver = (attempt: { queue: string; outcome: 'success' | 'error'; seconds: number; statements: number }) => void;

/**
 * pg-boss's own expiry is only the backstop for an instance that died mid-job (killed, or
 * told twice to stop): a little after ours, so it never fails an attempt this instance is
 * still settling. Its maintenance looks for expired jobs this often (pg-boss's default is
 * 2 minutes), so a dead instance's jobs are retried within about a minute of their time.
 */
const EXPIRY_BACKSTOP_SECONDS = 10;
const MAINTENANCE_INTERVAL_SECONDS = 30;

/** How long a freed slot waits for others during a backlog, to fetch several jobs in one query. */
const BATCH_WINDOW_MS = 20;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Successes within this window are recorded together. */
const COMPLETE_WINDOW_MS = 5;

/** After aborting attempts at the shutdown deadline, how long their handlers get to unwind. */
const UNWIND_MS = 1000;

/** pg-boss's executor over a TypeORM transaction, so an enqueue commits or rolls back with it. */
function transactionExecutor(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const runner = entityManagerOf(tx).queryRunner;
      if (!runner) throw new Error('enqueue needs a transaction: pass the Tx of UnitOfWork.run()');
      const result = await runner.query(text, values, true);
      return { rows: (result.records ?? []) as unknown[] };
    },
  };
}

function errorMessage(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output && typeof output.message === 'string') return output.message;
  return 'failed';
}

/** A wait that `wake()` (or stopping) cuts short. */
class Wakeable {
  private wakeUp: (() => void) | null = null;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  wake(): void {
    this.wakeUp?.();
  }
}

/** One fetched job being worked: settled once, by its handler's end, its time running out, or shutdown. */
interface Attempt {
  id: string;
  controller: AbortController;
  settled: boolean;
  /** Resolves when the handler has returned (it may outlive the attempt's settlement). */
  finished: Promise<void>;
}

/** Fetches one queue's jobs into free slots and runs each on its own. */
class QueueWorker<T extends object> {
  private stopping = false;
  private readonly running = new Map<string, Attempt>();
  private readonly completing: string[] = [];
  private readonly flushing = new Set<Promise<void>>();
  private readonly idle = new Wakeable();
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly boss: PgBoss,
    private readonly logger: Logger,
    private readonly name: string,
    private readonly options: { concurrency: number; pollingIntervalSeconds: number; timeLimitSeconds: number },
    private readonly handle: (job: PgBoss.JobWithMetadata<T>, signal: AbortSignal) => Promise<void>,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollingIntervalSeconds * 1000;
    const { concurrency } = this.options;
    // While a backlog drains, a freed slot waits a moment for others to free too, so one query
    // brings several jobs rather than one query per job. With the queue idle, it fetches at once.
    let backlog = false;
    while (!this.stopping) {
      if (this.running.size >= concurrency) {
        await this.idle.wait(pollMs); // woken as soon as a slot frees
        continue;
      }
      if (backlog && concurrency - this.running.size < Math.ceil(concurrency / 2)) await delay(BATCH_WINDOW_MS);
      const free = concurrency - this.running.size;
      let jobs: Array<PgBoss.JobWithMetadata<T>> = [];
      try {
        jobs = await this.boss.fetch<T>(this.name, { batchSize: free, includeMetadata: true });
      } catch (error) {
        this.logger.warn({ queue: this.name, err: (error as Error).message }, 'job queue fetch failed');
      }
      // Fetched jobs are active now: run them even when stopping began meanwhile (the drain covers them).
      for (const job of jobs) this.begin(job);
      backlog = jobs.length === free;
      // Fewer than asked for: the queue is empty for now, wait out the interval.
      if (!backlog && !this.stopping) await this.idle.wait(pollMs);
    }
  }

  private begin(job: PgBoss.JobWithMetadata<T>): void {
    const controller = new AbortController();
    const attempt: Attempt = { id: job.id, controller, settled: false, finished: Promise.resolve() };
    this.running.set(job.id, attempt);
    const timer = setTimeout(
      () => void this.settle(job, attempt, new Error(`the attempt took longer than ${this.options.timeLimitSeconds} s`)),
      this.options.timeLimitSeconds * 1000,
    );
    attempt.finished = (async () => {
      try {
        await this.handle(job, controller.signal);
        await this.settle(job, attempt, null);
      } catch (error) {
        await this.settle(job, attempt, error as Error);
      } finally {
        clearTimeout(timer);
        this.running.delete(job.id);
        this.idle.wake();
      }
    })();
  }

  /** Completes or fails the job, once; a failure also aborts the attempt's signal. */
  private async settle(job: PgBoss.JobWithMetadata<T>, attempt: Attempt, error: Error | null): Promise<void> {
    if (attempt.settled) return;
    attempt.settled = true;
    try {
      if (error === null) {
        this.completeSoon(job.id);
        return;
      }
      attempt.controller.abort(error);
      this.logger.warn({ job: this.name, attempt: job.retryCount + 1, err: error.message }, 'job failed');
      await this.boss.fail(this.name, job.id, { message: error.message.slice(0, 2000) });
    } catch (settleError) {
      // The database is unreachable: pg-boss's expiry puts the job back on the queue later.
      this.logger.warn({ job: this.name, err: (settleError as Error).message }, 'could not record a job outcome');
    }
  }

  /**
   * Records a success a moment later, with the others that finish meanwhile: one statement for
   * several jobs. The slot is free at once; if the instance dies first, the job runs again
   * (handlers are idempotent).
   */
  private completeSoon(id: string): void {
    this.completing.push(id);
    if (this.completing.length > 1) return; // a window is already open and takes this one too
    const flush: Promise<void> = delay(COMPLETE_WINDOW_MS)
      .then(async () => {
        const ids = this.completing.splice(0);
        await this.boss.complete(this.name, ids).catch((error: Error) =>
          // The database is unreachable: pg-boss's expiry puts the jobs back on the queue later.
          this.logger.warn({ job: this.name, jobs: ids.length, err: error.message }, 'could not record job outcomes'),
        );
      })
      .finally(() => this.flushing.delete(flush));
    this.flushing.add(flush);
  }

  /** Resolves once every success so far is recorded. */
  async recorded(): Promise<void> {
    while (this.flushing.size > 0) await Promise.all([...this.flushing]);
  }

  /** Takes no more jobs; resolves once the fetch loop has ended. */
  async stopTaking(): Promise<void> {
    this.stopping = true;
    this.idle.wake();
    await this.loop;
  }

  /**
   * Waits for running jobs until `deadline`; those still running then are aborted and failed
   * back to the queue (retried after the queue's retry delay, not after pg-boss's expiry).
   */
  async drain(deadline: number): Promise<void> {
    const waitFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());
    const everyone = () => Promise.all([...this.running.values()].map((attempt) => attempt.finished));
    await Promise.race([everyone(), waitFor(deadline - Date.now())]);
    const left = [...this.running.values()];
    if (left.length === 0) return;
    this.logger.warn({ queue: this.name, jobs: left.length }, 'jobs still running at the shutdown deadline; returned to the queue');
    const shutdown = new Error('the server shut down before the job finished');
    await Promise.all(
      left.map(async (attempt) => {
        if (attempt.settled) return;
        attempt.settled = true;
        attempt.controller.abort(shutdown);
        await this.boss.fail(this.name, attempt.id, { message: shutdown.message }).catch((error: Error) =>
          this.logger.warn({ queue: this.name, err: error.message }, 'could not return a job to the queue'),
        );
      }),
    );
    // Aborted handlers record what they know (e.g. "answer lost") before the database closes.
    await Promise.race([everyone(), waitFor(UNWIND_MS)]);
  }
}

export class JobQueue {
  private stopped = false;
  private readonly workers: Array<QueueWorker<object>> = [];

  private constructor(
    private readonly boss: PgBoss,
    private readonly logger: Logger,
    private readonly pollingIntervalSeconds: number,
    private readonly observe?: JobObserver,
  ) {}

  /** Connects and installs or migrates pg-boss's own schema (safe when instances start together). */
  static async start(params: { url: string; logger: Logger; pollingIntervalSeconds: number; observe?: JobObserver }): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: params.url,
      schema: 'pgboss',
      max: 4,
      application_name: 'hibachi-jobs',
      maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
    });
    boss.on('error', (error: Error) => params.logger.warn({ err: error.message }, 'job queue error'));
    await boss.start();
    return new JobQueue(boss, params.logger, params.pollingIntervalSeconds, params.observe);
  }

  /** Creates the queue (and its dead-letter queue) and starts working it on this instance. */
  async define<T extends object>(definition: JobDefinition<T>): Promise<void> {
    const { name } = definition;
    const deadLetter = deadLetterName(name);
    await this.boss.createQueue(deadLetter, { name: deadLetter, retryLimit: 0 });
    const options = {
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: definition.expireInSeconds + EXPIRY_BACKSTOP_SECONDS,
      deadLetter,
    };
    const policy = definition.everySeconds ? ('stately' as const) : undefined;
    await this.boss.createQueue(name, { name, ...options, policy });
    await this.boss.updateQueue(name, { name, ...options, policy }); // a changed definition applies to an existing queue
    const handle = definition.everySeconds ? this.recurring(name, definition.everySeconds, definition.handle) : definition.handle;

    this.startWorker<T>(name, { concurrency: definition.concurrency, timeLimitSeconds: definition.expireInSeconds }, (job, signal) =>
      this.measured(name, () => handle(job.data, signal)),
    );
    if (definition.everySeconds) {
      await this.boss.send(name, {}); // the first run, unless one is already waiting
      await this.boss.schedule(name, '* * * * *', {}, { tz: 'UTC' });
    }
    if (definition.onDeadLetter) {
      const onDeadLetter = definition.onDeadLetter;
      this.startWorker<T>(deadLetter, { concurrency: 1, timeLimitSeconds: definition.expireInSeconds }, (job) => onDeadLetter(job.data, errorMessage(job.output)));
    }
  }

  /** Runs one attempt, reporting its time and the SQL statements it sent. */
  private measured(name: string, attempt: () => Promise<void>): Promise<void> {
    if (!this.observe) return attempt();
    const observe = this.observe;
    return statementCount.run(async () => {
      const started = process.hrtime.bigint();
      let outcome: 'success' | 'error' = 'error';
      try {
        await attempt();
        outcome = 'success';
      } finally {
        observe({ queue: name, outcome, seconds: Number(process.hrtime.bigint() - started) / 1e9, statements: statementCount.current() ?? 0 });
      }
    });
  }

  /** Runs the handler, then queues the next run; the queue's policy refuses a second waiting one. */
  private recurring<T extends object>(name: string, everySeconds: number, handle: JobDefinition<T>['handle']): JobDefinition<T>['handle'] {
    return async (data, signal) => {
      await handle(data, signal);
      await this.boss.send(name, {}, { startAfter: everySeconds });
    };
  }

  private startWorker<T extends object>(
    name: string,
    options: { concurrency: number; timeLimitSeconds: number },
    handle: (job: PgBoss.JobWithMetadata<T>, signal: AbortSignal) => Promise<void>,
  ): void {
    const worker = new QueueWorker<T>(this.boss, this.logger, name, { ...options, pollingIntervalSeconds: this.pollingIntervalSeconds }, handle);
    this.workers.push(worker as unknown as QueueWorker<object>);
    worker.start();
  }

  /** Enqueues inside the caller's transaction. `id` (a UUID) makes a repeated enqueue a no-op while the first is kept. */
  async enqueue<T extends object>(tx: Tx, name: string, data: T, options: { startAfter?: Date; id?: string } = {}): Promise<void> {
    const jobId = await this.boss.send(name, data, { ...options, db: transactionExecutor(tx) });
    if (jobId === null && !options.id) throw new Error(`could not enqueue ${name}: the queue does not exist`);
  }

  /** Runs `name` on a cron schedule read in `tz` (an IANA zone, UTC by default); one instance enqueues it each time. */
  async schedule(name: string, cron: string, tz = 'UTC'): Promise<void> {
    await this.boss.schedule(name, cron, {}, { tz });
  }

  /** Stops fetching on every queue (jobs already running carry on). */
  async stopTaking(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stopTaking()));
  }

  /**
   * Takes no more jobs and waits for running ones until `deadline` (epoch ms); any still
   * running then are aborted and failed back to the queue, to be retried soon by another
   * instance or the next start.
   */
  async drain(deadline: number): Promise<void> {
    await this.stopTaking();
    await Promise.all(this.workers.map((worker) => worker.drain(deadline)));
    await Promise.all(this.workers.map((worker) => worker.recorded()));
  }

  /** Drains at once (nothing waits) and closes pg-boss's connections. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.drain(Date.now());
    await this.boss.stop({ graceful: false, wait: true });
  }
}
