import type { ExecutionResult } from 'graphql';

type Source = AsyncGenerator<ExecutionResult>;

interface Group {
  source: Source;
  listeners: Set<Listener>;
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
   * the others join it. A start that fails (an ExecutionResult with errors) is not shared.
   */
  async subscribe(key: string, start: () => Promise<Source | ExecutionResult>): Promise<Source | ExecutionResult> {
    let pending = this.groups.get(key);
    if (!pending) {
      pending = start().then((started) => (isStream(started) ? this.open(key, started) : started));
      this.groups.set(key, pending);
    }
    const group = await pending;
    if (!isGroup(group)) {
      if (this.groups.get(key) === pending) this.groups.delete(key);
      return group;
    }
    const listener = new Listener(() => this.leave(group, listener));
    group.listeners.add(listener);
    return listener;
  }

  /** How many executions are running now, for tests and metrics. */
  get size(): number {
    return this.groups.size;
  }

  private open(key: string, source: Source): Group {
    const group: Group = { source, listeners: new Set() };
    const pending = this.groups.get(key);
    group.close = () => {
      // Only this execution's entry: a newer one may have taken the key since.
      if (this.groups.get(key) === pending) this.groups.delete(key);
    };
    void (async () => {
      try {
        for await (const result of source) for (const listener of group.listeners) listener.push(result);
      } finally {
        group.close?.();
        for (const listener of group.listeners) listener.end();
      }
    })();
    return group;
  }

  private leave(group: Group, listener: Listener): void {
    group.listeners.delete(listener);
    if (group.listeners.size > 0) return;
    group.close?.();
    void group.source.return(undefined);
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
  private readonly waiting: Array<(result: IteratorResult<ExecutionResult>) => void> = [];
  private done = false;

  constructor(private readonly onLeave: () => void) {}

  push(result: ExecutionResult): void {
    if (this.done) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter({ value: result, done: false });
    else this.queued.push(result);
  }

  end(): void {
    this.done = true;
    for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const queued = this.queued.shift();
    if (queued) return Promise.resolve({ value: queued, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
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
