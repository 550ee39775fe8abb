import { DataSource } from 'typeorm';
import { migrations } from '../../../../migrations';
import type { Logger } from '../logger';
import { AdvisoryLock, withAdvisoryLock } from './advisory-lock';
import { statementCountingLogger } from './statement-count';

/** Connections the server keeps; webhooks may hold only a few of them (see WebhookInboxService). */
export const POOL_SIZE = 20;

/**
 * Applies pending migrations from migrations/, then opens the pool the server works with. The
 * schema is only ever changed by migrations: `synchronize` stays off.
 *
 * Every statement on the pool is cancelled by PostgreSQL after `statementTimeoutMs`, and a
 * transaction left idle is ended after a minute, so a locked table or a runaway query fails
 * its request instead of holding a connection for as long as the outage lasts. Migrations run
 * on a connection of their own without those limits: one may rightly take minutes.
 */
export async function openDatabase(params: { url: string; logger: Logger; entities: Function[]; statementTimeoutMs: number; applicationName?: string }): Promise<DataSource> {
  const applicationName = params.applicationName ?? 'hibachi-server';
  await migrate(params.url, applicationName, params.logger);
  const dataSource = new DataSource({
    type: 'postgres',
    url: params.url,
    entities: params.entities,
    synchronize: false,
    migrationsRun: false,
    logger: statementCountingLogger,
    applicationName,
    extra: {
      max: POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: params.statementTimeoutMs,
      idle_in_transaction_session_timeout: 60_000,
    },
  });
  await dataSource.initialize();
  return dataSource;
}

async function migrate(url: string, applicationName: string, logger: Logger): Promise<void> {
  const migrator = new DataSource({ type: 'postgres', url, migrations, synchronize: false, migrationsRun: false, applicationName: `${applicationName} migrations`, extra: { max: 2, connectionTimeoutMillis: 5_000 } });
  await migrator.initialize();
  try {
    // Only one instance migrates at a time; the others wait, then find nothing left to do.
    const applied = await withAdvisoryLock(migrator, AdvisoryLock.MIGRATIONS, () => migrator.runMigrations({ transaction: 'each' }));
    for (const migration of applied) logger.info({ migration: migration.name }, 'migration applied');
  } finally {
    await migrator.destroy();
  }
}
