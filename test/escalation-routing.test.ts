import { describe, expect, it, onTestFinished } from 'vitest';
import { connectDatabase } from './support/fixtures';
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

/** Two instances on a database and Redis prefix of their own, stopped when the test ends: each test routes from a clean slate. */
async function twoInstances(env: Record<string, string>): Promise<{ a: TestServer; b: TestServer; token: string }> {
  const databaseUrl = await createTestDatabase();
  const redis = testRedis();
  const started = await Promise.allSettled([startTestServer({ databaseUrl, redis, env }), startTestServer({ databaseUrl, redis, env })]);
  onTestFinished(async () => {
    await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
  });
  const [a, b] = started.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
  return { a, b, token: await a.login() };
}

async function humanRequest(server: TestServer): Promise<void> {
  const sessionToken = (await graphql(server.url, `mutation { startWebChatSession { sessionToken } }`)).data!.startWebChatSession.sessionToken;
  const sent = await graphql(
    server.url,
    `mutation($t: String!) { sendWebChatMessage(sessionToken: $t, text: "I need to talk to a real person please") { userErrors { message } } }`,
    { t: sessionToken },
  );
  expect(sent.data!.sendWebChatMessage.userErrors).toEqual([]);
}

async function escalations(server: TestServer, token: string): Promise<any[]> {
  return (await graphql(server.url, ESCALATIONS, {}, token)).data!.escalations.edges.map((e: any) => e.node);
}

/** The primary (101, busy) and three available extensions to rotate over. */
async function primaryBusyAndThreeOthers(server: TestServer, token: string): Promise<void> {
  await graphql(server.url, CREATE_EXTENSION, { input: { number: 101, employeeName: 'Primary', role: 'Bookings', phone: '+15555550101', status: 'BUSY', workingHours: everyDay } }, token);
  for (const number of [201, 202, 203]) {
    await graphql(server.url, CREATE_EXTENSION, { input: { number, employeeName: `E${number}`, role: 'Events', phone: `+1555555${number}0`, status: 'AVAILABLE', workingHours: everyDay } }, token);
  }
}

describe('escalation routing', () => {
  it('queues while nobody is available, then hands escalations out oldest first when an extension comes online', async () => {
    const { a, b, token } = await twoInstances({ ESCALATION_SWEEP_SECONDS: '1', ESCALATION_ACK_TIMEOUT_SECONDS: '3' });
    const created = await graphql(a.url, CREATE_EXTENSION, { input: { number: 101, employeeName: 'Primary', role: 'Bookings', phone: '+15555550101', status: 'OFFLINE', workingHours: everyDay } }, token);
    const primaryId = created.data!.createExtension.extension.id;
    await humanRequest(a);
    await humanRequest(b);
    const queued = await escalations(a, token);
    expect(queued.map((e) => e.status)).toEqual(['QUEUED', 'QUEUED']);
    expect(queued[0].routingLog[0].explanation).toMatch(/Primary extension 101 \(Primary\) is OFFLINE, and no other extension is available within its hours: queued\./);

    await graphql(b.url, SET_STATUS, { id: primaryId, status: 'AVAILABLE' }, token);
    await expect.poll(async () => (await escalations(a, token)).every((e) => e.status === 'ASSIGNED'), { timeout: 10_000, interval: 200 }).toBe(true);
    const dispatched = await escalations(a, token);
    expect(dispatched.map((e) => [e.status, e.assignedExtension?.number])).toEqual([['ASSIGNED', 101], ['ASSIGNED', 101]]);
  }, 60_000);

  it('rotates over the other extensions when the primary is busy, and never assigns one escalation twice', async () => {
    // Nobody is reassigned for not answering while this test reads the first assignments (the next test's subject).
    const { a, b, token } = await twoInstances({ ESCALATION_SWEEP_SECONDS: '1', ESCALATION_ACK_TIMEOUT_SECONDS: '60' });
    await primaryBusyAndThreeOthers(a, token);

    // Six escalations raised concurrently through both instances.
    await Promise.all(Array.from({ length: 6 }, (_, i) => humanRequest(i % 2 ? a : b)));
    const fresh = await escalations(a, token);
    expect(fresh).toHaveLength(6);
    const assigned = fresh.map((e) => e.assignedExtension?.number).sort();
    // Two each: the rotation is shared by both instances, so nobody is skipped or doubled.
    expect(assigned).toEqual([201, 201, 202, 202, 203, 203]);
  }, 60_000);

  it('hands an escalation nobody took over in time to the next extension, saying why', async () => {
    const { a, token } = await twoInstances({ ESCALATION_SWEEP_SECONDS: '1', ESCALATION_ACK_TIMEOUT_SECONDS: '3' });
    await primaryBusyAndThreeOthers(a, token);
    await humanRequest(a);
    const [target] = await escalations(a, token);
    const first = target.assignedExtension.number;
    expect([201, 202, 203]).toContain(first);
    await expect.poll(async () => (await escalations(a, token)).find((e) => e.id === target.id)!.routingLog.length, { timeout: 15_000, interval: 200 }).toBeGreaterThan(1);
    const reassigned = (await escalations(a, token)).find((e) => e.id === target.id)!;
    expect(reassigned.assignedExtension.number).not.toBe(first);
    expect(reassigned.routingLog.at(-1).explanation).toMatch(/round-robin over/);
  }, 60_000);

  it('sweeps on one instance at a time: at most one sweep waits and one runs, though both instances work the queue', async () => {
    const { a } = await twoInstances({ ESCALATION_SWEEP_SECONDS: '1', ESCALATION_ACK_TIMEOUT_SECONDS: '3' });
    const db = await connectDatabase(a.databaseUrl);
    onTestFinished(() => db.end());
    const sweepJobs = async (states: string[]) =>
      (await db.query(`SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'escalations.sweep' AND state = ANY($1) GROUP BY state`, [states])).rows as Array<{ state: string; n: number }>;
    // The sweep keeps running, every second ...
    await expect.poll(async () => (await sweepJobs(['completed']))[0]?.n ?? 0, { timeout: 15_000, interval: 200 }).toBeGreaterThan(2);
    // ... and never as more than one waiting and one running job.
    for (let look = 0; look < 10; look++) {
      for (const { n } of await sweepJobs(['created', 'retry', 'active'])) expect(n).toBeLessThanOrEqual(1);
    }
  }, 60_000);
});
