import type { DataSource } from 'typeorm';

/** Lock keys, one per start-up step that must run on one instance at a time. */
export const AdvisoryLock = {
  MIGRATIONS: 727_274_001,
  FIRST_ADMIN: 727_274_002,
  JOB_QUEUES: 727_274_003,
} as const;

/**
 * Runs `work` while holding a PostgreSQL session advisory lock, so instances starting
 * together take turns: the second one waits, then finds the work already done.
 */
export async function withAdvisoryLock<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await lock.release();
  }
}
