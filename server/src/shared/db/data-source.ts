import { DataSource } from 'typeorm';
import { migrations } from '../../../../migrations';
import type { Logger } from '../logger';
import { AdvisoryLock, withAdvisoryLock } from './advisory-lock';
import { statementCountingLogger } from './statement-count';

/**
 * Connects to PostgreSQL and applies pending migrations from migrations/. The schema is only
 * ever changed by migrations: `synchronize` stays off.
 */
export async function openDatabase(params: { url: string; logger: Logger; entities: Function[]; applicationName?: string }): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: params.url,
    entities: params.entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logger: statementCountingLogger,
    applicationName: params.applicationName ?? 'hibachi-server',
    extra: { max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
  });
  await dataSource.initialize();
  // Only one instance migrates at a time; the others wait, then find nothing left to do.
  const applied = await withAdvisoryLock(dataSource, AdvisoryLock.MIGRATIONS, () => dataSource.runMigrations({ transaction: 'each' }));
  for (const migration of applied) params.logger.info({ migration: migration.name }, 'migration applied');
  return dataSource;
}
