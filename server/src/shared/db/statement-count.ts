import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements a unit of work sends (a GraphQL request, one subscription event),
 * so their cost is a figure in /metrics and a test can hold it fixed: a page of 100 must cost
 * what a page of 10 costs. The count follows the work through every await (AsyncLocalStorage).
 */
const scope = new AsyncLocalStorage<{ statements: number }>();
let perUnitOfWork = true;
let total = 0;

export const statementCount = {
  /**
   * Whether each unit of work is counted on its own. Following work through every await puts
   * async hooks on every promise, which costs about a tenth of the CPU of a busy read; so
   * production counts only the total unless SQL_STATEMENTS_PER_OPERATION asks for more.
   */
  configure(options: { perUnitOfWork: boolean }): void {
    perUnitOfWork = options.perUnitOfWork;
  },
  /** Runs `work`, counting what it sends; `current()` inside reads the count so far. */
  run<T>(work: () => T): T {
    return perUnitOfWork ? scope.run({ statements: 0 }, work) : work();
  },
  /** The count of the unit of work this runs in; undefined outside one or when not counted one by one. */
  current(): number | undefined {
    return scope.getStore()?.statements;
  },
  /** Every statement this process has sent. */
  total(): number {
    return total;
  },
};

/** TypeORM's logger hook: it sees every statement the pool sends, and logs nothing. */
export const statementCountingLogger: TypeOrmLogger = {
  logQuery() {
    total += 1;
    if (!perUnitOfWork) return;
    const store = scope.getStore();
    if (store) store.statements += 1;
  },
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};
