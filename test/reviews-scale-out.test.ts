import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { listenersOf, untilListening } from './support/live';
import { createTestDatabase, testRedis } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Two instances sharing one PostgreSQL and one Redis: the same reviews brought in by both at
 * once are stored once and answered once, and reviewAdded reaches consoles on the other instance.
 */
let instanceA: TestServer;
let instanceB: TestServer;
let db: pg.Client;
let token: string;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const redis = testRedis();
  const env = { REVIEW_AUTO_REPLY_DELAY_MINUTES: '0' };
  [instanceA, instanceB] = await Promise.all([startTestServer({ databaseUrl, redis, env }), startTestServer({ databaseUrl, redis, env })]);
  db = await connectDatabase(databaseUrl);
  token = await instanceA.login();
}, 120_000);
afterAll(async () => {
  await db?.end();
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
});

const IMPORT = `mutation($input: ImportReviewsInput!) { importReviews(input: $input) { added updated unchanged userErrors { message } } }`;

describe('two instances', () => {
  it('store the same reviews once when both bring them in at the same time, and post each reply once', async () => {
    const reviews = Array.from({ length: 6 }, (_, index) => ({ reviewerName: `Twin Guest ${index}`, rating: 5, comment: 'Great food and a great show', externalId: `twin-${index}` }));
    const [onA, onB] = await Promise.all([
      graphql(instanceA.url, IMPORT, { input: { site: 'twins', reviews } }, token),
      graphql(instanceB.url, IMPORT, { input: { site: 'twins', reviews } }, token),
    ]);
    expect(onA.data!.importReviews.userErrors).toEqual([]);
    expect(onB.data!.importReviews.userErrors).toEqual([]);
    expect(onA.data!.importReviews.added + onB.data!.importReviews.added).toBe(6);

    const stored = async () =>
      (await db.query<{ reply_state: string; reply_version: number }>(`SELECT reply_state, reply_version FROM review WHERE source_name LIKE 'local:import:twins:%'`)).rows;
    expect(await stored()).toHaveLength(6);
    await expect.poll(async () => (await stored()).every((row) => row.reply_state === 'POSTED'), { timeout: 20_000 }).toBe(true);
    // One scheduling each, so one posting job each.
    expect((await stored()).map((row) => row.reply_version)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('deliver reviewAdded to a console on the other instance', async () => {
    const socket = wsClient(instanceB.url, `Bearer ${token}`);
    try {
      await connected(socket.client);
      const before = await listenersOf(instanceB, 'REVIEW_ADDED');
      const feed = subscribe<{ reviewAdded: { reviewerName: string; rating: number } }>(socket.client, `subscription { reviewAdded { reviewerName rating } }`);
      await untilListening(instanceB, 'REVIEW_ADDED', { atLeast: before + 1 });
      await untilListening(instanceB, 'REVIEW_ADDED', { instances: 1 });
      const added = await graphql(instanceA.url, `mutation { addReview(input: { reviewerName: "Across Instances", rating: 4, comment: "Fun chef" }) { userErrors { message } } }`, {}, token);
      expect(added.data!.addReview.userErrors).toEqual([]);
      expect((await feed.next(10_000)).reviewAdded).toEqual({ reviewerName: 'Across Instances', rating: 4 });
    } finally {
      await socket.client.dispose();
    }
  });
});
