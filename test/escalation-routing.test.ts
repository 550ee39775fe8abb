import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './support/graphql-client';
import { startTestServer, type TestServer } from './support/test-server';
import { createTestDatabase, testRedis } from './support/test-database';

/**
 * Routing across two instances sharing one database and Redis: the queue, the round-robin,
 * the no-answer reassignment, and no escalation assigned twice.
 */
const everyDay = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, start: '00:00', end: '24:00' }));
const CREATE_EXTENSION = `mutation($input: CreateExtensionInput!) { createExtension(input: $input) { extension { id number } userErrors { message } } }`;
const SET_STATUS = `mutation($id: ID!, $status: ExtensionStatus!) { setExtensionStatus(id: $id, status: $status) { extension { status } } }`;
const ESCALATIONS = `{ escalations(first: 100) { edges { node { id status reason assignedExtension { number } routingLog { explanation } } } } }`;

let a: TestServer;
let b: TestServer;
let token: string;

async function humanRequest(server: TestServer): Promise<void> {
  const sessionToken = (await graphql(server.url, `mutation { startWebChatSession { sessionToken } }`)).data!.startWebChatSession.sessionToken;
  const sent = await graphql(
    server.url,
    `mutation($t: String!) { sendWebChatMessage(sessionToken: $t, text: "I need to talk to a real person please") { userErrors { message } } }`,
    { t: sessionToken },
  );
  expect(sent.data!.sendWebChatMessage.userErrors).toEqual([]);
}

async function escalations(): Promise<any[]> {
  return (await graphql(a.url, ESCALATIONS, {}, token)).data!.escalations.edges.map((e: any) => e.node);
}

async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const redis = testRedis();
  const env = { ESCALATION_SWEEP_SECONDS: '1', ESCALATION_ACK_TIMEOUT_SECONDS: '3' };
  [a, b] = await Promise.all([startTestServer({ databaseUrl, redis, env }), startTestServer({ databaseUrl, redis, env })]);
  token = await a.login();
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('escalation routing', () => {
  it('queues while nobody is available, then hands escalations out oldest first when an extension comes online', async () => {
    const created = await graphql(a.url, CREATE_EXTENSION, { input: { number: 101, employeeName: 'Primary', role: 'Bookings', phone: '+15555550101', status: 'OFFLINE', workingHours: everyDay } }, token);
    const primaryId = created.data!.createExtension.extension.id;
    await humanRequest(a);
    await humanRequest(b);
    const queued = await escalations();
    expect(queued.map((e) => e.status)).toEqual(['QUEUED', 'QUEUED']);
    expect(queued[0].routingLog[0].explanation).toMatch(/Primary extension 101 \(Primary\) is OFFLINE, and no other extension is available within its hours: queued\./);

    await graphql(b.url, SET_STATUS, { id: primaryId, status: 'AVAILABLE' }, token);
    const dispatched = await waitFor(escalations, (list) => list.every((e) => e.status === 'ASSIGNED'));
    expect(dispatched.map((e) => [e.status, e.assignedExtension?.number])).toEqual([['ASSIGNED', 101], ['ASSIGNED', 101]]);
  });

  it('rotates over the other extensions when the primary is busy, and never assigns one escalation twice', async () => {
    const numbers = [201, 202, 203];
    for (const number of numbers) {
      await graphql(a.url, CREATE_EXTENSION, { input: { number, employeeName: `E${number}`, role: 'Events', phone: `+1555555${number}0`, status: 'AVAILABLE', workingHours: everyDay } }, token);
    }
    const primary = (await graphql(a.url, `{ extensions(first: 100) { edges { node { id number } } } }`, {}, token)).data!.extensions.edges.find((e: any) => e.node.number === 101).node;
    await graphql(a.url, SET_STATUS, { id: primary.id, status: 'BUSY' }, token);

    const before = (await escalations()).length;
    // Six escalations raised concurrently through both instances.
    await Promise.all(Array.from({ length: 6 }, (_, i) => humanRequest(i % 2 ? a : b)));
    const list = await escalations();
    const fresh = list.slice(before);
    expect(fresh).toHaveLength(6);
    const assigned = fresh.map((e) => e.assignedExtension?.number).sort();
    // Two each: the rotation is shared by both instances, so nobody is skipped or doubled.
    expect(assigned).toEqual([201, 201, 202, 202, 203, 203]);

  });

  it('hands an escalation nobody took over in time to the next extension, saying why', async () => {
    const list = await escalations();
    const target = list.find((e) => e.assignedExtension?.number === 201)!;
    const reassigned = await waitFor(
      async () => (await escalations()).find((e) => e.id === target.id)!,
      (e) => e.routingLog.length > 1,
      15_000,
    );
    expect(reassigned.assignedExtension.number).not.toBe(201);
    expect(reassigned.routingLog.at(-1).explanation).toMatch(/round-robin over/);
  });

  it('sweeps on one instance at a time: at most one sweep waits and one runs, whichever instances are up', async () => {
    const db = new pg.Client({ connectionString: a.databaseUrl });
    await db.connect();
    try {
      const sweeps = async () =>
        (await db.query(`SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'escalations.sweep' AND state IN ('created', 'retry', 'active') GROUP BY state`)).rows;
      // The sweep keeps running (it has been reassigning escalations above) ...
      await expect.poll(async () => (await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'escalations.sweep' AND state = 'completed'`)).rows[0].n, { timeout: 10_000 }).toBeGreaterThan(2);
      // ... and never as more than one waiting and one running job, though both instances work the queue.
      for (let look = 0; look < 10; look++) {
        for (const { n } of await sweeps()) expect(n).toBeLessThanOrEqual(1);
      }
    } finally {
      await db.end();
    }
  });
});

