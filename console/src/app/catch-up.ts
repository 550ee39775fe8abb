import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef } from 'react';

/**
 * Work to run when the live connection comes back after a drop: events sent while it was down
 * were never delivered, so each live view fetches what it missed from the API. Keyed by the
 * session's Apollo Client, so one session's views never run on another's reconnect.
 */
const catchUps = new WeakMap<ApolloClient, Set<() => void>>();

export function runCatchUps(client: ApolloClient): void {
  for (const run of [...(catchUps.get(client) ?? [])]) run();
}

/** Runs `catchUp` each time the live connection reconnects, while the calling component is mounted. */
export function useCatchUpOnReconnect(catchUp: () => void): void {
  const client = useApolloClient();
  const latest = useRef(catchUp);
  latest.current = catchUp;
  useEffect(() => {
    let registered = catchUps.get(client);
    if (!registered) catchUps.set(client, (registered = new Set()));
    const run = () => latest.current();
    registered.add(run);
    return () => {
      registered.delete(run);
    };
  }, [client]);
}
