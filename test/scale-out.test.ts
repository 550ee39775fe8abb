import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { untilListening } from './support/live';
import { startTestServer, type TestServer } from './support/test-server';
import { createTestDatabase, testRedis } from './support/test-database';

/**
 * Two server processes sharing one PostgreSQL and one Redis, as behind a load balancer:
 * a change made through one instance reaches a subscriber connected to the other.
 */
let instanceA: TestServer;
let instanceB: TestServer;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const redis = testRedis();
  // Started together: both race to migrate the same empty database, and the migration lock must hold.
  [instanceA, instanceB] = await Promise.all([startTestServer({ databaseUrl, redis }), startTestServer({ databaseUrl, redis })]);
});
afterAll(async () => {
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
});

describe('two instances over Redis', () => {
  it('delivers a status change made through A to a subscriber on B, and back', async () => {
    expect(instanceA.url).not.toBe(instanceB.url);
    const tokenA = await instanceA.login();
    const tokenB = await instanceB.login(); // sessions live in the shared database

    const created = await graphql(
      instanceA.url,
      `mutation { createExtension(input: { number: 501, employeeName: "Scale Out", role: "Ops", phone: "+15555550151", status: OFFLINE }) { extension { id } } }`,
      {},
      tokenA,
    );
    const id = created.data!.createExtension.extension.id;

    const onB = wsClient(instanceB.url, `Bearer ${tokenB}`);
    const onA = wsClient(instanceA.url, `Bearer ${tokenA}`);
    const eventsOnB = subscribe(onB.client, `subscription { extensionUpdated { change extension { id status } } }`);
    const eventsOnA = subscribe(onA.client, `subscription { extensionUpdated { change extension { id status } } }`);
    await Promise.all([connected(onB.client), connected(onA.client)]);
    // Live once both instances listen on the topic's Redis channel (one listener each: these are the only subscribers).
    await untilListening(instanceA, 'EXTENSION_UPDATED', { instances: 2 });

    const SET_STATUS = `mutation($id: ID!, $status: ExtensionStatus!) { setExtensionStatus(id: $id, status: $status) { extension { status } } }`;
    await graphql(instanceA.url, SET_STATUS, { id, status: 'AVAILABLE' }, tokenA);
    expect(await eventsOnB.next()).toEqual({ extensionUpdated: { change: 'UPDATED', extension: { id, status: 'AVAILABLE' } } });
    expect(await eventsOnA.next()).toEqual({ extensionUpdated: { change: 'UPDATED', extension: { id, status: 'AVAILABLE' } } });

    await graphql(instanceB.url, SET_STATUS, { id, status: 'BUSY' }, tokenB);
    expect(await eventsOnA.next()).toEqual({ extensionUpdated: { change: 'UPDATED', extension: { id, status: 'BUSY' } } });
    expect(await eventsOnB.next()).toEqual({ extensionUpdated: { change: 'UPDATED', extension: { id, status: 'BUSY' } } });

    await Promise.all([onA.client.dispose(), onB.client.dispose()]);
  });

  it('keeps exactly one primary when both instances move it at the same time', async () => {
    const token = await instanceA.login();
    const CREATE = (n: number) => `mutation { createExtension(input: { number: ${n}, employeeName: "P${n}", role: "Ops", phone: "+15555550152" }) { extension { id } } }`;
    const ids = await Promise.all(
      [601, 602, 603, 604].map(async (n) => (await graphql(instanceA.url, CREATE(n), {}, token)).data!.createExtension.extension.id as string),
    );
    const SET_PRIMARY = `mutation($id: ID!) { setPrimaryEscalationExtension(id: $id) { extension { id } userErrors { message } } }`;
    const results = await Promise.all(ids.map((id, i) => graphql(i % 2 ? instanceB.url : instanceA.url, SET_PRIMARY, { id }, token)));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const list = await graphql(instanceB.url, `{ extensions(first: 100) { edges { node { id isPrimaryEscalation } } } }`, {}, token);
    expect(list.data!.extensions.edges.filter((e: any) => e.node.isPrimaryEscalation)).toHaveLength(1);
  });
});
