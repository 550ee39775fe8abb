import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SharedSubscriptions } from './shared-subscriptions';

/** A subscription source the test feeds by hand, noting whether it was closed. */
function source() {
  const pending: Array<(result: IteratorResult<ExecutionResult>) => void> = [];
  const queued: ExecutionResult[] = [];
  let closed = false;
  const stream: AsyncGenerator<ExecutionResult> = {
    next: () => (queued.length > 0 ? Promise.resolve({ value: queued.shift()!, done: false }) : closed ? Promise.resolve({ value: undefined, done: true }) : new Promise((resolve) => pending.push(resolve))),
    return: async () => {
      closed = true;
      for (const resolve of pending.splice(0)) resolve({ value: undefined, done: true });
      return { value: undefined, done: true };
    },
    throw: async (error) => Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return {
    stream,
    emit(result: ExecutionResult) {
      const resolve = pending.shift();
      if (resolve) resolve({ value: result, done: false });
      else queued.push(result);
    },
    end: () => void stream.return(undefined),
    get closed() {
      return closed;
    },
  };
}

const asStream = (value: unknown) => value as AsyncGenerator<ExecutionResult>;

describe('SharedSubscriptions', () => {
  it('starts one execution for subscribers with the same key and gives each every result', async () => {
    const shared = new SharedSubscriptions();
    const feed = source();
    let starts = 0;
    const start = async () => {
      starts++;
      return feed.stream;
    };
    const [a, b] = await Promise.all([shared.subscribe('k', start), shared.subscribe('k', start)]);
    expect(starts).toBe(1);
    feed.emit({ data: { n: 1 } });
    feed.emit({ data: { n: 2 } });
    for (const subscriber of [a, b]) {
      expect((await asStream(subscriber).next()).value).toEqual({ data: { n: 1 } });
      expect((await asStream(subscriber).next()).value).toEqual({ data: { n: 2 } });
    }
  });

  it('keeps keys apart', async () => {
    const shared = new SharedSubscriptions();
    const [first, second] = [source(), source()];
    const a = await shared.subscribe('staff:ADMIN', async () => first.stream);
    const b = await shared.subscribe('staff:STAFF', async () => second.stream);
    second.emit({ data: { for: 'staff' } });
    first.emit({ data: { for: 'admin' } });
    expect((await asStream(a).next()).value).toEqual({ data: { for: 'admin' } });
    expect((await asStream(b).next()).value).toEqual({ data: { for: 'staff' } });
  });

  it('closes the execution when its last subscriber leaves, and starts afresh for the next', async () => {
    const shared = new SharedSubscriptions();
    const feed = source();
    const a = await shared.subscribe('k', async () => feed.stream);
    const b = await shared.subscribe('k', async () => feed.stream);
    await asStream(a).return(undefined);
    expect(feed.closed).toBe(false);
    await asStream(b).return(undefined);
    expect(feed.closed).toBe(true);
    expect(shared.size).toBe(0);
    const next = source();
    const c = await shared.subscribe('k', async () => next.stream);
    next.emit({ data: { fresh: true } });
    expect((await asStream(c).next()).value).toEqual({ data: { fresh: true } });
  });

  it('ends every subscriber when the execution ends', async () => {
    const shared = new SharedSubscriptions();
    const feed = source();
    const a = await shared.subscribe('k', async () => feed.stream);
    const waiting = asStream(a).next();
    feed.end();
    expect(await waiting).toEqual({ value: undefined, done: true });
  });

  it('does not share a start that failed', async () => {
    const shared = new SharedSubscriptions();
    const refused = { errors: [] } as unknown as ExecutionResult;
    expect(await shared.subscribe('k', async () => refused)).toBe(refused);
    expect(shared.size).toBe(0);
  });
});
