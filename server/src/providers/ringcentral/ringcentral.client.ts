import { SDK } from '@ringcentral/sdk';
import { randomUUID } from 'node:crypto';

export interface RingCentralSettings {
  serverUrl: string;
  clientId: string;
  clientSecret: string;
  jwt: string;
}

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

  constructor(private readonly settings: RingCentralSettings) {
    this.sdk = new SDK({
      server: settings.serverUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      cachePrefix: `rc-${randomUUID()}-`,
    });
  }

  private async ensureLoggedIn(): Promise<void> {
    const platform = this.sdk.platform();
    if (await platform.loggedIn().catch(() => false)) return;
    this.login ??= platform
      .login({ jwt: this.settings.jwt })
      .then(() => undefined)
      .finally(() => {
        this.login = null;
      });
    await this.login;
  }

  async request<T>(method: 'get' | 'post' | 'delete', path: string, body?: unknown, query?: Record<string, string>): Promise<T> {
    await this.ensureLoggedIn();
    const platform = this.sdk.platform();
    const response =
      method === 'get' ? await platform.get(path, query) : method === 'post' ? await platform.post(path, body, query) : await platform.delete(path, undefined, query);
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
    const refused = failure.code === 'ECONNREFUSED' || failure.code === 'ENOTFOUND' || failure.code === 'EAI_AGAIN';
    return { status: null, errorCode: null, message: failure.message ?? 'RingCentral could not be reached', network: refused ? 'refused' : 'lost' };
  }
}
