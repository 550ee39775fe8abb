import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, errorCodes, graphql, subscribe, wsClient } from './support/graphql-client';
import { startTestServer, type TestServer } from './support/test-server';
import { createTestDatabase, testRedis } from './support/test-database';

/**
 * Ending access ends it on open sockets too, on every instance: a console that signed out, a
 * revoked integrator key and a deactivated staff member lose their live connections (4403) and
 * cannot run another operation on them, wherever the change was made.
 */
let instanceA: TestServer;
let instanceB: TestServer;
let adminToken: string;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const redis = testRedis();
  instanceA = await startTestServer({ databaseUrl, redis });
  instanceB = await startTestServer({ databaseUrl, redis });
  adminToken = await instanceA.login();
});
afterAll(async () => {
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
});

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { message } } }`;
const QUEUE = `subscription { escalationRaised { id } }`;
const EXTENSIONS = `subscription { extensionUpdated { change } }`;

async function newStaffMember(email: string): Promise<{ id: string; password: string }> {
  const password = 'a long enough password 1';
  const created = await graphql(
    instanceA.url,
    `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id } userErrors { message } } }`,
    { input: { email, password, role: 'STAFF', displayName: 'Sam Staff' } },
    adminToken,
  );
  expect(created.data!.createStaffUser.userErrors).toEqual([]);
  return { id: created.data!.createStaffUser.staffUser.id, password };
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await graphql(url, LOGIN, { input: { email, password } });
  expect(response.data!.login.userErrors).toEqual([]);
  return response.data!.login.token;
}

/** A socket on `url` with a live subscription (by default the escalation queue). */
async function liveSocket(url: string, token: string, subscription = QUEUE) {
  const socket = wsClient(url, `Bearer ${token}`);
  await connected(socket.client);
  const events = subscribe(socket.client, subscription);
  return { ...socket, events };
}

describe('signing out', () => {
  it('closes the session’s sockets on the other instance with 4403, and the token opens no new one', async () => {
    const token = await signIn(instanceA.url, 'signs-out@example.test', (await newStaffMember('signs-out@example.test')).password);
    const onB = await liveSocket(instanceB.url, token);
    const other = await liveSocket(instanceB.url, adminToken); // someone else's session stays

    const loggedOut = await graphql(instanceA.url, `mutation { logout { ok } }`, {}, token);
    expect(loggedOut.data!.logout.ok).toBe(true);

    expect(await onB.closed).toBe(4403);
    expect(await wsClient(instanceB.url, `Bearer ${token}`).closed).toBe(4403);
    const stillThere = subscribe(other.client, `{ me { email } }`);
    expect((await stillThere.next()).me.email).toBe('admin@example.test');
    await other.client.dispose();
  });
});

describe('every operation on a socket', () => {
  it('checks its principal again: a session ended without notice refuses the next operation and closes the socket', async () => {
    const token = await signIn(instanceA.url, 'ended-quietly@example.test', (await newStaffMember('ended-quietly@example.test')).password);
    const socket = await liveSocket(instanceA.url, token);
    // Ended straight in the database, as an expiry would: no event tells the instance.
    const db = new pg.Client({ connectionString: instanceA.databaseUrl });
    await db.connect();
    await db.query(`DELETE FROM staff_session WHERE staff_user_id = (SELECT id FROM staff_user WHERE email = 'ended-quietly@example.test')`);
    await db.end();

    const me = subscribe(socket.client, `{ me { email } }`);
    expect(await socket.closed).toBe(4403);
    expect(me.pending).toEqual([]);
  });
});

describe('revoking an API key', () => {
  it('closes its sockets on every instance with 4403, and the key stops working over HTTP', async () => {
    const created = await graphql(
      instanceA.url,
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
      { input: { name: 'Dashboard', scopes: ['EXTENSIONS_READ'] } },
      adminToken,
    );
    const { secret, apiKey } = created.data!.createApiKey;
    const onB = await liveSocket(instanceB.url, secret, EXTENSIONS);

    const revoked = await graphql(instanceA.url, `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } userErrors { message } } }`, { id: apiKey.id }, adminToken);
    expect(revoked.data!.revokeApiKey).toEqual({ apiKey: { id: apiKey.id, revokedAt: expect.any(String) }, userErrors: [] });

    expect(await onB.closed).toBe(4403);
    expect(errorCodes(await graphql(instanceB.url, `{ extensions(first: 1) { totalCount } }`, {}, secret))).toEqual(['UNAUTHENTICATED']);
    const again = await graphql(instanceA.url, `mutation($id: ID!) { revokeApiKey(id: $id) { userErrors { message } } }`, { id: apiKey.id }, adminToken);
    expect(again.data!.revokeApiKey.userErrors).toEqual([{ message: 'This key was already revoked.' }]);
  });
});

describe('deactivating a staff member', () => {
  it('closes all their sockets, ends their sessions and refuses their sign-in until they are reactivated', async () => {
    const email = 'leaves@example.test';
    const member = await newStaffMember(email);
    const token = await signIn(instanceA.url, email, member.password);
    const onA = await liveSocket(instanceA.url, token);
    const onB = await liveSocket(instanceB.url, token);

    const setActive = (active: boolean) =>
      graphql(instanceB.url, `mutation($id: ID!, $active: Boolean!) { setStaffUserActive(id: $id, active: $active) { staffUser { id deactivatedAt } userErrors { message } } }`, { id: member.id, active }, adminToken);
    const deactivated = await setActive(false);
    expect(deactivated.data!.setStaffUserActive).toEqual({ staffUser: { id: member.id, deactivatedAt: expect.any(String) }, userErrors: [] });

    expect(await onA.closed).toBe(4403);
    expect(await onB.closed).toBe(4403);
    expect(errorCodes(await graphql(instanceA.url, `{ me { email } }`, {}, token))).toEqual(['UNAUTHENTICATED']);
    const refused = await graphql(instanceA.url, LOGIN, { input: { email, password: member.password } });
    expect(refused.data!.login.userErrors).toEqual([{ message: 'This account has been deactivated. Ask an administrator to restore it.' }]);

    expect((await setActive(true)).data!.setStaffUserActive.userErrors).toEqual([]);
    await signIn(instanceA.url, email, member.password);
  });

  it('refuses to deactivate the signed-in admin themselves', async () => {
    const me = (await graphql(instanceA.url, `{ me { id } }`, {}, adminToken)).data!.me.id;
    const response = await graphql(instanceA.url, `mutation($id: ID!) { setStaffUserActive(id: $id, active: false) { userErrors { message } } }`, { id: me }, adminToken);
    expect(response.data!.setStaffUserActive.userErrors).toEqual([{ message: 'You cannot deactivate your own account. Ask another administrator.' }]);
  });
});
