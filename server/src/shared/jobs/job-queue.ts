import PgBoss from 'pg-boss';
import { entityManagerOf, type Tx } from '../db/unit-of-work';
import type { Logger } from '../logger';

/**
 * Durable background work on PostgreSQL (pg-boss): webhook events to apply, texts to send,
 * subscriptions to renew. A job is enqueued in the same transaction as the change that needs
 * it, so it exists exactly when that change committed; failures are retried with exponential
 * backoff, and a job that keeps failing goes to its queue's dead-letter queue, where
 * `onDeadLetter` records it for people to see. This is the only file that knows pg-boss.
 */
export interface JobDefinition<T extends object> {
  name: string;
  /** Retries after the first attempt. */
  retryLimit: number;
  /** First retry after about this long, doubling (with jitter) each time. */
  retryDelaySeconds: number;
  /** A handler still running after this is failed (and retried): handlers must be idempotent. */
  expireInSeconds: number;
  /** Jobs taken per poll and run side by side. */
  concurrency: number;
  handle(data: T): Promise<void>;
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

export class JobQueue {
  private stopped = false;

  private constructor(
    private readonly boss: PgBoss,
    private readonly logger: Logger,
    private readonly pollingIntervalSeconds: number,
  ) {}

  /** Connects and installs or migrates pg-boss's own schema (safe when instances start together). */
  static async start(params: { url: string; logger: Logger; pollingIntervalSeconds: number }): Promise<JobQueue> {
    const boss = new PgBoss({ connectionString: params.url, schema: 'pgboss', max: 4, application_name: 'hibachi-jobs' });
    boss.on('error', (error: Error) => params.logger.warn({ err: error.message }, 'job queue error'));
    await boss.start();
    return new JobQueue(boss, params.logger, params.pollingIntervalSeconds);
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
      expireInSeconds: definition.expireInSeconds,
      deadLetter,
    };
    const policy = definition.everySeconds ? ('stately' as const) : undefined;
    await this.boss.createQueue(name, { name, ...options, policy });
    await this.boss.updateQueue(name, { name, ...options, policy }); // a changed definition applies to an existing queue
    const handle = definition.everySeconds ? this.recurring(name, definition.everySeconds, definition.handle) : definition.handle;

    // The handler can run before work() returns the worker's id.
    const worker: { id?: string } = {};
    worker.id = await this.boss.work<T>(
      name,
      { batchSize: definition.concurrency, pollingIntervalSeconds: this.pollingIntervalSeconds, includeMetadata: true },
      async (jobs) => {
        // pg-boss waits out the polling interval after every batch; a full batch means more are
        // waiting, so fetch again at once (a backlog drains at working speed, not batch/interval).
        if (jobs.length === definition.concurrency && worker.id) this.boss.notifyWorker(worker.id);
        // Each job succeeds or fails on its own; pg-boss completes only the ones still active.
        await Promise.all(
          jobs.map(async (job) => {
            try {
              await handle(job.data);
            } catch (error) {
              this.logger.warn({ job: name, attempt: job.retryCount + 1, err: (error as Error).message }, 'job failed');
              await this.boss.fail(name, job.id, { message: (error as Error).message });
            }
          }),
        );
      },
    );
    if (definition.everySeconds) {
      await this.boss.send(name, {}); // the first run, unless one is already waiting
      await this.boss.schedule(name, '* * * * *', {}, { tz: 'UTC' });
    }
    if (definition.onDeadLetter) {
      const onDeadLetter = definition.onDeadLetter;
      await this.boss.work<T>(deadLetter, { pollingIntervalSeconds: this.pollingIntervalSeconds, includeMetadata: true }, async ([job]) => {
        await onDeadLetter(job.data, errorMessage(job.output));
      });
    }
  }

  /** Runs the handler, then queues the next run; the queue's policy refuses a second waiting one. */
  private recurring<T extends object>(name: string, everySeconds: number, handle: (data: T) => Promise<void>): (data: T) => Promise<void> {
    return async (data) => {
      await handle(data);
      await this.boss.send(name, {}, { startAfter: everySeconds });
    };
  }

  /** Enqueues inside the caller's transaction. `id` (a UUID) makes a repeated enqueue a no-op while the first is kept. */
  async enqueue<T extends object>(tx: Tx, name: string, data: T, options: { startAfter?: Date; id?: string } = {}): Promise<void> {
    const jobId = await this.boss.send(name, data, { ...options, db: transactionExecutor(tx) });
    if (jobId === null && !options.id) throw new Error(`could not enqueue ${name}: the queue does not exist`);
  }

  /** Runs `name` on a cron schedule (UTC); one instance enqueues it each time. */
  async schedule(name: string, cron: string): Promise<void> {
    await this.boss.schedule(name, cron, {}, { tz: 'UTC' });
  }

  /** Stops taking jobs; running ones get `timeoutMs` to finish, then are failed and retried later. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
  }
}
