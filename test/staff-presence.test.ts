import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, createExtension, customerAskingForAPerson, eventually, setExtensionStatus } from './support/fixtures';
import { connected, graphql, wsClient } from './support/graphql-client';
import { createTestDatabase, testRedis } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Staff logins managed by admins (invited with a one-time set-password link or given a
 * password, a role, a linked extension, deactivated but never deleted), and presence tied to the
 * linked extension: signing in makes it available, the away toggle takes it out and back, and a
 * console closed for the grace period (no socket on any of two instances sharing Redis) takes
 * it offline. Two real server processes, one database.
 */

let instanceA: TestServer;
let instanceB: TestServer;
let db: pg.Client;
let adminToken: string;

const STAFF_USER_FIELDS = 'id email displayName role hasPassword deactivatedAt extension { id number status }';
const CREATE_STAFF = `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { ${STAFF_USER_FIELDS} } passwordLink { path expiresAt } userErrors { field message code } } }`;
const UPDATE_STAFF = `mutation($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { staffUser { ${STAFF_USER_FIELDS} } userErrors { field message code } } }`;
const SET_PASSWORD = `mutation($input: SetPasswordWithLinkInput!) { setPasswordWithLink(input: $input) { email userErrors { field message code } } }`;
const NEW_LINK = `mutation($id: ID!) { createStaffPasswordLink(id: $id) { passwordLink { path } userErrors { field message code } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { field message code } } }`;
const SET_AWAY = `mutation($away: Boolean!) { setAway(away: $away) { extension { number status } userErrors { field message code } } }`;
const STATUS_OF = `query { extensions(first: 100) { edges { node { id number status staffUserId } } } }`;

async function statusOf(number: number): Promise<string> {
  const list = await graphql(instanceA.url, STATUS_OF, {}, adminToken);
  return list.data!.extensions.edges.find((edge: any) => edge.node.number === number).node.status;
}

const tokenOf = (path: string) => path.replace('/#/set-password/', '');

async function signIn(email: string, password: string, server = instanceA): Promise<string> {
  const response = await graphql(server.url, LOGIN, { input: { email, password } });
  expect(response.data!.login.userErrors).toEqual([]);
  return response.data!.login.token;
}

let seq = 0;
/** A staff login linked to a new extension (offline until they sign in), with a password set. */
async function staffWithExtension(number: number) {
  seq += 1;
  const email = `presence${seq}@example.test`;
  const password = 'a long enough password';
  const extensionId = await createExtension(instanceA.url, adminToken, { number, status: 'OFFLINE' });
  const created = await graphql(instanceA.url, CREATE_STAFF, { input: { email, displayName: `Presence ${seq}`, role: 'STAFF', password, extensionId } }, adminToken);
  expect(created.data!.createStaffUser.userErrors).toEqual([]);
  return { email, password, extensionId, id: created.data!.createStaffUser.staffUser.id as string };
}

async function completedChecks(): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'presence.check-gone' AND state = 'completed'`);
  return rows[0].n;
}

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const redis = testRedis();
  const env = { PRESENCE_GRACE_SECONDS: '1', JOBS_POLL_SECONDS: '0.5' };
  instanceA = await startTestServer({ databaseUrl, redis, env });
  instanceB = await startTestServer({ databaseUrl, redis, env });
  db = await connectDatabase(databaseUrl);
  adminToken = await instanceA.login();
}, 120_000);
afterAll(async () => {
  await db?.end();
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
});

describe('staff users managed by admins', () => {
  it('invites with a one-time link: they set their password once, before it expires, and signing in makes their extension available', async () => {
    const extensionId = await createExtension(instanceA.url, adminToken, { number: 130, status: 'OFFLINE' });
    const email = 'invited@example.test';
    const invited = (await graphql(instanceA.url, CREATE_STAFF, { input: { email, displayName: 'Ivy Invited', role: 'STAFF', extensionId } }, adminToken)).data!.createStaffUser;
    expect(invited.userErrors).toEqual([]);
    expect(invited.staffUser).toMatchObject({ email, role: 'STAFF', hasPassword: false, extension: { number: 130, status: 'OFFLINE' } });
    expect(invited.passwordLink.path).toMatch(/^\/#\/set-password\/hbp_[\w-]{40,}$/);
    const token = tokenOf(invited.passwordLink.path);

    // No password yet: nothing signs in.
    const early = await graphql(instanceA.url, LOGIN, { input: { email, password: 'anything at all here' } });
    expect(early.data!.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');

    const tooShort = await graphql(instanceB.url, SET_PASSWORD, { input: { token, password: 'short' } });
    expect(tooShort.data!.setPasswordWithLink.userErrors).toEqual([
      { field: 'password', code: 'INVALID', message: 'Password: use at least 12 characters; a few words together is easy to remember.' },
    ]);
    const set = await graphql(instanceB.url, SET_PASSWORD, { input: { token, password: 'ivy picks a long one' } });
    expect(set.data!.setPasswordWithLink).toEqual({ email, userErrors: [] });
    const again = await graphql(instanceA.url, SET_PASSWORD, { input: { token, password: 'someone else tries' } });
    expect(again.data!.setPasswordWithLink.userErrors).toEqual([
      { field: null, code: 'LINK_NOT_VALID', message: 'This link has expired or was already used. Ask an administrator for a new one.' },
    ]);

    await signIn(email, 'ivy picks a long one', instanceB);
    expect(await statusOf(130)).toBe('AVAILABLE');

    // A new link replaces the old; an expired one does nothing.
    const renewed = (await graphql(instanceA.url, NEW_LINK, { id: invited.staffUser.id }, adminToken)).data!.createStaffPasswordLink;
    await db.query(`UPDATE staff_password_link SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
    const expired = await graphql(instanceA.url, SET_PASSWORD, { input: { token: tokenOf(renewed.passwordLink.path), password: 'too late for this one' } });
    expect(expired.data!.setPasswordWithLink.userErrors[0].code).toBe('LINK_NOT_VALID');
    await signIn(email, 'ivy picks a long one');
  });

  it('answers every problem of the invite form at once, in the words of the form', async () => {
    const taken = await graphql(instanceA.url, CREATE_STAFF, { input: { email: 'not an email', displayName: ' ', role: 'STAFF', password: 'short' } }, adminToken);
    expect(Object.fromEntries(taken.data!.createStaffUser.userErrors.map((e: any) => [e.field, e.message]))).toEqual({
      email: 'Email: enter the address they sign in with, for example sam@example.com.',
      displayName: 'Name: enter the name colleagues and customers see, for example Sam Lee.',
      password: 'Password: use at least 12 characters; a few words together is easy to remember.',
    });
    const duplicate = await graphql(instanceA.url, CREATE_STAFF, { input: { email: 'invited@example.test', displayName: 'Again', role: 'STAFF', password: 'short' } }, adminToken);
    expect(duplicate.data!.createStaffUser.userErrors.map((e: any) => e.field).sort()).toEqual(['email', 'password']);
  });

  it('changes role and linked extension, refuses an admin demoting themselves, and only deactivates (nobody is deleted)', async () => {
    const sam = await staffWithExtension(131);
    const extension132 = await createExtension(instanceA.url, adminToken, { number: 132, status: 'OFFLINE' });
    const moved = (await graphql(instanceA.url, UPDATE_STAFF, { input: { id: sam.id, role: 'ADMIN', extensionId: extension132 } }, adminToken)).data!.updateStaffUser;
    expect(moved).toMatchObject({ userErrors: [], staffUser: { role: 'ADMIN', extension: { number: 132 } } });
    const list = await graphql(instanceA.url, STATUS_OF, {}, adminToken);
    expect(list.data!.extensions.edges.find((e: any) => e.node.number === 131).node.staffUserId).toBeNull();

    const me = (await graphql(instanceA.url, `{ me { id } }`, {}, adminToken)).data!.me.id;
    const demote = await graphql(instanceA.url, UPDATE_STAFF, { input: { id: me, role: 'STAFF' } }, adminToken);
    expect(demote.data!.updateStaffUser.userErrors).toEqual([
      { field: 'role', code: 'SELF_DEMOTION', message: 'Role: you cannot take away your own admin role. Ask another administrator.' },
    ]);

    const mutations = (await graphql(instanceA.url, `{ __schema { mutationType { fields { name } } } }`, {}, adminToken)).data!.__schema.mutationType.fields.map((f: any) => f.name);
    expect(mutations.filter((name: string) => /delete.*staff/i.test(name))).toEqual([]);
    const deactivated = await graphql(instanceA.url, `mutation($id: ID!) { setStaffUserActive(id: $id, active: false) { staffUser { deactivatedAt } userErrors { message } } }`, { id: sam.id }, adminToken);
    expect(deactivated.data!.setStaffUserActive.staffUser.deactivatedAt).not.toBeNull();
    const listed = await graphql(instanceA.url, `{ staffUsers(first: 100) { edges { node { email deactivatedAt } } } }`, {}, adminToken);
    expect(listed.data!.staffUsers.edges.map((e: any) => e.node.email)).toContain(sam.email);
  });
});

describe('presence tied to the linked extension', () => {
  it('the away toggle takes the extension out of routing and puts it back', async () => {
    const pat = await staffWithExtension(140);
    const token = await signIn(pat.email, pat.password);
    expect(await statusOf(140)).toBe('AVAILABLE');
    const away = await graphql(instanceA.url, SET_AWAY, { away: true }, token);
    expect(away.data!.setAway).toEqual({ extension: { number: 140, status: 'OFFLINE' }, userErrors: [] });
    const back = await graphql(instanceB.url, SET_AWAY, { away: false }, token);
    expect(back.data!.setAway).toEqual({ extension: { number: 140, status: 'AVAILABLE' }, userErrors: [] });

    // The admin of the test server answers no extension.
    const none = await graphql(instanceA.url, SET_AWAY, { away: true }, adminToken);
    expect(none.data!.setAway.userErrors[0].message).toBe('Your login answers no extension yet: ask an administrator to link one on the Staff page.');
  });

  it('a console closed on every instance for the grace period takes the extension offline; opening it again brings it back', async () => {
    const kim = await staffWithExtension(150);
    const token = await signIn(kim.email, kim.password);
    const onA = wsClient(instanceA.url, `Bearer ${token}`);
    const onB = wsClient(instanceB.url, `Bearer ${token}`);
    await Promise.all([connected(onA.client), connected(onB.client)]);

    // One of two consoles closes: once its check has run, the extension is still available.
    const checksBefore = await completedChecks();
    await onA.client.dispose();
    await eventually('the presence check after the first close', async () => (await completedChecks()) > checksBefore);
    expect(await statusOf(150)).toBe('AVAILABLE');

    // The last one closes: offline once the grace period is over.
    await onB.client.dispose();
    await eventually('extension 150 to go offline', async () => (await statusOf(150)) === 'OFFLINE');

    // Back at the console (a reload with the same session): available again.
    const reopened = wsClient(instanceB.url, `Bearer ${token}`);
    await connected(reopened.client);
    await eventually('extension 150 to be available again', async () => (await statusOf(150)) === 'AVAILABLE');

    // Set away by its owner, a closed console does not bring it back.
    await graphql(instanceA.url, SET_AWAY, { away: true }, token);
    await reopened.client.dispose();
    const checks = await completedChecks();
    const later = wsClient(instanceA.url, `Bearer ${token}`);
    await connected(later.client);
    await eventually('the presence check after closing', async () => (await completedChecks()) > checks);
    expect(await statusOf(150)).toBe('OFFLINE');
    await later.client.dispose();
  });

  it('an escalation is routed to the staff member who signed in, not queued for nobody', async () => {
    // Nobody else is available: only the person who signs in can take it.
    const list = await graphql(instanceA.url, STATUS_OF, {}, adminToken);
    for (const edge of list.data!.extensions.edges) {
      if (edge.node.status !== 'OFFLINE') await setExtensionStatus(instanceA.url, adminToken, edge.node.id, 'OFFLINE');
    }
    const lee = await staffWithExtension(160);
    await signIn(lee.email, lee.password);
    await customerAskingForAPerson(instanceA.url);
    await eventually('the escalation to reach extension 160', async () => {
      const open = await graphql(instanceA.url, `{ escalations(first: 50) { edges { node { assignedExtension { number } } } } }`, {}, adminToken);
      return open.data!.escalations.edges.some((edge: any) => edge.node.assignedExtension?.number === 160);
    });
  });
});

describe('presence when an instance dies', () => {
  it('a console on an instance that died without closing its socket counts no more once its expiry passes: the extension goes offline', async () => {
    const ash = await staffWithExtension(180);
    const token = await signIn(ash.email, ash.password);
    const onB = wsClient(instanceB.url, `Bearer ${token}`);
    await connected(onB.client);
    expect(await statusOf(180)).toBe('AVAILABLE');

    // No close reaches the server: only the sweep on the surviving instance can notice.
    instanceB.kill('SIGKILL');
    await instanceB.exited;
    await eventually('extension 180 to go offline', async () => (await statusOf(180)) === 'OFFLINE', 30_000);
    await onB.client.dispose();
  }, 60_000);
});
