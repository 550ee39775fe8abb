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

/**
 * Close codes our server sends on purpose: normal closure, going away (a server shutting down)
 * and forbidden (bad credentials). Tests read them from `closed`.
 */
const EXPECTED_CLOSE_CODES = new Set([1000, 1001, 4403]);

/**
 * graphql-ws reports a non-lazy client's fatal close (any code but 1000, with no retries) and
 * its internal errors here, by default with console.error: the whole CloseEvent object, for
 * every socket a test or a stopping server closed on purpose. Those are expected; anything else
 * (an internal error, an unexpected close code) is still printed, in one line.
 */
function reportNonLazyError(errorOrCloseEvent: unknown): void {
  const close = errorOrCloseEvent as { type?: unknown; code?: unknown; reason?: unknown };
  if (close?.type === 'close' && typeof close.code === 'number') {
    if (!EXPECTED_CLOSE_CODES.has(close.code)) console.error(`graphql-ws: socket closed with ${close.code}${close.reason ? ` (${String(close.reason)})` : ''}`);
    return;
  }
  console.error(errorOrCloseEvent);
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
    onNonLazyError: reportNonLazyError,
    on: { closed: (event) => onClosed((event as { code: number }).code) },
  });
  return { client, closed };
}

/**
 * Closes a socket from the client side and resolves with the close code once the close handshake
 * is over, when the server has read the close (it answered it). `client.dispose()` alone resolves
 * as soon as the close is sent, before the server knows the socket is going.
 */
export async function closeSocket(socket: { client: Client; closed: Promise<number> }): Promise<number> {
  await socket.client.dispose();
  return socket.closed;
}

/**
 * Subscribes and collects events; `next()` waits for the next one. The server does not say
 * when a subscription is live: wait for that with `untilLive` or `untilListening` (live.ts)
 * before raising the events a test expects.
 */
export type Subscription<T = any> = ReturnType<typeof subscribe<T>>;

export function subscribe<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: T[] = [];
  const waiters: Array<(value: T) => void> = [];
  const errors: unknown[] = [];
  const ignored: Array<(value: T) => boolean> = [];
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        const value = result.data as T;
        if (value != null && ignored.some((isIgnored) => isIgnored(value))) return;
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
    /** Drops the events that match, those already pending and those still to come (e.g. readiness probes). */
    ignore(isIgnored: (value: T) => boolean): void {
      ignored.push(isIgnored);
      for (let i = received.length - 1; i >= 0; i--) if (isIgnored(received[i])) received.splice(i, 1);
    },
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
