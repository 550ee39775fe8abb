import type { ExecutionResult } from 'graphql';

type Source = AsyncGenerator<ExecutionResult>;

interface Group {
  source: Source;
  listeners: Set<Listener>;
  /** The execution has ended: a subscriber that arrives now must not join it. */
  closed: boolean;
  /** Forgets this execution, so the next subscriber for its key starts a new one. */
  close?: () => void;
}

/**
 * One execution per event for every subscriber asking the same thing. Consoles subscribe with
 * the same documents; executing each event once per console made fan-out cost grow with the
 * number of consoles. Subscribers whose operation, variables and access are the same (the
 * caller builds the key) share one underlying subscription: each event is resolved once and
 * the same result goes to all of them. A subscription payload must therefore not depend on who
 * asks beyond what the key holds.
 */
export class SharedSubscriptions {
  /** Executions being started or running, by key. */
  private readonly groups = new Map<string, Promise<Group | ExecutionResult>>();

  /**
   * A subscriber's stream for `key`. The first subscriber starts the execution with `start`;
   * the others join it. A start that fails (an ExecutionResult with errors, or a rejection) is
   * not shared: the next subscriber starts again.
   */
  async subscribe(key: string, start: () => Promise<Source | ExecutionResult>): Promise<Source | ExecutionResult> {
    // Twice at most: an execution can end between a subscriber finding it and joining it.
    for (let attempt = 0; ; attempt++) {
      let pending = this.groups.get(key);
      if (!pending) {
        pending = start().then((started) => (isStream(started) ? this.open(key, started) : started));
        this.groups.set(key, pending);
      }
      const forget = (entry: Promise<Group | ExecutionResult>) => {
        if (this.groups.get(key) === entry) this.groups.delete(key);
      };
      const group = await pending.catch((error: unknown) => {
        forget(pending);
        throw error;
      });
      if (!isGroup(group)) {
        forget(pending);
        return group;
      }
      if (group.closed) {
        if (attempt === 0) continue;
        return Listener.ended();
      }
      const listener = new Listener(() => this.leave(group, listener));
      group.listeners.add(listener);
      return listener;
    }
  }

  /** How many executions are running now, for tests and metrics. */
  get size(): number {
    return this.groups.size;
  }

  private open(key: string, source: Source): Group {
    const group: Group = { source, listeners: new Set(), closed: false };
    const pending = this.groups.get(key);
    group.close = () => {
      group.closed = true;
      // Only this execution's entry: a newer one may have taken the key since.
      if (this.groups.get(key) === pending) this.groups.delete(key);
    };
    void (async () => {
      let failure: unknown = null;
      try {
        for await (const result of source) for (const listener of group.listeners) listener.push(result);
      } catch (error) {
        // Each subscriber's stream fails with it, so graphql-ws reports it and the client
        // reconnects and catches up, instead of a quiet end (or a crash on an unhandled rejection).
        failure = error ?? new Error('the subscription ended with an error');
      } finally {
        group.close?.();
        for (const listener of group.listeners) listener.end(failure);
      }
    })();
    return group;
  }

  private leave(group: Group, listener: Listener): void {
    group.listeners.delete(listener);
    if (group.listeners.size > 0) return;
    group.close?.();
    // Ending a stream nobody reads can fail only in ways nobody can act on.
    group.source.return(undefined).catch(() => undefined);
  }
}

function isStream(value: Source | ExecutionResult): value is Source {
  return Symbol.asyncIterator in value;
}

function isGroup(value: Group | ExecutionResult): value is Group {
  return 'listeners' in value;
}

/** One subscriber's queue of the shared results. */
class Listener implements AsyncGenerator<ExecutionResult> {
  private readonly queued: ExecutionResult[] = [];
  private readonly waiting: Array<{ resolve: (result: IteratorResult<ExecutionResult>) => void; reject: (error: unknown) => void }> = [];
  private done = false;
  /** Why the execution ended, told once after the queued results. */
  private failure: unknown = null;

  constructor(private readonly onLeave: () => void) {}

  /** A stream that has already ended (its execution ended as it was joined). */
  static ended(): Listener {
    const listener = new Listener(() => undefined);
    listener.end(null);
    return listener;
  }

  push(result: ExecutionResult): void {
    if (this.done) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve({ value: result, done: false });
    else this.queued.push(result);
  }

  /** No more results; with a `failure`, the next read after the queued ones rejects with it. */
  end(failure: unknown = null): void {
    if (this.done) return;
    this.done = true;
    this.failure = failure;
    for (const waiter of this.waiting.splice(0)) {
      if (this.failure !== null) waiter.reject(this.takeFailure());
      else waiter.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const queued = this.queued.shift();
    if (queued) return Promise.resolve({ value: queued, done: false });
    if (this.done) return this.failure !== null ? Promise.reject(this.takeFailure()) : Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private takeFailure(): unknown {
    const failure = this.failure;
    this.failure = null;
    return failure;
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.done) {
      this.end();
      this.queued.length = 0;
      this.onLeave();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncGenerator<ExecutionResult> {
    return this;
  }
}
