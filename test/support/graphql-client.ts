import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

/** POSTs an operation the way a browser or integrator does. */
export async function graphql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

export function errorCodes(response: GraphqlResponse): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}

/** A graphql-ws connection; `closed` resolves with the close code if the server closes it. */
export function wsClient(
  baseUrl: string,
  authorization?: string,
  extraParams: Record<string, string> = {},
): { client: Client; closed: Promise<number> } {
  let onClosed: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: baseUrl.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { ...(authorization ? { authorization } : {}), ...extraParams },
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClosed((event as { code: number }).code) },
  });
  return { client, closed };
}

/**
 * Subscribes and collects events; `next()` waits for the next one. `ready` resolves once the
 * server has acknowledged the connection, so events published after it are not missed.
 */
export function subscribe<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: T[] = [];
  const waiters: Array<(value: T) => void> = [];
  const errors: unknown[] = [];
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        const value = result.data as T;
        const waiter = waiters.shift();
        if (waiter) waiter(value);
        else received.push(value);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    errors,
    unsubscribe,
    next(timeoutMs = 5000): Promise<T> {
      const queued = received.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no subscription event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
    /** Events that arrived and were not taken with next(). */
    pending: received,
  };
}

/** Resolves once the client's socket is acknowledged by the server. */
export function connected(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      resolve();
    });
    const offClosed = client.on('closed', (event) => {
      offClosed();
      reject(new Error(`socket closed: ${(event as { code: number }).code}`));
    });
  });
}
