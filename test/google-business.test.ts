import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GoogleBusinessSdk } from '../server/src/providers/google/google-business.sdk';
import { FAKE_GOOGLE_CLIENT_ID, FAKE_GOOGLE_CLIENT_SECRET, FakeGoogle, reviewLinkOf, type FakeLocation } from './support/fake-google-business-server';
import { httpRequest } from './support/fake-http-server';
import { eventually, startApp, type App } from './support/fixtures';
import { graphql } from './support/graphql-client';

/**
 * The Google Business Profile connection: the real server runs the real `googleapis` OAuth2
 * client and google-auth-library against a local server speaking Google's wire formats, and
 * Pub/Sub pushes carry OIDC tokens this test signs. The reviews module is not part of this
 * server yet, so the tests read what the connection did from Google's side (the requests the
 * fake received), the connection's state and the counts syncReviews answers.
 */

let fake: FakeGoogle;
let app: App;

beforeAll(async () => {
  fake = await FakeGoogle.start();
  app = await startApp({
    extension101: false,
    env: { ...fake.env(), BANK_TOKEN_KEYS: `k1:${randomBytes(32).toString('base64')}`, LOG_LEVEL: 'debug', JOB_RETRY_DELAY_SECONDS: '1', PROVIDER_TIMEOUT_SECONDS: '5', JOB_TIMEOUT_SECONDS: '20' },
  });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const CONNECTION = 'configured state message accountName locationTitle locationName reviewLink lastSyncedAt lastSync { added updated unchanged deleted } lastSyncError';
const GOOGLE_CONNECTION = `query { googleConnection { ${CONNECTION} } }`;
const CONNECT = `mutation { connectGoogle { consentUrl userErrors { field message code } } }`;
const SYNC = `mutation { syncReviews { connection { ${CONNECTION} } synced { listed pages added updated unchanged deleted } userErrors { field message code } } }`;
const LOCATIONS = `query { googleLocations { name title accountName } }`;
const SELECT = `mutation($name: String!) { selectGoogleLocation(locationName: $name) { connection { ${CONNECTION} } userErrors { field message code } } }`;
const OPEN_ALERTS = `query { alerts(open: true, kind: "GOOGLE_NEEDS_RECONSENT") { edges { node { kind message } } } }`;

async function call(query: string, variables: Record<string, unknown> = {}) {
  const response = await graphql(app.server.url, query, variables, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const connection = async () => (await call(GOOGLE_CONNECTION)).googleConnection;

/** The consent URL's state and redirect, as the browser would follow them. */
async function consent(): Promise<{ url: URL; state: string; redirect: string }> {
  const { connectGoogle } = await call(CONNECT);
  expect(connectGoogle.userErrors).toEqual([]);
  const url = new URL(connectGoogle.consentUrl);
  return { url, state: url.searchParams.get('state')!, redirect: url.searchParams.get('redirect_uri')! };
}

function callback(redirect: string, params: Record<string, string>, accept = 'application/json') {
  const url = new URL(redirect);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return httpRequest('GET', url.toString(), { accept }, '');
}

/** Sets the fake's locations (each with its reviews) and connects through consent. */
async function connect(locations: FakeLocation[]): Promise<void> {
  fake.locations.splice(0, fake.locations.length, ...locations);
  const { state, redirect } = await consent();
  const answer = await callback(redirect, { state, code: fake.grantConsent() });
  expect(answer.status).toBe(200);
}

/** Connected to one location with `count` reviews, its first sync done. */
async function connectedWith(count: number): Promise<FakeLocation> {
  const location = newLocation('Hibachi Vacaville', count);
  await connect([location]);
  await eventually('the first sync after connecting', async () => (await connection()).lastSyncedAt !== null);
  return location;
}

let locationSequence = 0;
function newLocation(title: string, reviews: number): FakeLocation {
  locationSequence += 1;
  const location = fake.addLocation(String(2000 + locationSequence), title, reviews);
  fake.locations.pop();
  return location;
}

const expireStoredAccessToken = () => app.db.query(`UPDATE google_connection SET access_token_expires_at = now() - interval '1 minute'`);

beforeEach(() => {
  fake.refreshDelayMs = 0;
});

describe('connecting Google', () => {
  it('hands the admin a consent URL for business.manage with offline access, consent asked, and a state', async () => {
    const { url, state, redirect } = await consent();
    expect(`${url.origin}${url.pathname}`).toBe(`${fake.url}/o/oauth2/v2/auth`);
    expect(url.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/business.manage');
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe(FAKE_GOOGLE_CLIENT_ID);
    expect(redirect).toBe(`${app.server.url}/oauth/google/callback`);
    expect(state).toMatch(/^hbg_[A-Za-z0-9_-]{40,}$/);
    // Only the state's hash is stored.
    const { rows } = await app.db.query('SELECT state_hash FROM google_oauth_state');
    expect(JSON.stringify(rows)).not.toContain(state);
  });

  it('is for admins only', async () => {
    const response = await graphql(app.server.url, CONNECT, {});
    expect(response.errors?.[0]?.extensions?.code).toBeDefined();
    expect(response.data?.connectGoogle ?? null).toBeNull();
  });

  it('refuses a forged state, a replayed one and an expired one, storing nothing and exchanging no code', async () => {
    await app.db.query('DELETE FROM google_connection');
    const grants = () => fake.tokenRequests.filter((request) => request.grantType === 'authorization_code').length;
    const { redirect } = await consent();
    const before = grants();

    const forged = await callback(redirect, { state: `hbg_${randomBytes(32).toString('base64url')}`, code: fake.grantConsent() });
    expect(forged.status).toBe(400);
    expect(JSON.parse(forged.text)).toMatchObject({ ok: false, code: 'STATE_INVALID' });
    const missing = await callback(redirect, { code: fake.grantConsent() }, 'text/html');
    expect(missing.status).toBe(400);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.text).toContain('not valid or was already used');

    const expired = await consent();
    await app.db.query(`UPDATE google_oauth_state SET expires_at = now() - interval '1 second'`);
    const late = await callback(redirect, { state: expired.state, code: fake.grantConsent() });
    expect(late.status).toBe(400);
    expect(JSON.parse(late.text)).toMatchObject({ code: 'STATE_EXPIRED' });

    expect(grants()).toBe(before);
    expect((await app.db.query('SELECT id FROM google_connection')).rows).toHaveLength(0);
    expect(await connection()).toMatchObject({ configured: true, state: 'NOT_CONNECTED' });

    // Used once: the second time the same state comes back, it is refused.
    fake.locations.splice(0, fake.locations.length, newLocation('Hibachi Vacaville', 0));
    const good = await consent();
    expect((await callback(redirect, { state: good.state, code: fake.grantConsent() })).status).toBe(200);
    const afterGood = grants();
    const replayed = await callback(redirect, { state: good.state, code: fake.grantConsent() });
    expect(replayed.status).toBe(400);
    expect(JSON.parse(replayed.text)).toMatchObject({ code: 'STATE_INVALID' });
    expect(grants()).toBe(afterGood);
  });

  it('stores the connection on the only location, its refresh token sealed, and never shows a token', async () => {
    const location = newLocation('Hibachi Vacaville', 3);
    fake.locations.splice(0, fake.locations.length, location);
    const { state, redirect } = await consent();
    const answer = await callback(redirect, { state, code: fake.grantConsent() }, 'text/html');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Google is connected');

    const view = await connection();
    // Google's link for writing a review of it: the review request after an event carries it.
    expect(view).toMatchObject({ configured: true, state: 'CONNECTED', accountName: fake.accountDisplayName, locationTitle: 'Hibachi Vacaville', locationName: location.name, reviewLink: reviewLinkOf(location) });
    const refreshToken = [...fake.refreshTokens].at(-1)!;
    const { rows } = await app.db.query('SELECT * FROM google_connection');
    expect(rows).toHaveLength(1);
    expect(rows[0].refresh_token_key_id).toBe('k1');
    expect(Buffer.from(rows[0].refresh_token_sealed).toString('latin1')).not.toContain(refreshToken);
    expect(JSON.stringify(rows[0])).not.toContain(refreshToken);
    for (const token of fake.accessTokens) expect(JSON.stringify(rows[0])).not.toContain(token);

    await eventually('the first sync', async () => (await connection()).lastSyncedAt !== null);
    expect(app.server.output()).not.toContain(refreshToken);
    for (const token of fake.accessTokens) expect(app.server.output()).not.toContain(token);
  });

  it('asks the admin to pick when the account has several locations, and refuses one it does not have', async () => {
    const north = newLocation('Hibachi North', 1);
    const south = newLocation('Hibachi South', 2);
    await connect([north, south]);
    expect(await connection()).toMatchObject({ state: 'NEEDS_LOCATION', locationName: null, reviewLink: null });
    const { googleLocations } = await call(LOCATIONS);
    expect(googleLocations).toEqual([
      { name: north.name, title: 'Hibachi North', accountName: fake.accountDisplayName },
      { name: south.name, title: 'Hibachi South', accountName: fake.accountDisplayName },
    ]);
    const { syncReviews: early } = await call(SYNC);
    expect(early.userErrors).toEqual([expect.objectContaining({ code: 'NEEDS_LOCATION' })]);

    const { selectGoogleLocation: wrong } = await call(SELECT, { name: `${fake.accountName}/locations/999` });
    expect(wrong.userErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_LOCATION', field: 'locationName' })]);
    const { selectGoogleLocation: picked } = await call(SELECT, { name: south.name });
    expect(picked.userErrors).toEqual([]);
    expect(picked.connection).toMatchObject({ state: 'CONNECTED', locationTitle: 'Hibachi South', locationName: south.name, reviewLink: reviewLinkOf(south) });
    await eventually('the sync of the picked location', async () => fake.apiRequests(`/v4/${south.name}/reviews`).length > 0);
  });
});

describe('disconnecting Google', () => {
  it('forgets the connection and its tokens; a sync then says Google is not connected', async () => {
    await connectedWith(1);
    const { disconnectGoogle } = await call(`mutation { disconnectGoogle { connection { state } userErrors { code } } }`);
    expect(disconnectGoogle).toEqual({ connection: { state: 'NOT_CONNECTED' }, userErrors: [] });
    expect((await app.db.query('SELECT id FROM google_connection')).rows).toEqual([]);
    const { syncReviews } = await call(SYNC);
    expect(syncReviews.userErrors).toEqual([expect.objectContaining({ code: 'NOT_CONNECTED' })]);
  });
});

describe('syncing reviews', () => {
  it('reads every page, 50 at a time, and a second sync reads the same', async () => {
    const location = await connectedWith(120);
    const listings = () => fake.apiRequests(`/v4/${location.name}/reviews?`);
    const before = listings().length;
    const { syncReviews: first } = await call(SYNC);
    expect(first.userErrors).toEqual([]);
    expect(first.synced).toMatchObject({ listed: 120, pages: 3 });
    const pages = listings().slice(before).map((request) => new URL(request.url, fake.url).searchParams);
    expect(pages.map((params) => [params.get('pageSize'), params.get('pageToken')])).toEqual([
      ['50', null],
      ['50', '50'],
      ['50', '100'],
    ]);
    const { syncReviews: second } = await call(SYNC);
    expect(second.synced).toMatchObject({ listed: 120, pages: 3 });
    expect(second.connection.lastSyncError).toBeNull();
  });

  it('refreshes an expired access token once, even for two syncs at the same time, and both use it', async () => {
    const location = await connectedWith(60);
    await expireStoredAccessToken();
    fake.refreshDelayMs = 300;
    const refreshesBefore = fake.refreshCount();
    const before = fake.apiRequests(`/v4/${location.name}/reviews?`).length;
    const [one, two] = await Promise.all([call(SYNC), call(SYNC)]);
    expect(one.syncReviews.userErrors).toEqual([]);
    expect(two.syncReviews.userErrors).toEqual([]);
    expect(fake.refreshCount() - refreshesBefore).toBe(1);
    const used = new Set(fake.apiRequests(`/v4/${location.name}/reviews?`).slice(before).map((request) => request.authorization));
    expect(used.size).toBe(1);
  });

  it('drops an access token Google stops accepting before its expiry, and the next sync refreshes it', async () => {
    await connectedWith(3);
    fake.accessTokens.clear();
    const refreshesBefore = fake.refreshCount();
    const { syncReviews: refused } = await call(SYNC);
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'SYNC_FAILED', message: expect.stringContaining('Try Sync now again') })]);
    expect(fake.refreshCount()).toBe(refreshesBefore);
    const { syncReviews: again } = await call(SYNC);
    expect(again.userErrors).toEqual([]);
    expect(again.synced).toMatchObject({ listed: 3, pages: 1 });
    expect(fake.refreshCount() - refreshesBefore).toBe(1);
  });

  it('turns a revoked grant into NEEDS_RECONSENT with an alert, and stops asking Google until an admin connects again', async () => {
    const location = await connectedWith(5);
    fake.revokeAll();
    await expireStoredAccessToken();
    const refreshesBefore = fake.refreshCount();

    const { syncReviews } = await call(SYNC);
    expect(syncReviews.synced).toBeNull();
    expect(syncReviews.userErrors).toEqual([expect.objectContaining({ code: 'NEEDS_RECONSENT' })]);
    expect(await connection()).toMatchObject({ state: 'NEEDS_RECONSENT', message: expect.stringContaining('Connect Google again') });
    const { alerts } = await call(OPEN_ALERTS);
    expect(alerts.edges).toEqual([{ node: { kind: 'GOOGLE_NEEDS_RECONSENT', message: expect.stringContaining('Connect Google') } }]);
    expect(fake.refreshCount() - refreshesBefore).toBe(1);

    // Another sync and a push find the connection waiting: no call to Google's token endpoint.
    const { syncReviews: again } = await call(SYNC);
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'NEEDS_RECONSENT' })]);
    const review = fake.addReview(location);
    const pushed = await fake.push(app.server.url, { type: 'NEW_REVIEW', review: review.name, location: location.name }, `Bearer ${await fake.signIdToken()}`);
    expect(pushed.status).toBe(200);
    await eventually('the push to be applied', async () => {
      const { rows } = await app.db.query(`SELECT status FROM webhook_event WHERE provider = 'google' ORDER BY received_at DESC LIMIT 1`);
      return rows[0]?.status === 'APPLIED';
    });
    expect(fake.refreshCount() - refreshesBefore).toBe(1);
    for (const token of fake.refreshTokens) expect(app.server.output()).not.toContain(token);

    // Consent again: connected, the alert closed.
    await connect([location]);
    expect(await connection()).toMatchObject({ state: 'CONNECTED' });
    expect((await call(OPEN_ALERTS)).alerts.edges).toEqual([]);
  });
});

describe('Pub/Sub pushes', () => {
  it('fetches the review a push with a valid OIDC token names', async () => {
    const location = await connectedWith(2);
    const review = fake.addReview(location, { comment: 'Fresh off the grill' });
    const pushed = await fake.push(app.server.url, { type: 'NEW_REVIEW', review: review.name, location: location.name }, `Bearer ${await fake.signIdToken()}`);
    expect(pushed.status).toBe(200);
    await eventually('the review to be fetched', async () => fake.apiRequests(`/v4/${review.name}`).some((request) => request.method === 'GET'));
    const updated = await fake.push(app.server.url, { type: 'UPDATED_REVIEW', review: review.name, location: location.name }, `Bearer ${await fake.signIdToken()}`);
    expect(updated.status).toBe(200);
    await eventually('the edited review to be fetched', async () => fake.apiRequests(`/v4/${review.name}`).filter((request) => request.method === 'GET').length >= 2);
  });

  it('acknowledges notifications that are not about reviews and does nothing with them', async () => {
    const pushed = await fake.push(app.server.url, { type: 'NEW_QUESTION', question: 'accounts/1/locations/2/questions/3' }, `Bearer ${await fake.signIdToken()}`);
    expect(pushed.status).toBe(200);
    expect(JSON.parse(pushed.text)).toMatchObject({ received: 1 });
  });

  it('refuses a push without a token, or with one forged, for another audience, or from another account', async () => {
    const location = await connectedWith(1);
    const review = fake.addReview(location);
    const notification = { type: 'NEW_REVIEW', review: review.name, location: location.name };
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

    expect((await fake.push(app.server.url, notification, null)).status).toBe(401);
    expect((await fake.push(app.server.url, notification, 'Basic abc')).status).toBe(401);
    const refused = [
      await fake.signIdToken({}, stranger),
      await fake.signIdToken({ aud: 'https://someone-else.example/push' }),
      await fake.signIdToken({ email: 'intruder@evil-project.iam.gserviceaccount.com' }),
      await fake.signIdToken({ email_verified: false }),
      await fake.signIdToken({ iss: 'https://evil.example' }),
      await fake.signIdToken({ expSeconds: -600 }),
    ];
    for (const token of refused) expect((await fake.push(app.server.url, notification, `Bearer ${token}`)).status).toBe(403);
    expect(fake.apiRequests(`/v4/${review.name}`)).toEqual([]);
  });
});

describe('posting replies (the Google client against the fake)', () => {
  // The reviews module calls the poster; until it is part of the server, the same client the
  // poster uses is driven here directly, on the wire.
  const sdk = () =>
    new GoogleBusinessSdk({
      clientId: FAKE_GOOGLE_CLIENT_ID,
      clientSecret: FAKE_GOOGLE_CLIENT_SECRET,
      redirectUrl: () => 'http://127.0.0.1/oauth/google/callback',
      authUrl: `${fake.url}/o/oauth2/v2/auth`,
      tokenUrl: `${fake.url}/token`,
      apiRoots: { accountManagement: fake.url, businessInformation: fake.url, reviews: fake.url },
      timeoutMs: 5000,
    });

  it('PUTs the reply text, answers gone for a deleted review, and invalid_grant for a revoked token', async () => {
    const location = newLocation('Hibachi Reply Test', 1);
    fake.locations.push(location);
    const [review] = location.reviews;
    const tokens = await sdk().exchangeCode(fake.grantConsent());
    const session = sdk().session(async () => tokens);

    expect(await session.putReply(review.name, 'Thank you for celebrating with us!')).toBe('posted');
    const [put] = fake.apiRequests(`/v4/${review.name}/reply`);
    expect(put).toMatchObject({ method: 'PUT', body: { comment: 'Thank you for celebrating with us!' }, authorization: `Bearer ${tokens.accessToken}` });
    expect(review.reviewReply?.comment).toBe('Thank you for celebrating with us!');

    location.reviews.splice(0, 1);
    expect(await session.putReply(review.name, 'Thanks again')).toBe('gone');

    fake.revokeAll();
    await expect(sdk().refresh(tokens.refreshToken)).rejects.toMatchObject({ kind: 'invalid-grant' });
  });
});

describe('without Google credentials', () => {
  let plain: App;
  beforeAll(async () => {
    plain = await startApp({ extension101: false });
  }, 120_000);
  afterAll(async () => {
    await plain?.stop();
  });

  it('says Google is not configured, offers no consent, and takes no callback or push', async () => {
    const view = await graphql(plain.server.url, GOOGLE_CONNECTION, {}, plain.adminToken);
    expect(view.data!.googleConnection).toMatchObject({ configured: false, state: 'NOT_CONNECTED', message: expect.stringContaining('Google is not configured') });
    const connect = await graphql(plain.server.url, CONNECT, {}, plain.adminToken);
    expect(connect.data!.connectGoogle).toEqual({ consentUrl: null, userErrors: [expect.objectContaining({ code: 'GOOGLE_NOT_CONFIGURED' })] });
    const sync = await graphql(plain.server.url, SYNC, {}, plain.adminToken);
    expect(sync.data!.syncReviews.userErrors).toEqual([expect.objectContaining({ code: 'GOOGLE_NOT_CONFIGURED' })]);
    const back = await httpRequest('GET', `${plain.server.url}/oauth/google/callback?state=hbg_x&code=y`, { accept: 'application/json' }, '');
    expect(back.status).toBe(404);
    const push = await httpRequest('POST', `${plain.server.url}/webhooks/google`, { 'content-type': 'application/json' }, '{}');
    expect(push.status).toBe(404);
  });
});
