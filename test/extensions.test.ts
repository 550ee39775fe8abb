import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, errorCodes, graphql, subscribe, wsClient } from './support/graphql-client';
import { untilLive } from './support/live';
import { startTestServer, type TestServer } from './support/test-server';

const EXTENSION_FIELDS = `id number employeeName role phone status isPrimaryEscalation availableNow staffUserId workingHours { day start end }`;
const CREATE = `mutation Create($input: CreateExtensionInput!) { createExtension(input: $input) { extension { ${EXTENSION_FIELDS} } userErrors { field message code } } }`;
const UPDATE = `mutation Update($input: UpdateExtensionInput!) { updateExtension(input: $input) { extension { ${EXTENSION_FIELDS} } userErrors { field message code } } }`;
const DELETE = `mutation Delete($id: ID!) { deleteExtension(id: $id) { deletedExtensionId userErrors { field message code } } }`;
const SET_STATUS = `mutation SetStatus($id: ID!, $status: ExtensionStatus!) { setExtensionStatus(id: $id, status: $status) { extension { id status } userErrors { field message code } } }`;
const SET_PRIMARY = `mutation SetPrimary($id: ID!) { setPrimaryEscalationExtension(id: $id) { extension { id isPrimaryEscalation } userErrors { field message code } } }`;
const LIST = `query List($first: Int, $after: String, $status: ExtensionStatus) { extensions(first: $first, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${EXTENSION_FIELDS} } } } }`;
const ON_UPDATE = `subscription { extensionUpdated { change extension { id number status employeeName isPrimaryEscalation } } }`;

/** The server's default BUSINESS_TIME_ZONE; these tests do not set one. */
const BUSINESS_TIME_ZONE = 'America/New_York';

let server: TestServer;
let adminToken: string;
let seq = 200;

const input = (overrides: Record<string, unknown> = {}) => ({
  number: seq++,
  employeeName: 'Test Person',
  role: 'Bookings',
  phone: '+15555550150',
  workingHours: [{ day: 'MONDAY', start: '09:00', end: '17:00' }],
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}) {
  const response = await graphql(server.url, CREATE, { input: input(overrides) }, adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.createExtension;
}

async function countRows(): Promise<number> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  const { rows } = await client.query('SELECT count(*)::int AS n FROM extension');
  await client.end();
  return rows[0].n;
}

// The server's first extension, made before any test: the tests rely on 101 existing as the
// primary, whichever runs first.
let first: Awaited<ReturnType<typeof create>>;

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.login();
  first = await create({ number: 101, status: 'AVAILABLE' });
});
afterAll(() => server?.stop());

describe('extensions', () => {
  it('creates the first extension as the primary and lists it with its hours', async () => {
    const { extension, userErrors } = first;
    expect(userErrors).toEqual([]);
    expect(extension).toMatchObject({ number: 101, isPrimaryEscalation: true, status: 'AVAILABLE', workingHours: [{ day: 'MONDAY', start: '09:00', end: '17:00' }] });
    const list = await graphql(server.url, LIST, {}, adminToken);
    expect(list.data!.extensions.edges.map((e: any) => e.node.number)).toContain(101);
  });

  it('refuses a duplicate number, bad hours, a bad phone and a second primary with userErrors, writing nothing', async () => {
    const before = await countRows();
    const duplicate = await create({ number: 101 });
    expect(duplicate.extension).toBeNull();
    expect(duplicate.userErrors).toEqual([{ field: 'number', code: 'DUPLICATE_NUMBER', message: 'Number: extension 101 already exists; choose another number.' }]);

    const badHours = await create({ workingHours: [{ day: 'MONDAY', start: '18:00', end: '09:00' }, { day: 'TUESDAY', start: '9am', end: '17:00' }] });
    expect(badHours.userErrors.map((e: any) => e.field)).toEqual(['workingHours.0.end', 'workingHours.1.start']);

    const overlapping = await create({ workingHours: [{ day: 'MONDAY', start: '09:00', end: '13:00' }, { day: 'MONDAY', start: '12:00', end: '15:00' }] });
    expect(overlapping.userErrors[0]).toMatchObject({ field: 'workingHours.1', code: 'INVALID_WORKING_HOURS' });

    const badPhone = await create({ phone: '555-0150' });
    expect(badPhone.userErrors).toEqual([expect.objectContaining({ field: 'phone', message: 'Phone: enter the phone number with country code, for example +1 916 555 0100.' })]);

    const secondPrimary = await create({ isPrimaryEscalation: true });
    expect(secondPrimary.userErrors).toEqual([expect.objectContaining({ field: 'isPrimaryEscalation', code: 'PRIMARY_ALREADY_SET' })]);

    const blankName = await create({ employeeName: '   ' });
    expect(blankName.userErrors).toEqual([{ field: 'employeeName', code: 'INVALID', message: 'Employee name: enter the name of the person who answers this extension, for example Maria Lopez.' }]);

    const badNumber = await create({ number: 0 });
    expect(badNumber.userErrors).toEqual([expect.objectContaining({ field: 'number' })]);
    expect(await countRows()).toBe(before);
  });

  it('says when its availability next changes by the clock alone, and nothing while it is not marked available', async () => {
    // Every day 09:00–17:00 business time: the next change is the next 09:00 or 17:00 there.
    const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
    const { extension } = await create({ workingHours: days.map((day) => ({ day, start: '09:00', end: '17:00' })) });
    const available = await graphql(server.url, SET_STATUS, { id: extension.id, status: 'AVAILABLE' }, adminToken);
    expect(available.data!.setExtensionStatus.userErrors).toEqual([]);
    const read = async () => {
      const response = await graphql(server.url, `{ extensions(first: 100) { edges { node { id availableNow availabilityChangesAt } } } }`, {}, adminToken);
      return response.data!.extensions.edges.map((edge: any) => edge.node).find((node: any) => node.id === extension.id);
    };
    const before = Date.now();
    const shown = await read();
    const changesAt = new Date(shown.availabilityChangesAt);
    expect(changesAt.getTime()).toBeGreaterThan(before);
    expect(changesAt.getTime() - before).toBeLessThanOrEqual(16 * 3600_000);
    const wallClock = new Intl.DateTimeFormat('en-GB', { timeZone: BUSINESS_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(changesAt);
    // Open now: it closes at 17:00; closed now: it opens at 09:00.
    expect(wallClock).toBe(shown.availableNow ? '17:00' : '09:00');

    const away = await graphql(server.url, SET_STATUS, { id: extension.id, status: 'OFFLINE' }, adminToken);
    expect(away.data!.setExtensionStatus.userErrors).toEqual([]);
    expect((await read()).availabilityChangesAt).toBeNull();
  });

  it('updates only the given fields and keeps exactly one primary', async () => {
    const { extension } = await create();
    const updated = await graphql(server.url, UPDATE, { input: { id: extension.id, employeeName: 'Renamed', status: 'BUSY' } }, adminToken);
    expect(updated.data!.updateExtension.extension).toMatchObject({ employeeName: 'Renamed', status: 'BUSY', role: 'Bookings', phone: '+15555550150' });

    const primaryId = (await graphql(server.url, LIST, { first: 100 }, adminToken)).data!.extensions.edges.find((e: any) => e.node.isPrimaryEscalation).node.id;
    const unset = await graphql(server.url, UPDATE, { input: { id: primaryId, isPrimaryEscalation: false } }, adminToken);
    expect(unset.data!.updateExtension.userErrors[0].code).toBe('PRIMARY_REQUIRED');
    const deletePrimary = await graphql(server.url, DELETE, { id: primaryId }, adminToken);
    expect(deletePrimary.data!.deleteExtension.userErrors[0].code).toBe('PRIMARY_REQUIRED');

    const moved = await graphql(server.url, SET_PRIMARY, { id: extension.id }, adminToken);
    expect(moved.data!.setPrimaryEscalationExtension.extension.isPrimaryEscalation).toBe(true);
    const primaries = (await graphql(server.url, LIST, { first: 100 }, adminToken)).data!.extensions.edges.filter((e: any) => e.node.isPrimaryEscalation);
    expect(primaries.map((e: any) => e.node.id)).toEqual([extension.id]);
    await graphql(server.url, SET_PRIMARY, { id: primaryId }, adminToken);
  });

  it('deletes, and says so for an id that no longer exists', async () => {
    const { extension } = await create();
    const deleted = await graphql(server.url, DELETE, { id: extension.id }, adminToken);
    expect(deleted.data!.deleteExtension).toEqual({ deletedExtensionId: extension.id, userErrors: [] });
    const again = await graphql(server.url, DELETE, { id: extension.id }, adminToken);
    expect(again.data!.deleteExtension.userErrors[0]).toMatchObject({ field: 'id', code: 'NOT_FOUND' });
    const garbage = await graphql(server.url, SET_STATUS, { id: 'not-an-id', status: 'BUSY' }, adminToken);
    expect(garbage.data!.setExtensionStatus.userErrors[0]).toMatchObject({ field: 'id', code: 'NOT_FOUND' });
  });

  it('pages with first/after, filters by status and caps first', async () => {
    for (const status of ['BUSY', 'OFFLINE', 'OFFLINE']) await create({ status });
    const page1 = await graphql(server.url, LIST, { first: 2 }, adminToken);
    const connection = page1.data!.extensions;
    expect(connection.edges).toHaveLength(2);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    const page2 = await graphql(server.url, LIST, { first: 2, after: connection.pageInfo.endCursor }, adminToken);
    const numbers = [...connection.edges, ...page2.data!.extensions.edges].map((e: any) => e.node.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);

    const busy = await graphql(server.url, LIST, { status: 'BUSY' }, adminToken);
    expect(busy.data!.extensions.edges.length).toBeGreaterThan(0);
    expect(busy.data!.extensions.edges.every((e: any) => e.node.status === 'BUSY')).toBe(true);

    const tooMany = await graphql(server.url, LIST, { first: 1000 }, adminToken);
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors![0].message).toMatch(/first must be between 1 and 100/);
    const badCursor = await graphql(server.url, LIST, { after: 'garbage' }, adminToken);
    expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
  });

  it('publishes created, updated and deleted changes to subscribers after commit, and nothing for a refused change', async () => {
    const { client } = wsClient(server.url, `Bearer ${adminToken}`);
    const events = subscribe(client, ON_UPDATE);
    await connected(client);
    // Live once it hears a harmless change: a probe extension's role, set again and again.
    const probe = (await create({ employeeName: 'Probe' })).extension;
    await untilLive(events, {
      trigger: () => graphql(server.url, UPDATE, { input: { id: probe.id, role: 'Probe' } }, adminToken),
      isProbe: (event) => event.extensionUpdated.extension.id === probe.id,
    });

    const { extension } = await create({ employeeName: 'Live One' });
    expect(await events.next()).toEqual({ extensionUpdated: { change: 'CREATED', extension: expect.objectContaining({ id: extension.id, employeeName: 'Live One', status: 'OFFLINE' }) } });

    await create({ number: 101 }); // refused: no event
    await graphql(server.url, SET_STATUS, { id: extension.id, status: 'AVAILABLE' }, adminToken);
    expect(await events.next()).toMatchObject({ extensionUpdated: { change: 'UPDATED', extension: { id: extension.id, status: 'AVAILABLE' } } });

    await graphql(server.url, DELETE, { id: extension.id }, adminToken);
    expect(events.errors).toEqual([]);
    expect(await events.next()).toMatchObject({ extensionUpdated: { change: 'DELETED', extension: { id: extension.id } } });
    expect(events.pending).toEqual([]);
    await client.dispose();
  });
});

describe('who may change extensions', () => {
  const CREATE_STAFF = `mutation { createApiKey(input: { name: "x", scopes: [EXTENSIONS_READ] }) { secret } }`;

  it('lets a staff member set the status of their own extension only, and nothing else', async () => {
    // A STAFF user, linked to one extension.
    const created = await graphql(
      server.url,
      `mutation { createStaffUser(input: { email: "chef@example.test", displayName: "Chef", password: "chef password 123", role: STAFF }) { staffUser { id role } userErrors { message } } }`,
      {},
      adminToken,
    );
    const staffUserId = created.data!.createStaffUser.staffUser.id;
    const own = (await create({ staffUserId })).extension;
    const other = (await create()).extension;
    expect(own.staffUserId).toBe(staffUserId);

    const staffToken = await server.login('chef@example.test', 'chef password 123');
    const mine = await graphql(server.url, SET_STATUS, { id: own.id, status: 'AVAILABLE' }, staffToken);
    expect(mine.data!.setExtensionStatus.extension.status).toBe('AVAILABLE');

    const theirs = await graphql(server.url, SET_STATUS, { id: other.id, status: 'AVAILABLE' }, staffToken);
    expect(errorCodes(theirs)).toEqual(['FORBIDDEN']);
    const createAsStaff = await graphql(server.url, CREATE, { input: input() }, staffToken);
    expect(errorCodes(createAsStaff)).toEqual(['FORBIDDEN']);
    const keyAsStaff = await graphql(server.url, CREATE_STAFF, {}, staffToken);
    expect(errorCodes(keyAsStaff)).toEqual(['FORBIDDEN']);
    const list = await graphql(server.url, LIST, {}, staffToken);
    expect(list.data!.extensions.totalCount).toBeGreaterThan(1);
  });
});
