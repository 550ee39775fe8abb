import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { graphqlHttpUrl, graphqlWebSocketUrl } from './api-urls';
import { typePolicies } from './cache-policies';
import { runCatchUps } from './catch-up';
import { createLiveStatusStore, type LiveStatusStore } from './live-status';
import type { SessionStore } from './session-store';

/** graphql-ws closes with this when connectionParams carry no valid session. */
const WS_FORBIDDEN = 4403;
const WS_NORMAL_CLOSURE = 1000;

/**
 * Everything that talks to the API on behalf of one session: an Apollo Client (its own cache)
 * and the graphql-ws client behind its subscriptions. A new one is made whenever the token
 * changes (sign-in, sign-out, another tab switching user), and the previous one is disposed,
 * so a socket authenticated as someone else never outlives their session and one user's
 * cached data is never shown to the next.
 */
export interface SessionClient {
  token: string | null;
  apollo: ApolloClient;
  live: LiveStatusStore;
  dispose(): void;
}

function closeCode(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : undefined;
}

function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  // A token the server does not know is answered with HTTP 401 before any resolver runs.
  return ServerError.is(error) && error.statusCode === 401;
}

/** Exponential backoff with jitter: about 1 s, 2 s, 4 s ... capped at 15 s. */
async function backoff(retries: number): Promise<void> {
  const base = Math.min(1000 * 2 ** retries, 15_000);
  await new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
}

export function createSessionClient(params: { token: string | null; onUnauthenticated: (notice: string) => void }): SessionClient {
  const { token, onUnauthenticated } = params;
  const authorization = token ? `Bearer ${token}` : undefined;
  const live = createLiveStatusStore();
  let disposed = false;
  let recheckAtNextPong = false;
  const catchUp = () => {
    void apollo.refetchQueries({ include: 'active' });
    runCatchUps(apollo);
  };

  const wsClient: WsClient = createClient({
    url: graphqlWebSocketUrl(),
    connectionParams: authorization ? { authorization } : {},
    // Connect when the first subscription starts, close shortly after the last one ends.
    lazy: true,
    lazyCloseTimeout: 2000,
    // Pings detect a dead connection (laptop sleep, proxy drop) instead of waiting forever.
    keepAlive: 15_000,
    retryAttempts: Infinity,
    retryWait: backoff,
    shouldRetry: (event) => closeCode(event) !== WS_FORBIDDEN,
    on: {
      connecting: (isRetry) => live.set(isRetry ? 'reconnecting' : 'connecting'),
      connected: (_socket, _payload, wasRetry) => {
        live.set('connected');
        // Events raised while the socket was down were not delivered: catch up from the API.
        if (wasRetry) {
          catchUp();
          // The server re-subscribes a moment after the socket is back, and the graphql-ws protocol
          // does not say when; something written in that moment is fetched at the next keep-alive.
          recheckAtNextPong = true;
        }
      },
      pong: () => {
        if (!recheckAtNextPong) return;
        recheckAtNextPong = false;
        catchUp();
      },
      closed: (event) => {
        if (disposed) return;
        const code = closeCode(event);
        if (code === WS_FORBIDDEN) {
          live.set('offline');
          if (token) onUnauthenticated('Your session has ended. Sign in again.');
        } else if (code === WS_NORMAL_CLOSURE) {
          live.set('idle');
        } else {
          live.set('reconnecting');
        }
      },
    },
  });

  const errorLink = new ErrorLink(({ error }) => {
    if (token && isUnauthenticated(error)) onUnauthenticated('Your session has ended. Sign in again.');
  });

  const httpLink = new HttpLink({
    uri: graphqlHttpUrl(),
    headers: authorization ? { authorization } : {},
  });

  const link = ApolloLink.from([
    errorLink,
    ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(wsClient), httpLink),
  ]);

  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies }),
  });

  return {
    token,
    apollo,
    live,
    dispose() {
      if (disposed) return;
      disposed = true;
      live.set('idle');
      void wsClient.dispose();
      // Let React unmount the old tree first, so its hooks do not see their client stop.
      setTimeout(() => apollo.stop(), 0);
    },
  };
}

/** The session client for the current token, replaced (and the old one disposed) when the token changes. */
export interface SessionClients {
  get(): SessionClient;
  subscribe(listener: () => void): () => void;
}

export function createSessionClients(sessions: SessionStore): SessionClients {
  const listeners = new Set<() => void>();
  const make = (token: string | null) =>
    createSessionClient({
      token,
      onUnauthenticated: (notice) => sessions.signOut({ notice, onlyIfToken: token ?? undefined }),
    });
  let current = make(sessions.get().session?.token ?? null);

  sessions.subscribe(() => {
    const token = sessions.get().session?.token ?? null;
    if (token === current.token) return;
    const previous = current;
    current = make(token);
    previous.dispose();
    for (const listener of [...listeners]) listener();
  });

  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
