import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements a unit of work sends (a GraphQL request, one subscription event),
 * so their cost is a figure in /metrics and a test can hold it fixed: a page of 100 must cost
 * what a page of 10 costs. The count follows the work through every await (AsyncLocalStorage).
 */
const scope = new AsyncLocalStorage<{ statements: number }>();

export const statementCount = {
  /** Runs `work`, counting what it sends; `current()` inside reads the count so far. */
  run<T>(work: () => T): T {
    return scope.run({ statements: 0 }, work);
  },
  current(): number | undefined {
    return scope.getStore()?.statements;
  },
};

/** TypeORM's logger hook: it sees every statement the pool sends, and logs nothing. */
export const statementCountingLogger: TypeOrmLogger = {
  logQuery() {
    const store = scope.getStore();
    if (store) store.statements += 1;
  },
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};
