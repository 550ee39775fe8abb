import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SentSms } from './support/fake-ringcentral-server';
import { connectDatabase, eventually, untilQueueIdle, useApp, type AppOptions } from './support/fixtures';

/**
 * RingCentral webhooks when deliveries misbehave: texts that arrive out of order, a status
 * change that arrives before the send it describes is recorded, the same event delivered twice
 * at once and one text announced under two notification ids, and a database that becomes
 * unreachable under a running server (the delivery must get a 5xx so RingCentral delivers it
 * again, never a false 200, and the server must carry on without a restart once the database
 * is back).
 */

const WEBHOOK_TOKEN = 'faults-verification-token-0123456789';
const LIVE_MS = 15_000;
const MESSAGE_STORE_EVENT = '/restapi/v1.0/account/~/extension/1001/message-store';

/** The server with the fake RingCentral, in the current describe; `env` adds to the job timings. */
function useRingCentral(env: Record<string, string>) {
  const options: AppOptions = { ringCentral: { webhookToken: WEBHOOK_TOKEN }, env: { JOBS_POLL_SECONDS: '0.5', JOB_RETRY_LIMIT: '3', ...env } };
  return useApp(options);
}

type SmsBody = Record<string, unknown>;

async function eventRow(db: pg.Client, eventId: string): Promise<{ status: string; attempts: number; last_error: string | null } | undefined> {
  const { rows } = await db.query('SELECT status, attempts, last_error FROM webhook_event WHERE provider = $1 AND event_id = $2', ['ringcentral', eventId]);
  return rows[0];
}

/** The customer's thread(s) as stored: one row per message, oldest first. */
async function threadOf(db: pg.Client, phone: string) {
  const { rows } = await db.query<{ conversation_id: string; direction: string; author: string; text: string; provider_message_id: string | null; delivery_status: string }>(
    `SELECT m.conversation_id, m.direction, m.author, m.text, m.provider_message_id, m.delivery_status
       FROM message m JOIN conversation c ON c.id = m.conversation_id
      WHERE c.channel = 'SMS' AND c.channel_address = $1
      ORDER BY m.created_at, m.id`,
    [phone],
  );
  return rows;
}

describe('out-of-order and duplicated deliveries', () => {
  // A first retry at 3-6 s leaves a wide window between a lost send answer and its reconciliation.
  const running = useRingCentral({ JOB_RETRY_DELAY_SECONDS: '3' });
  const textsTo = (phone: string) => running.textsTo(phone);

  it('threads two texts from one customer once each when the later one arrives first', async () => {
    const { rc, db } = running;
    const customer = '+15555550161';
    const sentAt = Date.now();
    const earlier = rc.inboundSmsBody({ from: customer, text: 'Hi, do you cater in Austin?', id: '910001' }) as SmsBody;
    const later = rc.inboundSmsBody({ from: customer, text: 'We would be 20 people on March 3rd', id: '910002' }) as SmsBody;
    later.creationTime = later.lastModifiedTime = new Date(sentAt + 30_000).toISOString();

    const laterFirst = await rc.deliver(later, { uuid: 'out-of-order-later', timestamp: new Date(sentAt + 30_000).toISOString() });
    const earlierSecond = await rc.deliver(earlier, { uuid: 'out-of-order-earlier', timestamp: new Date(sentAt).toISOString() });
    expect(laterFirst.status).toBe(200);
    expect(earlierSecond.status).toBe(200);
    expect(JSON.parse(laterFirst.text)).toMatchObject({ stored: 1, duplicates: 0 });
    expect(JSON.parse(earlierSecond.text)).toMatchObject({ stored: 1, duplicates: 0 });

    await expect.poll(async () => (await eventRow(db, 'out-of-order-later'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');
    await expect.poll(async () => (await eventRow(db, 'out-of-order-earlier'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');

    const thread = await threadOf(db, customer);
    const inbound = thread.filter((m) => m.direction === 'INBOUND');
    expect(inbound.map((m) => m.provider_message_id).sort()).toEqual(['910001', '910002']);
    expect(inbound.map((m) => m.text).sort()).toEqual(['Hi, do you cater in Austin?', 'We would be 20 people on March 3rd']);
    expect(inbound.every((m) => m.author === 'CUSTOMER' && m.delivery_status === 'RECEIVED')).toBe(true);
    // One thread for the customer, even though both texts may have been applied side by side.
    expect(new Set(thread.map((m) => m.conversation_id)).size).toBe(1);
  });

  it('stores an event delivered twice at the same moment once, and answers both deliveries 200', async () => {
    const { rc, db } = running;
    const customer = '+15555550163';
    const body = rc.inboundSmsBody({ from: customer, text: 'Is a deposit required?', id: '910301' });
    const replies = await Promise.all([rc.deliver(body, { uuid: 'duplicate-at-once' }), rc.deliver(body, { uuid: 'duplicate-at-once' })]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const counts = replies.map((r) => JSON.parse(r.text) as { stored: number; duplicates: number });
    expect(counts.map((c) => c.stored).sort()).toEqual([0, 1]);
    expect(counts.map((c) => c.duplicates).sort()).toEqual([0, 1]);

    await expect.poll(async () => (await eventRow(db, 'duplicate-at-once'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(1);
    const thread = await threadOf(db, customer);
    expect(thread.filter((m) => m.direction === 'INBOUND').map((m) => m.provider_message_id)).toEqual(['910301']);
    expect(thread.filter((m) => m.direction === 'OUTBOUND')).toHaveLength(1);
  });

  it('threads a text announced twice under different notification ids once, and answers it once', async () => {
    const { rc, db } = running;
    const customer = '+15555550164';
    const body = rc.inboundSmsBody({ from: customer, text: 'Do you bring the grill?', id: '910401' });
    // Two notifications (two uuids) for the one message, applied side by side.
    const replies = await Promise.all([rc.deliver(body, { uuid: 'same-text-a' }), rc.deliver(body, { uuid: 'same-text-b' })]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(replies.map((r) => JSON.parse(r.text).stored)).toEqual([1, 1]);

    await expect.poll(async () => (await eventRow(db, 'same-text-a'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');
    await expect.poll(async () => (await eventRow(db, 'same-text-b'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(1);
    const thread = await threadOf(db, customer);
    expect(thread.filter((m) => m.direction === 'INBOUND').map((m) => m.provider_message_id)).toEqual(['910401']);
    expect(thread.filter((m) => m.direction === 'OUTBOUND')).toHaveLength(1);
  });

  describe('a status change that arrives before the send it describes is recorded', () => {
    const customer = '+15555550162';
    // The scene, played once for both tests: what they read of it is taken as it happens, so
    // either test can run first (or alone).
    let sms: SentSms;
    let statusDelivery: { status: number };
    let statusEvent: Awaited<ReturnType<typeof eventRow>>;
    let replyWhenApplied: Awaited<ReturnType<typeof threadOf>>;

    beforeAll(async () => {
      const { rc, db } = running;
      await untilQueueIdle(db); // the lost answer below is this reply's, not another's still on its way
      // RingCentral takes the reply but its answer is lost: the server has no id for it until the retry looks it up.
      rc.failNextSms('hang');
      await rc.deliver(rc.inboundSmsBody({ from: customer, text: 'What is included in the party?', id: '910201' }));
      await eventually('the reply to reach RingCentral', () => textsTo(customer).length === 1);
      sms = textsTo(customer)[0];

      rc.setSmsStatus(sms.id, 'Delivered');
      statusDelivery = await rc.deliver({ accountId: '1000', extensionId: '1001', changes: [{ type: 'SMS', updatedCount: 1 }] }, { event: MESSAGE_STORE_EVENT, uuid: 'status-before-send' });
      await eventually('the status change to be applied', async () => (await eventRow(db, 'status-before-send'))?.status === 'APPLIED');
      statusEvent = await eventRow(db, 'status-before-send');
      replyWhenApplied = (await threadOf(db, customer)).filter((m) => m.direction === 'OUTBOUND');
    });

    it('is applied without error while the send is still unrecorded', () => {
      expect(sms.to).toEqual([customer]);
      expect(statusDelivery.status).toBe(200);
      expect(statusEvent).toEqual({ status: 'APPLIED', attempts: 1, last_error: null });

      // The premise held: the reply was still unrecorded (no provider id) after the notification was applied.
      expect(replyWhenApplied).toHaveLength(1);
      expect(replyWhenApplied[0].provider_message_id).toBeNull();
      expect(replyWhenApplied[0].delivery_status).toBe('QUEUED');
    });

    it('leaves the text with RingCentral’s status once the send is recorded', async () => {
      const { db } = running;
      // The retry finds the text at RingCentral instead of sending it again...
      await expect
        .poll(async () => (await threadOf(db, customer)).find((m) => m.direction === 'OUTBOUND')?.provider_message_id, { timeout: 30_000 })
        .toBe(sms.id);
      expect(textsTo(customer)).toHaveLength(1);
      // ...and the text shows what RingCentral said about it: delivered, not just sent.
      await expect
        .poll(async () => (await threadOf(db, customer)).find((m) => m.direction === 'OUTBOUND')?.delivery_status, { timeout: LIVE_MS })
        .toBe('DELIVERED');
    }, 50_000);
  });
});

describe('a database outage', () => {
  const customer = '+15555550171';
  const running = useRingCentral({ JOB_RETRY_DELAY_SECONDS: '1' });
  let admin: pg.Client | undefined;
  let databaseName: string;
  const textsTo = (phone: string) => running.textsTo(phone);

  const cutDatabase = async () => {
    await admin!.query(`ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS false`);
    await admin!.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [databaseName]);
  };
  const restoreDatabase = async () => {
    await admin!.query(`ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS true`);
  };
  const readiness = async () => {
    const response = await fetch(`${running.server.url}/readyz`);
    return { status: response.status, body: (await response.json()) as { status: string; checks: { database: string } } };
  };

  beforeAll(async () => {
    databaseName = new URL(running.server.databaseUrl).pathname.slice(1);
    admin = await connectDatabase(inject('testServices').postgresAdminUrl);
  });

  afterAll(async () => {
    if (admin) {
      await restoreDatabase().catch(() => undefined);
      await admin.end();
    }
  });

  it('answers a delivery 503 rather than a false 200, and the provider’s redelivery is accepted and applied once the database is back', async () => {
    const { rc, server } = running;
    // Before the outage: the path works, and the server's pools hold live connections that the outage will kill.
    expect((await rc.deliver(rc.inboundSmsBody({ from: customer, text: 'Hello, are you open in December?', id: '920001' }))).status).toBe(200);
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(1);
    expect((await readiness()).status).toBe(200);

    const logBeforeCut = server.output().length;
    await cutDatabase();

    const body = rc.inboundSmsBody({ from: customer, text: 'Can you do a party for 12 on Dec 21st?', id: '920002' });
    const refused = await rc.deliver(body, { uuid: 'during-outage' });
    expect(refused.status).toBe(503);
    // Delivered again while still down (RingCentral retries): still refused, not hanging, not 200.
    expect((await rc.deliver(body, { uuid: 'during-outage' })).status).toBe(503);
    // A delivery with a wrong token is still refused as such; the outage does not make it a 5xx or a 200.
    expect((await rc.deliver(body, { uuid: 'during-outage-forged', verificationToken: 'not-the-token-at-all' })).status).toBe(403);

    // Stay down until the job queue has felt it too (its connections died, or a poll failed), not just the requests.
    const queueSawOutage = () => /"msg":"job queue (error|fetch failed)"/.test(server.output().slice(logBeforeCut));
    await expect.poll(queueSawOutage, { timeout: LIVE_MS, message: 'the job queue to see the outage' }).toBe(true);
    const notReady = await readiness();
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: 'not ready', checks: { database: 'down' } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await restoreDatabase();
    // The same process recovers: no restart.
    await expect.poll(async () => (await readiness()).status, { timeout: LIVE_MS }).toBe(200);

    const db = await connectDatabase(server.databaseUrl);
    try {
      // The refused deliveries left nothing behind: the 503 was not a half-stored event.
      expect(await eventRow(db, 'during-outage')).toBeUndefined();

      const redelivered = await rc.deliver(body, { uuid: 'during-outage' });
      expect(redelivered.status).toBe(200);
      expect(JSON.parse(redelivered.text)).toMatchObject({ stored: 1, duplicates: 0 });

      await expect.poll(async () => (await eventRow(db, 'during-outage'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');
      const inbound = (await threadOf(db, customer)).filter((m) => m.direction === 'INBOUND');
      expect(inbound.map((m) => m.provider_message_id)).toEqual(['920001', '920002']);
      // The queue works again too: the assistant's answer to it leaves through RingCentral.
      await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(2);
      expect(textsTo(customer)[1].text).toMatch(/time/i); // it has the date and party size, so it asks for the time
    } finally {
      await db.end();
    }
  }, 60_000);
});

describe('SKIP_WEBHOOK_VALIDATION outside production', () => {
  const running = useRingCentral({ NODE_ENV: 'development', SKIP_WEBHOOK_VALIDATION: 'true' });

  it('accepts and applies deliveries without, or with a wrong, verification token (for local tunnels and replays)', async () => {
    const { rc, db } = running;
    const customer = '+15555550181';
    const unsigned = await rc.deliver(rc.inboundSmsBody({ from: customer, text: 'Hi, do you cater in Katy?', id: '930001' }), { verificationToken: null });
    expect(unsigned.status).toBe(200);
    const wrong = await rc.deliver(rc.inboundSmsBody({ from: customer, text: 'For 10 people', id: '930002' }), { verificationToken: 'not-the-token' });
    expect(wrong.status).toBe(200);
    await expect
      .poll(async () => (await threadOf(db, customer)).filter((m) => m.author === 'CUSTOMER').map((m) => m.text).sort(), { timeout: LIVE_MS })
      .toEqual(['For 10 people', 'Hi, do you cater in Katy?']); // the queue may apply them in either order
  });
});
