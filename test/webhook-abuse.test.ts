import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from './support/graphql-client';
import { connectDatabase, startApp, useApp, type App } from './support/fixtures';
import { tcpProxy } from './support/tcp-proxy';
import { createTestDatabase } from './support/test-database';

/**
 * Webhooks under abuse and outages: a flood of deliveries that fail verification must cost the
 * flooder, not the database, and must not stop the provider's real deliveries from other
 * addresses; a database that is locked or stops answering must get providers a prompt 5xx (so
 * they deliver again) rather than a 200 a minute later, and must not take the API down with it.
 */

/** How long a webhook may take to answer (the server's default): RingCentral wants 3 s, Meta 5 s. */
const ANSWER_BOUND_MS = 3_000;
/** What the machine may add to that bound: scheduling, the socket, a loaded CI runner. */
const ANSWER_SLACK_MS = 1_500;

/** Rows in every table that records webhook rejections, whatever they are called. */
async function rejectionRows(db: pg.Client): Promise<number> {
  const { rows: tables } = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'webhook_rejection%'`);
  let total = 0;
  for (const { table_name } of tables) total += Number((await db.query(`SELECT count(*)::int AS n FROM "${table_name}"`)).rows[0].n);
  return total;
}

describe('a flood of unsigned webhook deliveries', () => {
  // Tests name the delivering address the way a proxy in front would.
  const app = useApp({ ringCentral: true, env: { TRUST_PROXY: 'loopback' } });
  const flooder = '203.0.113.7';

  it('is counted and throttled per address, keeps a few samples instead of a row each, and real deliveries from elsewhere still land', async () => {
    const { rc, db, server, adminToken } = app;
    const rowsBefore = await rejectionRows(db);
    const signatureFailures = async () =>
      (await graphql(server.url, `{ metrics { webhookSignatureFailuresLastHour } }`, {}, adminToken)).data!.metrics.webhookSignatureFailuresLastHour as number;
    const failuresBefore = await signatureFailures();

    const statuses: number[] = [];
    const body = rc.inboundSmsBody({ from: '+15555550171', text: 'not really from RingCentral' });
    for (let batch = 0; batch < 20; batch++) {
      const replies = await Promise.all(Array.from({ length: 50 }, () => rc.deliver(body, { verificationToken: 'guessed-token-guessed-token', forwardedFor: flooder })));
      statuses.push(...replies.map((reply) => reply.status));
    }
    const refused = statuses.filter((status) => status === 403).length;
    const throttled = statuses.filter((status) => status === 429).length;
    expect(refused + throttled).toBe(1000);
    expect(refused).toBeGreaterThan(0);
    expect(throttled).toBeGreaterThan(900);

    // A handful of rows for the whole flood: a tally and a few samples, not a row per request.
    const rowsWritten = (await rejectionRows(db)) - rowsBefore;
    console.log(`1,000 unsigned POSTs: ${refused} refused as unverified, ${throttled} throttled, ${rowsWritten} rows written`);
    expect(rowsWritten).toBeLessThanOrEqual(10);
    // The owner's alert still sees the failures that were examined.
    expect((await signatureFailures()) - failuresBefore).toBe(refused);

    // The samples say who sent what, cut short.
    const { rows: samples } = await db.query(`SELECT client_address, reason, body_excerpt FROM webhook_rejection_sample WHERE client_address = $1`, [flooder]);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.length).toBeLessThanOrEqual(5);
    expect(samples[0]).toMatchObject({ reason: 'bad-token', body_excerpt: expect.stringContaining('not really from RingCentral') });

    // The flooding address is throttled even with the right token; RingCentral from elsewhere is not.
    expect((await rc.deliver(rc.inboundSmsBody({ from: '+15555550172', text: 'Hi from a real customer' }), { forwardedFor: flooder })).status).toBe(429);
    const real = await rc.deliver(rc.inboundSmsBody({ from: '+15555550172', text: 'Hi from a real customer' }), { forwardedFor: '198.51.100.20' });
    expect(real.status).toBe(200);
  });
});

/** Delivers `count` texts at once; each answer with how long it took. */
async function deliverTexts(app: App, count: number, idPrefix: string): Promise<Array<{ status: number; ms: number }>> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const started = Date.now();
      const body = app.rc.inboundSmsBody({ from: `+1555555${String(2000 + i).padStart(4, '0')}`, text: `Party of ${i + 2} on Friday?`, id: `${idPrefix}-${i}` });
      const reply = await app.rc.deliver(body, { uuid: `${idPrefix}-${i}` });
      return { status: reply.status, ms: Date.now() - started };
    }),
  );
}

describe('a database table held locked', () => {
  const app = useApp({ ringCentral: true });

  it('answers every webhook within the bound with 503, keeps the API answering, and takes the redeliveries once the lock is gone', async () => {
    const { db, server, adminToken } = app;
    const locker = await connectDatabase(server.databaseUrl);
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE webhook_event IN ACCESS EXCLUSIVE MODE');
      // More stuck deliveries than the pool has connections.
      const deliveries = deliverTexts(app, 20, 'locked');
      const apiStarted = Date.now();
      const api = await graphql(server.url, `{ extensions { totalCount } }`, {}, adminToken);
      const apiMs = Date.now() - apiStarted;
      const answers = await deliveries;
      const slowest = Math.max(...answers.map((answer) => answer.ms));
      console.log(`webhooks with webhook_event locked: slowest answer ${slowest} ms (${answers.filter((a) => a.status === 503).length}/20 answered 503); a GraphQL query meanwhile: HTTP ${api.status} in ${apiMs} ms`);
      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(503));
      expect(slowest).toBeLessThanOrEqual(ANSWER_BOUND_MS + ANSWER_SLACK_MS);
      expect(api.status).toBe(200);
      expect(api.errors).toBeUndefined();
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    // RingCentral delivers again; each text is stored and applied once.
    const again = await deliverTexts(app, 20, 'locked');
    expect(again.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    await expect
      .poll(async () => Number((await db.query(`SELECT count(*) AS n FROM webhook_event WHERE event_id LIKE 'locked-%' AND status = 'APPLIED'`)).rows[0].n), { timeout: 30_000 })
      .toBe(20);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM message WHERE provider_message_id LIKE 'locked-%'`);
    expect(rows[0].n).toBe(20);
  });
});

describe('a database that stops answering', () => {
  let app: App | undefined;
  afterAll(() => app?.stop());

  // Its two waits for the database's return may each take up to 30 s on a busy machine: the test allows both.
  it('answers webhooks within the bound with 503, and takes the redeliveries once it answers again', { timeout: 90_000 }, async () => {
    const databaseUrl = await createTestDatabase();
    const proxy = await tcpProxy(new URL(databaseUrl), 5432);
    app = await startApp({ ringCentral: true, databaseUrl: proxy.url, extension101: false });
    proxy.pause();
    let answers;
    try {
      answers = await deliverTexts(app, 5, 'hung');
    } finally {
      proxy.resume();
    }
    const slowest = Math.max(...answers.map((answer) => answer.ms));
    console.log(`webhooks with the database not answering: slowest answer ${slowest} ms (${answers.filter((a) => a.status === 503).length}/5 answered 503)`);
    expect(answers.map((answer) => answer.status)).toEqual(Array(5).fill(503));
    expect(slowest).toBeLessThanOrEqual(ANSWER_BOUND_MS + ANSWER_SLACK_MS);

    const db = await connectDatabase(databaseUrl);
    try {
      await expect.poll(async () => (await deliverTexts(app!, 5, 'hung')).map((answer) => answer.status), { timeout: 30_000 }).toEqual(Array(5).fill(200));
      await expect
        .poll(async () => Number((await db.query(`SELECT count(*) AS n FROM webhook_event WHERE event_id LIKE 'hung-%' AND status = 'APPLIED'`)).rows[0].n), { timeout: 30_000 })
        .toBe(5);
    } finally {
      await db.end();
    }
  });
});
