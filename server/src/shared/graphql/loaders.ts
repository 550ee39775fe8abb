import DataLoader from 'dataloader';

/**
 * DataLoader shapes for the relations resolvers return: every relation of a page is read with
 * one statement per level, whatever the page size. `cache: false` for subscriptions, whose
 * context outlives one event: they batch but never serve an earlier event's rows.
 */
export interface LoaderOptions {
  cache: boolean;
}

/** One row (or null) per id. */
export function byId<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>, options: LoaderOptions): DataLoader<string, T | null> {
  return byKey(load, (row) => row.id, options);
}

/** One row (or null) per key, where `keyOf` reads the key off a row (e.g. a thread's open escalation by thread id). */
export function byKey<T>(load: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string, options: LoaderOptions): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (keys) => {
      const rows = new Map((await load(keys)).map((row) => [keyOf(row), row]));
      return keys.map((key) => rows.get(key) ?? null);
    },
    { cache: options.cache },
  );
}

/** Every row per key, in the order `load` returns them (e.g. an escalation's routing log). */
export function manyByKey<T>(load: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string, options: LoaderOptions): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(
    async (keys) => {
      const groups = new Map<string, T[]>();
      for (const row of await load(keys)) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
      return keys.map((key) => groups.get(key) ?? []);
    },
    { cache: options.cache },
  );
}
