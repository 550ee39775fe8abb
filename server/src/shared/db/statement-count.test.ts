import { afterEach, describe, expect, it } from 'vitest';
import { statementCount, statementCountingLogger } from './statement-count';

/** What the pool does for each statement it sends. */
const send = () => statementCountingLogger.logQuery('SELECT 1');

describe('statementCount', () => {
  afterEach(() => statementCount.configure({ perUnitOfWork: true }));

  it('counts each unit of work through its awaits, and every statement in the total', async () => {
    const before = statementCount.total();
    const counted = await statementCount.run(async () => {
      send();
      await Promise.resolve();
      send();
      return statementCount.current();
    });
    expect(counted).toBe(2);
    expect(statementCount.total() - before).toBe(2);
  });

  it('with per-operation counts off (production), runs the work uncounted and still keeps the total', async () => {
    statementCount.configure({ perUnitOfWork: false });
    const before = statementCount.total();
    const seen = await statementCount.run(async () => {
      send();
      await Promise.resolve();
      return statementCount.current();
    });
    expect(seen).toBeUndefined();
    expect(statementCount.total() - before).toBe(1);
  });
});
