import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** A fresh database for one test file, named after the run so global teardown drops it. */
export async function createTestDatabase(): Promise<string> {
  const { runId, postgresAdminUrl } = inject('testServices');
  const name = `hibachi_test_${runId}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function testRedis(): { url: string; keyPrefix: string } {
  const { runId, redisUrl } = inject('testServices');
  return { url: redisUrl, keyPrefix: `t${runId}:${randomBytes(3).toString('hex')}:` };
}
