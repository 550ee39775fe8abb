import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { graphql } from './support/graphql-client';
import { useApp } from './support/fixtures';

/**
 * Webhooks under abuse: a flood of deliveries that fail verification must cost the flooder,
 * not the database, and must not stop the provider's real deliveries from other addresses.
 */

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
