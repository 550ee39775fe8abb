import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type http from 'node:http';
import { SignJWT } from 'jose';
import { FakeHttpServer, httpRequest, sendJson, type FakeRequest, type HttpReply } from './fake-http-server';

/**
 * A stand-in for Google that speaks the wire formats the real `googleapis` OAuth2 client and
 * google-auth-library use: the OAuth token endpoint (authorization_code and refresh_token
 * grants, form-encoded, `{"error":"invalid_grant"}` with 400 when the grant is dead), the
 * Business Profile account and location lists, the v4 reviews API (list with pageSize and
 * pageToken, get, PUT and DELETE reply; `{error:{code,status}}` bodies), and the PEM
 * certificates Google signs OIDC tokens with. It also plays Pub/Sub: `signIdToken` signs an
 * OIDC token with the key it publishes, and `push` POSTs a notification with one.
 */

export const FAKE_GOOGLE_CLIENT_ID = 'fake-client-id.apps.googleusercontent.test';
export const FAKE_GOOGLE_CLIENT_SECRET = 'fake-google-client-secret';
export const PUSH_AUDIENCE = 'https://hibachi.example.test/webhooks/google';
export const PUSH_SERVICE_ACCOUNT = 'reviews-push@hibachi-test.iam.gserviceaccount.com';

export interface FakeReview {
  name: string;
  reviewId: string;
  reviewer: { displayName: string };
  starRating: 'ONE' | 'TWO' | 'THREE' | 'FOUR' | 'FIVE';
  comment?: string;
  createTime: string;
  updateTime: string;
  reviewReply?: { comment: string; updateTime: string };
}

export interface FakeLocation {
  /** accounts/A/locations/L */
  name: string;
  title: string;
  reviews: FakeReview[];
}

export class FakeGoogle {
  accountName = 'accounts/1001';
  accountDisplayName = 'Hibachi Test Kitchen';
  readonly locations: FakeLocation[] = [];
  /** Every grant the token endpoint answered or refused, in order. */
  readonly tokenRequests: Array<{ grantType: string; answered: 'ok' | 'invalid_grant' }> = [];
  /** Every refresh token ever handed out; `revoked` ones answer invalid_grant. */
  readonly refreshTokens = new Set<string>();
  readonly accessTokens = new Set<string>();
  readonly revoked = new Set<string>();
  /** Seconds each access token lives. */
  accessTokenSeconds = 3600;
  /** While set, refresh grants wait for it (to make two refreshes meet). */
  refreshDelayMs = 0;
  private readonly codes = new Map<string, string>();
  private readonly key: { privateKey: KeyObject; kid: string };
  private readonly publicPem: string;

  private constructor(readonly http: FakeHttpServer) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.key = { privateKey, kid: randomBytes(8).toString('hex') };
    this.publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  static async start(): Promise<FakeGoogle> {
    const holder: { fake?: FakeGoogle } = {};
    const server = await FakeHttpServer.start((request, res) => holder.fake!.handle(request, res));
    holder.fake = new FakeGoogle(server);
    return holder.fake;
  }

  get url(): string {
    return this.http.url;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  env(): Record<string, string> {
    return {
      GOOGLE_CLIENT_ID: FAKE_GOOGLE_CLIENT_ID,
      GOOGLE_CLIENT_SECRET: FAKE_GOOGLE_CLIENT_SECRET,
      GOOGLE_OAUTH_AUTH_URL: `${this.url}/o/oauth2/v2/auth`,
      GOOGLE_OAUTH_TOKEN_URL: `${this.url}/token`,
      GOOGLE_API_ROOT_URL: this.url,
      GOOGLE_OIDC_CERTS_URL: `${this.url}/oauth2/v1/certs`,
      GOOGLE_PUBSUB_AUDIENCE: PUSH_AUDIENCE,
      GOOGLE_PUBSUB_SERVICE_ACCOUNT: PUSH_SERVICE_ACCOUNT,
    };
  }

  /** A location of the account, with `count` reviews (newest first, as Google lists them). */
  addLocation(id: string, title: string, count = 0): FakeLocation {
    const location: FakeLocation = { name: `${this.accountName}/locations/${id}`, title, reviews: [] };
    for (let i = 0; i < count; i += 1) this.addReview(location);
    this.locations.push(location);
    return location;
  }

  addReview(location: FakeLocation, fields: Partial<FakeReview> = {}): FakeReview {
    const reviewId = `r${location.reviews.length + 1}-${randomBytes(3).toString('hex')}`;
    const at = new Date(Date.UTC(2026, 10, 1) + location.reviews.length * 3600_000).toISOString();
    const review: FakeReview = {
      name: `${location.name}/reviews/${reviewId}`,
      reviewId,
      reviewer: { displayName: `Guest ${location.reviews.length + 1}` },
      starRating: 'FIVE',
      comment: `Wonderful party number ${location.reviews.length + 1}`,
      createTime: at,
      updateTime: at,
      ...fields,
    };
    location.reviews.unshift(review);
    return review;
  }

  /** Plays the admin granting consent: the code Google would put on the redirect. */
  grantConsent(): string {
    const code = `4/${randomBytes(12).toString('base64url')}`;
    this.codes.set(code, `1//${randomBytes(24).toString('base64url')}`);
    return code;
  }

  /** The refresh tokens given out for a code, as Google would store them. */
  revokeAll(): void {
    for (const token of this.refreshTokens) this.revoked.add(token);
  }

  refreshCount(): number {
    return this.tokenRequests.filter((request) => request.grantType === 'refresh_token').length;
  }

  /** Requests to the API (not the token endpoint or the certificates), optionally under a path. */
  apiRequests(pathPrefix = '/v'): Array<{ method: string; url: string; authorization: string | undefined; body: any }> {
    return this.http.requests
      .filter((request) => request.url.startsWith(pathPrefix))
      .map((request) => ({ method: request.method, url: request.url, authorization: request.headers.authorization, body: request.body }));
  }

  /** An OIDC token as Google signs one for a Pub/Sub push (RS256, the key in /oauth2/v1/certs). */
  async signIdToken(claims: Partial<{ aud: string; email: string; email_verified: boolean; iss: string; expSeconds: number }> = {}, key: KeyObject = this.key.privateKey): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ email: claims.email ?? PUSH_SERVICE_ACCOUNT, email_verified: claims.email_verified ?? true })
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? 'https://accounts.google.com')
      .setAudience(claims.aud ?? PUSH_AUDIENCE)
      .setSubject('112233445566778899')
      .setIssuedAt(now)
      .setExpirationTime(now + (claims.expSeconds ?? 3600))
      .sign(key);
  }

  /** A Pub/Sub push of a Business Profile notification to our server, with `authorization` as given. */
  push(serverUrl: string, notification: Record<string, unknown>, authorization: string | null, messageId = randomBytes(6).toString('hex')): Promise<HttpReply> {
    const body = JSON.stringify({
      message: { data: Buffer.from(JSON.stringify(notification)).toString('base64'), messageId, message_id: messageId, publishTime: new Date().toISOString(), attributes: {} },
      subscription: 'projects/hibachi-test/subscriptions/reviews-push',
    });
    return httpRequest('POST', `${serverUrl}/webhooks/google`, { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body);
  }

  private location(name: string): FakeLocation | undefined {
    return this.locations.find((location) => location.name === name);
  }

  private async handle({ req, method, url, raw }: FakeRequest, res: http.ServerResponse): Promise<void> {
    const path = url.pathname;
    if (method === 'POST' && path === '/token') return this.token(new URLSearchParams(raw), res);
    // Google's consent page, played as an admin who agrees at once: back to the app with a code and the state.
    if (method === 'GET' && path === '/o/oauth2/v2/auth') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', this.grantConsent());
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      res.end();
      return;
    }
    if (method === 'GET' && path === '/oauth2/v1/certs') return sendJson(res, 200, { [this.key.kid]: this.publicPem }, { 'cache-control': 'public, max-age=60' });

    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !this.accessTokens.has(bearer)) {
      return sendJson(res, 401, { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } });
    }

    if (method === 'GET' && path === '/v1/accounts') {
      return sendJson(res, 200, { accounts: [{ name: this.accountName, accountName: this.accountDisplayName, type: 'PERSONAL' }] });
    }
    const locations = /^\/v1\/(accounts\/[^/]+)\/locations$/.exec(path);
    if (method === 'GET' && locations) {
      if (url.searchParams.get('readMask') === null) return notFoundOr400(res, 400, 'readMask is required');
      const mine = this.locations.filter((location) => location.name.startsWith(`${locations[1]}/`));
      return sendJson(res, 200, { locations: mine.map((location) => ({ name: location.name.slice(locations[1].length + 1), title: location.title, metadata: { newReviewUri: reviewLinkOf(location) } })) });
    }
    const list = /^\/v4\/(accounts\/[^/]+\/locations\/[^/]+)\/reviews$/.exec(path);
    if (method === 'GET' && list) {
      const location = this.location(list[1]);
      if (!location) return notFoundOr400(res, 404, 'Requested entity was not found.');
      const pageSize = Math.min(Number(url.searchParams.get('pageSize') ?? 50) || 50, 50);
      const start = Number(url.searchParams.get('pageToken') ?? 0) || 0;
      const page = location.reviews.slice(start, start + pageSize);
      const next = start + pageSize < location.reviews.length ? String(start + pageSize) : undefined;
      return sendJson(res, 200, { reviews: page, averageRating: 4.8, totalReviewCount: location.reviews.length, ...(next ? { nextPageToken: next } : {}) });
    }
    const one = /^\/v4\/(accounts\/[^/]+\/locations\/[^/]+)\/reviews\/([^/]+)(\/reply)?$/.exec(path);
    if (one) {
      const review = this.location(one[1])?.reviews.find((candidate) => candidate.name === `${one[1]}/reviews/${one[2]}`);
      if (!review) return notFoundOr400(res, 404, 'Requested entity was not found.');
      if (!one[3] && method === 'GET') return sendJson(res, 200, review);
      if (one[3] && method === 'PUT') {
        const comment = (JSON.parse(raw || '{}') as { comment?: unknown }).comment;
        if (typeof comment !== 'string' || comment.length === 0 || comment.length > 4096) return notFoundOr400(res, 400, 'Request contains an invalid argument.');
        review.reviewReply = { comment, updateTime: new Date().toISOString() };
        return sendJson(res, 200, review.reviewReply);
      }
      if (one[3] && method === 'DELETE') {
        delete review.reviewReply;
        return sendJson(res, 200, {});
      }
    }
    notFoundOr400(res, 404, `No route for ${method} ${path}`);
  }

  private async token(form: URLSearchParams, res: http.ServerResponse): Promise<void> {
    if (form.get('client_id') !== FAKE_GOOGLE_CLIENT_ID || form.get('client_secret') !== FAKE_GOOGLE_CLIENT_SECRET) {
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    }
    const grantType = form.get('grant_type') ?? '';
    const issue = () => {
      const accessToken = `ya29.${randomBytes(24).toString('base64url')}`;
      this.accessTokens.add(accessToken);
      return { access_token: accessToken, expires_in: this.accessTokenSeconds, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/business.manage' };
    };
    if (grantType === 'authorization_code') {
      const refreshToken = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!refreshToken) {
        this.tokenRequests.push({ grantType, answered: 'invalid_grant' });
        return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Malformed auth code.' });
      }
      this.refreshTokens.add(refreshToken);
      this.tokenRequests.push({ grantType, answered: 'ok' });
      return sendJson(res, 200, { ...issue(), refresh_token: refreshToken });
    }
    if (grantType === 'refresh_token') {
      if (this.refreshDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.refreshDelayMs));
      const refreshToken = form.get('refresh_token') ?? '';
      if (!this.refreshTokens.has(refreshToken) || this.revoked.has(refreshToken)) {
        this.tokenRequests.push({ grantType, answered: 'invalid_grant' });
        return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      }
      this.tokenRequests.push({ grantType, answered: 'ok' });
      return sendJson(res, 200, issue());
    }
    sendJson(res, 400, { error: 'unsupported_grant_type' });
  }
}

function notFoundOr400(res: http.ServerResponse, code: 400 | 404, message: string): void {
  sendJson(res, code, { error: { code, message, status: code === 404 ? 'NOT_FOUND' : 'INVALID_ARGUMENT' } });
}

/** The link Business Information gives a location for writing a review (its metadata.newReviewUri). */
export function reviewLinkOf(location: Pick<FakeLocation, 'name'>): string {
  return `https://search.google.com/local/writereview?placeid=fake-${location.name.split('/').pop()}`;
}
