import { SDK, type SendOptions } from '@ringcentral/sdk';
import { randomUUID } from 'node:crypto';

export interface RingCentralSettings {
  serverUrl: string;
  clientId: string;
  clientSecret: string;
  jwt: string;
}

/** RingCentral's codes for a token it does not know or no longer accepts. */
const LOST_TOKEN_CODES = new Set(['OAU-140', 'OAU-211', 'OAU-213', 'TokenInvalid', 'TokenExpired', 'invalid_grant']);

/** Whether RingCentral's error code says our token is gone: a reason to log in again, never a refusal of what we asked. */
export function isLostTokenCode(errorCode: string | null): boolean {
  return errorCode !== null && LOST_TOKEN_CODES.has(errorCode);
}

/** Default for a client built without one; the app passes PROVIDER_TIMEOUT_SECONDS. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** What a failed RingCentral call tells us: the HTTP status (absent when no answer came back) and RingCentral's error code. */
export interface RingCentralFailure {
  status: number | null;
  errorCode: string | null;
  message: string;
  /** No response at all: refused, reset or timed out. */
  network: 'refused' | 'lost' | null;
}

/**
 * The RingCentral SDK, logged in with the JWT on first use and again whenever its refresh
 * token has run out (the SDK only refreshes, it never logs in again by itself). Each client
 * keeps its tokens under its own cache prefix, so two clients in one process never share them.
 */
export class RingCentralClient {
  private readonly sdk: SDK;
  private login: Promise<void> | null = null;

  constructor(
    private readonly settings: RingCentralSettings,
    options: { timeoutMs?: number } = {},
  ) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.sdk = new SDK({
      server: settings.serverUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      cachePrefix: `rc-${randomUUID()}-`,
      // Node's own fetch (the SDK would bring node-fetch), so every request the SDK makes,
      // logins and token refreshes too, gives up after the provider timeout, or sooner when
      // the caller's signal (carried on the request) aborts.
      fetch: (input: string | URL | Request, init?: RequestInit) => {
        const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        const timeout = AbortSignal.timeout(timeoutMs);
        return fetch(input, { ...init, signal: callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout });
      },
      Request,
      Response,
      Headers,
    });
  }

  private async ensureLoggedIn(): Promise<void> {
    if (await this.sdk.platform().loggedIn().catch(() => false)) return;
    await this.logIn();
  }

  /** A login with the JWT; callers at the same moment share it. */
  private logIn(): Promise<void> {
    this.login ??= this.sdk
      .platform()
      .login({ jwt: this.settings.jwt })
      .then(() => undefined)
      .finally(() => {
        this.login = null;
      });
    return this.login;
  }

  /** `signal` aborts the request (with its login or token refresh); it also ends by itself after the provider timeout. */
  async request<T>(method: 'get' | 'post' | 'delete', path: string, body?: unknown, query?: Record<string, string>, options: { signal?: AbortSignal } = {}): Promise<T> {
    options.signal?.throwIfAborted();
    await abortable(this.ensureLoggedIn(), options.signal);
    // The SDK spreads these into the fetch Request it builds, so the signal reaches the wire.
    const send = { method: method.toUpperCase(), url: path, query, body, signal: options.signal } as SendOptions;
    let response: Response;
    try {
      response = await this.sdk.platform().send(send);
    } catch (error) {
      // RingCentral no longer knows our tokens (a revoked session: "Token not found"). The SDK's
      // refresh cannot bring them back, the JWT can: log in afresh and ask once more. The
      // refused request did nothing, so asking again sends nothing twice.
      if (!(await RingCentralClient.lostTokens(error))) throw error;
      await abortable(this.logIn(), options.signal);
      response = await this.sdk.platform().send(send);
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : null) as T;
  }

  /**
   * The current access token, for the one place RingCentral wants it in a URL: a recording's
   * content address handed to RingCentral's own speech-to-text service, which cannot send headers.
   */
  async accessToken(): Promise<string> {
    await this.ensureLoggedIn();
    const token = (await this.sdk.platform().auth().data()).access_token;
    if (!token) throw new Error('RingCentral gave no access token');
    return token;
  }

  /** A GET whose answer is not JSON, such as a message attachment (a voicemail transcript is text/plain). */
  async getText(path: string): Promise<string> {
    await this.ensureLoggedIn();
    const response = await this.sdk.platform().get(path);
    return response.text();
  }

  /** Whether a failure says our tokens are gone (unknown, revoked or expired), not that the request was refused. */
  static async lostTokens(error: unknown): Promise<boolean> {
    const response = (error as { response?: { status: number; clone(): { json(): Promise<unknown> } } }).response;
    if (!response || (response.status !== 401 && response.status !== 400)) return false;
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { error?: string; errorCode?: string; errors?: Array<{ errorCode?: string }> } | null;
    const codes = [body?.errorCode, ...(body?.errors ?? []).map((entry) => entry.errorCode)];
    // A refresh that failed answers 400 invalid_grant; an API call with a dead token, 401.
    return response.status === 401 || isLostTokenCode(body?.error ?? null) || codes.some((code) => isLostTokenCode(code ?? null));
  }

  /** Reads status, RingCentral error code and message from whatever the SDK or the network threw. */
  static async describeFailure(error: unknown): Promise<RingCentralFailure> {
    const failure = error as { response?: { status: number; clone?: () => { json(): Promise<unknown> }; json?: () => Promise<unknown> }; code?: string; message?: string; type?: string };
    if (failure.response) {
      let errorCode: string | null = null;
      let detail: string | undefined;
      try {
        // The REST API puts errorCode and message at the top; the AI API only in errors[].
        const parsed = (await failure.response.json?.()) as { errorCode?: string; error?: string; message?: string; errors?: Array<{ errorCode?: string; message?: string }> } | undefined;
        errorCode = parsed?.errorCode ?? parsed?.errors?.[0]?.errorCode ?? parsed?.error ?? null;
        detail = parsed?.message ? undefined : parsed?.errors?.[0]?.message;
      } catch {
        // not JSON; the status says enough
      }
      return { status: failure.response.status, errorCode, message: detail ?? failure.message ?? `HTTP ${failure.response.status}`, network: null };
    }
    // Node's fetch puts the socket error's code on `cause`.
    const code = failure.code ?? (failure as { cause?: { code?: string } }).cause?.code;
    const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    return { status: null, errorCode: null, message: failure.message ?? 'RingCentral could not be reached', network: refused ? 'refused' : 'lost' };
  }
}

/** Stops waiting for `promise` when `signal` aborts (the work itself goes on, bounded by its own timeout). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
