import { google } from 'googleapis';
import type { GoogleApiRoots } from '../../app/config';
import {
  GoogleApiFailure,
  type GoogleAccount,
  type GoogleBusinessProvider,
  type GoogleBusinessSession,
  type GoogleLocation,
  type GoogleReview,
  type GoogleReviewsPage,
  type GoogleTokens,
} from './google-business.port';

export const BUSINESS_MANAGE_SCOPE = 'https://www.googleapis.com/auth/business.manage';
/** v4 lists at most 50 reviews a page. */
export const REVIEWS_PAGE_SIZE = 50;
/** Pages of accounts and locations read before giving up on a listing that does not end. */
const MAX_LISTING_PAGES = 20;

type OAuth2Client = InstanceType<typeof google.auth.OAuth2>;

export interface GoogleBusinessSdkOptions {
  clientId: string;
  clientSecret: string;
  redirectUrl: () => string;
  authUrl: string;
  tokenUrl: string;
  apiRoots: GoogleApiRoots;
  timeoutMs: number;
}

/**
 * Google Business Profile through the `googleapis` OAuth2 client (there is no generated client
 * for the v4 reviews API: `client.request` adds the bearer token and asks for a new one when it
 * expires). The endpoints come from configuration so tests point the real client at a local
 * server speaking Google's wire format. Calls are not retried here: jobs retry what throws.
 */
export class GoogleBusinessSdk implements GoogleBusinessProvider {
  constructor(private readonly options: GoogleBusinessSdkOptions) {}

  private client(): OAuth2Client {
    return new google.auth.OAuth2({
      clientId: this.options.clientId,
      clientSecret: this.options.clientSecret,
      redirectUri: this.options.redirectUrl(),
      endpoints: { oauth2AuthBaseUrl: this.options.authUrl, oauth2TokenUrl: this.options.tokenUrl },
      transporterOptions: { timeout: this.options.timeoutMs, retry: false },
    });
  }

  consentUrl(state: string): string {
    return this.client().generateAuthUrl({ scope: [BUSINESS_MANAGE_SCOPE], access_type: 'offline', prompt: 'consent', state, include_granted_scopes: true });
  }

  async exchangeCode(code: string): Promise<GoogleTokens & { refreshToken: string }> {
    const { tokens } = await classified(() => this.client().getToken(code), 'the authorization code exchange');
    if (!tokens.refresh_token || !tokens.access_token) throw new GoogleApiFailure('refused', 'Google answered the code exchange without a refresh token');
    return { refreshToken: tokens.refresh_token, accessToken: tokens.access_token, expiresAt: expiry(tokens.expiry_date) };
  }

  async refresh(refreshToken: string): Promise<GoogleTokens> {
    const client = this.client();
    client.setCredentials({ refresh_token: refreshToken });
    const { credentials } = await classified(() => client.refreshAccessToken(), 'the access token refresh');
    if (!credentials.access_token) throw new GoogleApiFailure('refused', 'Google answered the refresh without an access token');
    return { accessToken: credentials.access_token, expiresAt: expiry(credentials.expiry_date) };
  }

  session(accessToken: () => Promise<GoogleTokens>): GoogleBusinessSession {
    const client = this.client();
    // No refresh token in this client: whenever its access token is missing or expiring it asks
    // the handler, which refreshes once across instances and stores the result.
    client.refreshHandler = async () => {
      const tokens = await accessToken();
      return { access_token: tokens.accessToken, expiry_date: tokens.expiresAt.getTime() };
    };
    const roots = this.options.apiRoots;
    const request = async <T>(what: string, options: { url: string; method?: 'GET' | 'PUT'; params?: Record<string, unknown>; data?: unknown }): Promise<T> => {
      const response = await classified(() => client.request<T>({ ...options, method: options.method ?? 'GET', retry: false, timeout: this.options.timeoutMs }), what);
      return response.data;
    };
    return {
      async listAccounts(): Promise<GoogleAccount[]> {
        const accounts: GoogleAccount[] = [];
        let pageToken: string | undefined;
        for (let page = 0; page < MAX_LISTING_PAGES; page += 1) {
          const data = await request<{ accounts?: Array<{ name?: string; accountName?: string }>; nextPageToken?: string }>('the accounts list', {
            url: `${roots.accountManagement}/v1/accounts`,
            params: pageToken ? { pageToken } : {},
          });
          for (const account of data.accounts ?? []) if (account.name) accounts.push({ name: account.name, displayName: account.accountName ?? account.name });
          pageToken = data.nextPageToken || undefined;
          if (!pageToken) break;
        }
        return accounts;
      },
      async listLocations(accountName: string): Promise<GoogleLocation[]> {
        const locations: GoogleLocation[] = [];
        let pageToken: string | undefined;
        for (let page = 0; page < MAX_LISTING_PAGES; page += 1) {
          const data = await request<{ locations?: Array<{ name?: string; title?: string; metadata?: { newReviewUri?: string } }>; nextPageToken?: string }>('the locations list', {
            url: `${roots.businessInformation}/v1/${accountName}/locations`,
            params: { readMask: 'name,title,metadata', pageSize: 100, ...(pageToken ? { pageToken } : {}) },
          });
          for (const location of data.locations ?? []) {
            if (!location.name) continue;
            // Business Information names a location `locations/L`; the v4 reviews API wants it under its account.
            const name = location.name.startsWith('accounts/') ? location.name : `${accountName}/${location.name}`;
            locations.push({ name, title: location.title ?? name, reviewLink: location.metadata?.newReviewUri ?? null });
          }
          pageToken = data.nextPageToken || undefined;
          if (!pageToken) break;
        }
        return locations;
      },
      async listReviews(locationName: string, pageToken: string | null): Promise<GoogleReviewsPage> {
        const data = await request<{ reviews?: GoogleReview[]; nextPageToken?: string }>('the reviews list', {
          url: `${roots.reviews}/v4/${locationName}/reviews`,
          params: { pageSize: REVIEWS_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) },
        });
        return { reviews: data.reviews ?? [], nextPageToken: data.nextPageToken || null };
      },
      async getReview(reviewName: string): Promise<GoogleReview | null> {
        try {
          return await request<GoogleReview>('the review', { url: `${roots.reviews}/v4/${reviewName}` });
        } catch (error) {
          if (error instanceof GoogleApiFailure && error.kind === 'not-found') return null;
          throw error;
        }
      },
      async putReply(reviewName: string, comment: string): Promise<'posted' | 'gone'> {
        try {
          await request('the reply', { url: `${roots.reviews}/v4/${reviewName}/reply`, method: 'PUT', data: { comment } });
          return 'posted';
        } catch (error) {
          if (error instanceof GoogleApiFailure && error.kind === 'not-found') return 'gone';
          throw error;
        }
      },
    };
  }
}

function expiry(expiryDate: number | null | undefined): Date {
  // Google's tokens live an hour; a token without an expiry is treated as one that is about to end.
  return new Date(expiryDate ?? Date.now());
}

/** Runs a call to Google and turns its failure into a GoogleApiFailure that names no token. */
async function classified<T>(call: () => Promise<T>, what: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GoogleApiFailure) throw error;
    const response = (error as { response?: unknown }).response as { status?: number; data?: unknown } | undefined;
    const status = response?.status ?? null;
    const body = response?.data as { error?: unknown; error_description?: unknown } | undefined;
    if (body?.error === 'invalid_grant') throw new GoogleApiFailure('invalid-grant', `Google refused ${what}: the grant is no longer valid (invalid_grant)`, status);
    if (status === 404) throw new GoogleApiFailure('not-found', `Google has no such resource (${what})`, status);
    if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429) {
      const code = typeof body?.error === 'string' ? body.error : ((body?.error as { status?: string } | undefined)?.status ?? String(status));
      throw new GoogleApiFailure('refused', `Google refused ${what} (${code})`, status);
    }
    throw new GoogleApiFailure('unavailable', status ? `Google answered ${what} with ${status}` : `Google did not answer ${what}: ${(error as Error).message}`.slice(0, 300), status);
  }
}
