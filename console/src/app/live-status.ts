/**
 * The state of the live-update WebSocket, for the indicator in the header.
 *   idle          no subscription is open (the socket connects on demand)
 *   connecting    opening the first connection
 *   connected     subscriptions are delivering events
 *   reconnecting  the connection dropped; retrying with backoff (missed changes are refetched)
 *   offline       the server refused the connection; it is not retried
 */
export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface LiveStatusStore {
  get(): LiveStatus;
  set(status: LiveStatus): void;
  subscribe(listener: () => void): () => void;
}

export function createLiveStatusStore(initial: LiveStatus = 'idle'): LiveStatusStore {
  let status = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    set(next) {
      if (next === status) return;
      status = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
