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

  it('fails every subscriber when the execution fails, after what they were sent, and frees the key', async () => {
    const shared = new SharedSubscriptions();
    const feed = source();
    const boom = new Error('the pub/sub went away');
    const failing: AsyncGenerator<ExecutionResult> = {
      ...feed.stream,
      next: async () => {
        const result = await feed.stream.next();
        if (result.done) throw boom;
        return result;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    const [a, b] = await Promise.all([shared.subscribe('k', async () => failing), shared.subscribe('k', async () => failing)]);
    feed.emit({ data: { n: 1 } });
    const waiting = asStream(b).next();
    expect(await waiting).toEqual({ value: { data: { n: 1 } }, done: false });
    feed.end(); // the source's next read now throws
    await expect(asStream(b).next()).rejects.toBe(boom);
    expect(await asStream(a).next()).toEqual({ value: { data: { n: 1 } }, done: false });
    await expect(asStream(a).next()).rejects.toBe(boom);
    expect(await asStream(a).next()).toEqual({ value: undefined, done: true });
    expect(shared.size).toBe(0);
  });

  it('starts again after a start that threw', async () => {
    const shared = new SharedSubscriptions();
    const feed = source();
    let starts = 0;
    const start = async () => {
      starts++;
      if (starts === 1) throw new Error('could not listen');
      return feed.stream;
    };
    await expect(shared.subscribe('k', start)).rejects.toThrow('could not listen');
    expect(shared.size).toBe(0);
    const subscriber = await shared.subscribe('k', start);
    feed.emit({ data: { n: 1 } });
    expect((await asStream(subscriber).next()).value).toEqual({ data: { n: 1 } });
    expect(starts).toBe(2);
  });

  it('does not join an execution that ended as the subscriber arrived: it starts a new one', async () => {
    const shared = new SharedSubscriptions();
    const [first, second] = [source(), source()];
    first.end(); // this execution ends on its first read, before its subscriber is handed a stream
    const streams = [first.stream, second.stream];
    let starts = 0;
    const subscriber = await shared.subscribe('k', async () => {
      starts++;
      return streams.shift()!;
    });
    // Joining the ended execution would leave `starts` at 1 and the stream waiting forever.
    expect(starts).toBe(2);
    second.emit({ data: { from: 'second' } });
    expect((await asStream(subscriber).next()).value).toEqual({ data: { from: 'second' } });
  });
});
