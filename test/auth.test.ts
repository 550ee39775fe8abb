import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, errorCodes, graphql, subscribe, wsClient } from './support/graphql-client';
import { LOGIN, startTestServer, TEST_ADMIN, type TestServer } from './support/test-server';

const CREATE_KEY = `mutation Key($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix scopes } userErrors { field message code } } }`;
const LIST = `{ extensions { totalCount } }`;
const CREATE_EXTENSION = `mutation { createExtension(input: { number: 301, employeeName: "Key Made", role: "Ops", phone: "+15555550130" }) { extension { number } userErrors { message } } }`;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { LOGIN_MAX_FAILURES: '3', BAD_TOKEN_MAX_PER_MINUTE: '5' } });
});
afterAll(() => server?.stop());

describe('staff sign-in', () => {
  it('returns a bearer token that identifies the caller', async () => {
    const response = await graphql(server.url, LOGIN, { input: TEST_ADMIN });
    expect(response.data!.login).toMatchObject({ userErrors: [], staffUser: { email: TEST_ADMIN.email, role: 'ADMIN' } });
    const me = await graphql(server.url, `{ me { email role } }`, {}, response.data!.login.token);
    expect(me.data).toEqual({ me: { email: TEST_ADMIN.email, role: 'ADMIN' } });
  });

  it('answers a wrong password with a userError, then locks the account out after repeated failures', async () => {
    const attempt = (password: string) => graphql(server.url, LOGIN, { input: { email: 'locked@example.test', password } });
    const first = await attempt('wrong');
    expect(first.data!.login).toEqual({ token: null, staffUser: null, userErrors: [{ field: 'password', code: 'INVALID_CREDENTIALS', message: 'Email or password is incorrect.' }] });
    await attempt('wrong');
    const third = await attempt('wrong');
    expect(third.data!.login.userErrors[0]).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-ins to this account from your network. Try again in 15 minutes.' });
    const fourth = await attempt('wrong');
    expect(fourth.data!.login.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('refuses malformed login input with userErrors naming the field', async () => {
    const response = await graphql(server.url, LOGIN, { input: { email: 'not an email', password: '' } });
    expect(response.data!.login.userErrors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
  });

  it('refuses a session once it has expired', async () => {
    const token = await server.login();
    expect((await graphql(server.url, `{ me { role } }`, {}, token)).data).toEqual({ me: { role: 'ADMIN' } });
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE staff_session SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [createHash('sha256').update(token).digest('hex')]);
    } finally {
      await db.end();
    }
    expect(errorCodes(await graphql(server.url, `{ me { role } }`, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('ends a session on logout', async () => {
    const token = await server.login();
    await graphql(server.url, `mutation { logout { ok } }`, {}, token);
    expect(errorCodes(await graphql(server.url, `{ me { email } }`, {}, token))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('sign-in guessing', () => {
  /** A sign-in sent by a client at `address` through a trusted proxy (X-Forwarded-For). */
  async function loginFrom(url: string, address: string, email: string, password: string) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
    });
    const body = (await response.json()) as { data: { login: { token: string | null; userErrors: Array<{ code: string; message: string }> } } };
    return body.data.login;
  }
  const randomEmail = (i: number) => `guess-${i}-${Math.random().toString(36).slice(2)}@example.test`;

  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startTestServer({ databaseUrl: server.databaseUrl, env: { TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_MINUTE_PER_IP: '5' } });
  });
  afterAll(() => proxied?.stop());

  it('refuses 70 aliased login mutations in one request before running any, so they lock nothing', async () => {
    const aliased = `mutation { ${Array.from({ length: 70 }, (_, i) => `l${i}: login(input: { email: "${randomEmail(i)}", password: "guess" }) { token }`).join(' ')} }`;
    const response = await graphql(server.url, aliased);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(errorCodes(response).every((code) => code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    const messages = response.errors!.map((error) => error.message);
    expect(messages).toContain('This operation uses 70 aliases; the limit is 15. Split it into several requests.');
    expect(messages).toContain('This operation runs 70 mutations; the limit is 5. Send them in separate requests.');
    expect((await graphql(server.url, LOGIN, { input: TEST_ADMIN })).data!.login.token).toEqual(expect.any(String));
  });

  it('slows an address that floods sign-ins with many emails, without locking the accounts it tried', async () => {
    const flooder = '203.0.113.70';
    const answers = [];
    for (let i = 0; i < 70; i++) answers.push(await loginFrom(proxied.url, flooder, i % 10 === 0 ? TEST_ADMIN.email : randomEmail(i), 'guess'));
    const codes = answers.map((answer) => answer.userErrors[0]?.code);
    // LOGIN_MAX_FAILURES_PER_MINUTE_PER_IP is 5: the fifth wrong guess makes the address wait.
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    expect(codes.slice(4)).toEqual(Array(66).fill('TOO_MANY_ATTEMPTS'));
    expect(answers[69].userErrors[0].message).toMatch(/^Too many sign-in attempts from your network\. Try again in ([1-9]|[1-5]\d|60) seconds?\.$/);
    // The admin, one of the emails tried, signs in from anywhere else at once.
    expect((await loginFrom(proxied.url, '198.51.100.7', TEST_ADMIN.email, TEST_ADMIN.password)).token).toEqual(expect.any(String));
  });

  it('locks an account for the address that guessed wrong, not for its owner elsewhere nor for other accounts there', async () => {
    const guesser = '203.0.113.33';
    const adminToken = await proxied.login();
    const colleague = { email: 'colleague@example.test', password: 'colleague password 1234' };
    await graphql(proxied.url, `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { message } } }`, { input: { ...colleague, displayName: 'Colleague', role: 'STAFF' } }, adminToken);

    expect((await loginFrom(proxied.url, guesser, TEST_ADMIN.email, 'wrong 1')).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await loginFrom(proxied.url, guesser, TEST_ADMIN.email, 'wrong 2')).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    const third = await loginFrom(proxied.url, guesser, TEST_ADMIN.email, 'wrong 3');
    expect(third.userErrors[0]).toEqual({ field: null, code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-ins to this account from your network. Try again in 15 minutes.' });
    // Even the right password is refused for that account from that address...
    const locked = await loginFrom(proxied.url, guesser, TEST_ADMIN.email, TEST_ADMIN.password);
    expect(locked).toMatchObject({ token: null, userErrors: [{ code: 'TOO_MANY_ATTEMPTS' }] });
    // ...while its owner signs in from another address, and a colleague from the same one.
    expect((await loginFrom(proxied.url, '198.51.100.33', TEST_ADMIN.email, TEST_ADMIN.password)).token).toEqual(expect.any(String));
    expect((await loginFrom(proxied.url, guesser, colleague.email, colleague.password)).token).toEqual(expect.any(String));
  });

  // The lockout is also the window the failures are counted in: 15 s, so the two wrong sign-ins
  // fall inside it even when each takes seconds on a busy machine (at 3 s they sometimes did not).
  it('lifts the lockout once LOGIN_LOCKOUT_MINUTES have passed', { timeout: 90_000 }, async () => {
    const shortLock = await startTestServer({ databaseUrl: server.databaseUrl, env: { TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES: '2', LOGIN_LOCKOUT_MINUTES: '0.25' } });
    try {
      const address = '203.0.113.90';
      await loginFrom(shortLock.url, address, TEST_ADMIN.email, 'wrong 1');
      const second = await loginFrom(shortLock.url, address, TEST_ADMIN.email, 'wrong 2');
      expect(second.userErrors[0]).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-ins to this account from your network. Try again in 15 seconds.' });
      await expect
        .poll(async () => (await loginFrom(shortLock.url, address, TEST_ADMIN.email, TEST_ADMIN.password)).token, { timeout: 45_000, interval: 500 })
        .toEqual(expect.any(String));
    } finally {
      await shortLock.stop();
    }
  });
});

describe('credentials on every request', () => {
  it('answers a missing token with UNAUTHENTICATED and a bad one with 401', async () => {
    const anonymous = await graphql(server.url, LIST);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data).toBeNull();
    const forged = await graphql(server.url, LIST, {}, 'hbs_forged');
    expect(forged.status).toBe(401);
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
  });

  it('rate-limits an address that keeps sending bad tokens', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(...errorCodes(await graphql(server.url, LIST, {}, `hbk_guess${i}`)));
    // BAD_TOKEN_MAX_PER_MINUTE is 5 (earlier tests in this file sent a few bad tokens too).
    const firstLimited = codes.indexOf('RATE_LIMITED');
    expect(firstLimited).toBeGreaterThan(0);
    expect(firstLimited).toBeLessThan(5);
    expect(codes.slice(0, firstLimited).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(firstLimited).every((code) => code === 'RATE_LIMITED')).toBe(true);
    // A valid token from the same address still works: guessing cannot lock staff out.
    const stillWorks = await graphql(server.url, LIST, {}, await server.login());
    expect(stillWorks.errors).toBeUndefined();
    expect(typeof stillWorks.data!.extensions.totalCount).toBe('number');
  });
});

describe('integrator API keys', () => {
  it('are created by admins only, shown once, stored hashed, and limited to their scopes', async () => {
    const adminToken = await server.login();
    const created = await graphql(server.url, CREATE_KEY, { input: { name: 'Website', scopes: ['EXTENSIONS_READ'] } }, adminToken);
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret).toMatch(/^hbk_/);
    expect(apiKey).toMatchObject({ name: 'Website', scopes: ['EXTENSIONS_READ'], prefix: secret.slice(0, 12) });

    const { default: pg } = await import('pg');
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    const stored = await db.query('SELECT secret_hash FROM api_key');
    await db.end();
    expect(JSON.stringify(stored.rows)).not.toContain(secret);

    const readWithKey = await graphql(server.url, LIST, {}, secret);
    expect(readWithKey.errors).toBeUndefined();
    expect(typeof readWithKey.data!.extensions.totalCount).toBe('number');
    expect(errorCodes(await graphql(server.url, CREATE_EXTENSION, {}, secret))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graphql(server.url, CREATE_KEY, { input: { name: 'x', scopes: ['EXTENSIONS_WRITE'] } }, secret))).toEqual(['FORBIDDEN']);
    expect((await graphql(server.url, `{ me { email } }`, {}, secret)).data).toEqual({ me: null });

    const writer = (await graphql(server.url, CREATE_KEY, { input: { name: 'Ops', scopes: ['EXTENSIONS_READ', 'EXTENSIONS_WRITE'] } }, adminToken)).data!.createApiKey.secret;
    expect((await graphql(server.url, CREATE_EXTENSION, {}, writer)).data!.createExtension).toEqual({ extension: { number: 301 }, userErrors: [] });

    const noScopes = await graphql(server.url, CREATE_KEY, { input: { name: 'Empty', scopes: [] } }, adminToken);
    expect(noScopes.data!.createApiKey.userErrors).toEqual([expect.objectContaining({ field: 'scopes' })]);
  });
});

describe('WebSocket authentication', () => {
  it('closes a connection without a token, or with a bad one, with 4403', async () => {
    const anonymous = wsClient(server.url);
    expect(await anonymous.closed).toBe(4403);
    const forged = wsClient(server.url, 'Bearer hbs_forged');
    expect(await forged.closed).toBe(4403);
  });

  it('accepts connectionParams.authorization and serves subscriptions', async () => {
    const { client } = wsClient(server.url, `Bearer ${await server.login()}`);
    const events = subscribe(client, `subscription { extensionUpdated { change } }`);
    await connected(client);
    expect(events.errors).toEqual([]);
    await client.dispose();
  });
});

describe('the client address behind a proxy (TRUST_PROXY)', () => {
  /** Bad tokens from `addresses` in turn, each claiming its address in X-Forwarded-For; the error codes in order. */
  async function badTokensFrom(url: string, addresses: string[]): Promise<string[]> {
    const codes: string[] = [];
    for (const [i, address] of addresses.entries()) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer hbk_guess${i}`, 'x-forwarded-for': address },
        body: JSON.stringify({ query: LIST }),
      });
      codes.push(...((await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors!.map((error) => String(error.extensions?.code)));
    }
    return codes;
  }
  const rotating = Array.from({ length: 6 }, (_, i) => `203.0.113.${i + 1}`);

  it('ignores X-Forwarded-For by default: a client cannot rotate its address past a limit', async () => {
    const direct = await startTestServer({ databaseUrl: server.databaseUrl, env: { BAD_TOKEN_MAX_PER_MINUTE: '3' } });
    try {
      expect(await badTokensFrom(direct.url, rotating)).toContain('RATE_LIMITED');
    } finally {
      await direct.stop();
    }
  });

  it('reads X-Forwarded-For from a configured proxy, so each client behind it has its own limit', async () => {
    const proxied = await startTestServer({ databaseUrl: server.databaseUrl, env: { BAD_TOKEN_MAX_PER_MINUTE: '3', TRUST_PROXY: 'loopback' } });
    try {
      expect(await badTokensFrom(proxied.url, rotating)).toEqual(rotating.map(() => 'UNAUTHENTICATED'));
    } finally {
      await proxied.stop();
    }
  });
});
