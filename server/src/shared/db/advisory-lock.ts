import type { DataSource } from 'typeorm';

/** Lock keys, one per start-up step that must run on one instance at a time. */
export const AdvisoryLock = {
  MIGRATIONS: 727_274_001,
  FIRST_ADMIN: 727_274_002,
  JOB_QUEUES: 727_274_003,
  /** One refresh of the Google access token at a time, across instances. */
  GOOGLE_TOKEN_REFRESH: 727_274_004,
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

/** Namespaces of two-part locks (namespace, hashtext(name)), one per kind of thing locked by name. */
export const AdvisoryLockNamespace = {
  /** One transaction sync per bank connection at a time, across instances. */
  BANK_SYNC: 727_274_101,
} as const;

/**
 * Runs `work` while holding the session advisory lock (namespace, hashtext(name)) if no one
 * else holds it; otherwise returns at once with `locked: false`. The lock is held on a
 * connection of its own for as long as `work` runs (which may call providers), not in a
 * transaction, and is let go however `work` ends.
 */
export async function withAdvisoryLockIfFree<T>(
  dataSource: DataSource,
  namespace: number,
  name: string,
  work: () => Promise<T>,
): Promise<{ locked: true; result: T } | { locked: false }> {
  const lock = dataSource.createQueryRunner();
  try {
    const [row] = (await lock.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [namespace, name])) as Array<{ locked: boolean }>;
    if (!row?.locked) return { locked: false };
    try {
      return { locked: true, result: await work() };
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1, hashtext($2))', [namespace, name]).catch(() => undefined);
    }
  } finally {
    await lock.release();
  }
}
