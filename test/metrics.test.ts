import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { AVERY, connectDatabase, createExtension, eventually, statementsOf, useApp } from './support/fixtures';
import { connected, errorCodes, graphql, subscribe, wsClient } from './support/graphql-client';
import { createTestDatabase, testRedis } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * The owner's metrics and their alerts over the real server. Figures are checked on a small
 * dataset written in SQL with its times in the past (the way the bookings tests move time), so
 * every number is known; the alert check runs every second on the durable queue, and the tests
 * wait on its completed runs (pgboss.job rows), never on a clock.
 */

const LA = 'America/Los_Angeles';
const ENV = {
  BUSINESS_TIME_ZONE: LA,
  METRIC_ALERTS_EVERY_SECONDS: '1',
  ALERT_MIN_THREADS: '3',
  ALERT_MIN_TERMS_REQUESTS: '3',
  // Alert texts are not held for quiet hours whatever time of day the suite runs.
  QUIET_HOURS: '00:00-00:00',
};
const CHECK = 'metrics.check-alerts';

const METRICS = `query Metrics($from: String, $to: String) {
  metrics(from: $from, to: $to) {
    from to timeZone conversations aiAnsweredConversations aiBookedConversations aiBookingSuccessRate escalatedConversations escalationRate
    inquiries convertedInquiries conversionRate revenueCents depositsCents channels { channel bookings confirmed revenueCents }
    termsWindowFrom termsRequested termsAcknowledged termsAcknowledgmentRate invalidTermsReplies maxInvalidTermsRepliesPerDay
    aiResponse { responder replies medianSeconds p90Seconds } staffResponse { responder replies medianSeconds p90Seconds }
    reviews averageRating daily { date bookings confirmed revenueCents invalidTermsReplies reviews averageRating }
    webhookSignatureFailuresLastHour unmatchedPayments { count amountCents olderThanDays }
  }
}`;
const ALERTS = `{ alerts(first: 50) { edges { node { id kind subjectId message raisedAt resolvedAt acknowledgedAt acknowledgedBy { email } } } } }`;
const ACKNOWLEDGE = `mutation($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt acknowledgedBy { email } } userErrors { field message code } } }`;

/** An instant written as a Los Angeles wall-clock time (March 2025: PDT from the 9th, UTC-7). */
const la = (wallClock: string) => `${wallClock}-07:00`;

let customerCounter = 0;
async function customer(db: pg.Client): Promise<string> {
  customerCounter += 1;
  const { rows } = await db.query(`INSERT INTO customer (name, phone) VALUES ($1, $2) RETURNING id`, [`Metric Customer ${customerCounter}`, `+1916555${String(1000 + customerCounter).slice(-4)}`]);
  return rows[0].id;
}

/** A thread and its messages, written one by one in order (the answer-time trigger reads the message before). */
async function thread(db: pg.Client, messages: Array<[author: 'CUSTOMER' | 'AI' | 'STAFF' | 'SYSTEM', at: string]>, extra: { escalatedAt?: string } = {}): Promise<string> {
  const customerId = await customer(db);
  const { rows } = await db.query(`INSERT INTO conversation (customer_id, channel, channel_address) VALUES ($1, 'SMS', $2) RETURNING id`, [customerId, `+1916555${String(2000 + customerCounter).slice(-4)}`]);
  const id = rows[0].id as string;
  for (const [author, at] of messages) {
    const inbound = author === 'CUSTOMER';
    await db.query(
      `INSERT INTO message (conversation_id, direction, author, text, delivery_status, channel, created_at) VALUES ($1, $2, $3, 'text', $4, 'SMS', $5)`,
      [id, inbound ? 'INBOUND' : 'OUTBOUND', author, inbound ? 'RECEIVED' : 'SENT', at],
    );
  }
  if (extra.escalatedAt) await db.query(`INSERT INTO escalation (conversation_id, reason, handoff, status, created_at) VALUES ($1, 'HUMAN_REQUEST', '{}', 'RESOLVED', $2)`, [id, extra.escalatedAt]);
  return id;
}

async function booking(
  db: pg.Client,
  fields: { channel: string; status: string; createdAt: string; confirmed?: boolean; adults?: number; kids?: number; conversationId?: string },
): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO booking (customer_id, event_date, start_time, starts_at, address, adults, kids, source_channel, status, conversation_id,
                          price_per_adult_cents, price_per_kid_cents, minimum_spend_cents, travel_fee_cents, deposit_cents, confirmed_at, created_at)
     VALUES ($1, '2025-04-20', '18:00', '2025-04-20T18:00:00-07:00', '1 Main St, Sacramento, CA 95814', $2, $3, $4, $5, $6, 5000, 2500, 30000, $7, 10000, $8, $9)
     RETURNING id`,
    [await customer(db), fields.adults ?? 10, fields.kids ?? 0, fields.channel, fields.status, fields.conversationId ?? null, fields.channel === 'SMS' ? 2000 : 0, fields.confirmed ? fields.createdAt : null, fields.createdAt],
  );
  return rows[0].id;
}

async function checkRuns(db: pg.Client): Promise<number> {
  return (await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [CHECK])).rows[0].n;
}

/** Waits until the alert check has completed `runs` more times, so another raise would have happened by then. */
async function afterCheckRuns(db: pg.Client, runs: number): Promise<void> {
  const start = await checkRuns(db);
  await eventually(`the metric alert check to run ${runs} more times`, async () => (await checkRuns(db)) >= start + runs, 30_000, 100);
}

async function alertsOfKind(app: { server: { url: string }; adminToken: string }, kind: string): Promise<any[]> {
  const response = await graphql(app.server.url, ALERTS, {}, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.alerts.edges.map((edge: any) => edge.node).filter((alert: any) => alert.kind === kind);
}

describe('metrics over a range of days', () => {
  const app = useApp({ env: { ...ENV, METRIC_ALERTS_EVERY_SECONDS: '3600' }, extension101: false });

  beforeAll(async () => {
    const { db } = app;
    // Three threads in the week of 10-16 March 2025 (Los Angeles), and one the day after it.
    const booked = await thread(db, [
      ['CUSTOMER', la('2025-03-11T10:00:00')],
      ['AI', la('2025-03-11T10:00:02')],
      ['CUSTOMER', la('2025-03-11T10:05:00')],
      ['SYSTEM', la('2025-03-11T10:05:01')], // a reminder between them is not an answer and not skipped over as one
      ['AI', la('2025-03-11T10:05:04')],
    ]);
    // The assistant's booking (10 x $50 + $20 travel), made in that thread.
    const made = await booking(db, { channel: 'SMS', status: 'CONFIRMED', confirmed: true, createdAt: la('2025-03-11T09:00:00'), conversationId: booked });
    await db.query(`UPDATE conversation SET booking_id = $2, stage = 'BOOKED' WHERE id = $1`, [booked, made]);
    await thread(
      db,
      [
        ['CUSTOMER', la('2025-03-12T11:00:00')],
        ['AI', la('2025-03-12T11:00:06')],
        ['CUSTOMER', la('2025-03-12T11:10:00')],
        ['STAFF', la('2025-03-12T11:12:00')],
        ['STAFF', la('2025-03-12T11:13:00')], // a second answer in a row is not timed again
      ],
      { escalatedAt: la('2025-03-12T11:10:30') },
    );
    await thread(db, [
      ['CUSTOMER', la('2025-03-14T12:00:00')],
      ['STAFF', la('2025-03-14T12:05:00')],
    ]);
    await thread(db, [
      ['CUSTOMER', la('2025-03-17T00:30:00')],
      ['AI', la('2025-03-17T00:30:01')],
    ]);

    // Bookings: two by text (that one and one waiting for terms), two by phone (an inquiry, one cancelled after confirming), one web chat completed.
    const waiting = await booking(db, { channel: 'SMS', status: 'PENDING_TERMS', createdAt: la('2025-03-11T09:30:00') });
    await booking(db, { channel: 'PHONE', status: 'INQUIRY', createdAt: la('2025-03-11T10:00:00') });
    await booking(db, { channel: 'PHONE', status: 'CANCELLED', confirmed: true, createdAt: la('2025-03-11T23:59:00') });
    await booking(db, { channel: 'WEB_CHAT', status: 'COMPLETED', confirmed: true, adults: 4, createdAt: la('2025-03-13T15:00:00') }); // the $300 minimum
    // Just outside the range on both sides.
    await booking(db, { channel: 'SMS', status: 'CONFIRMED', confirmed: true, createdAt: la('2025-03-09T23:59:00') });
    await booking(db, { channel: 'SMS', status: 'CONFIRMED', confirmed: true, createdAt: la('2025-03-17T00:00:00') });

    // Money received: a card deposit on the 11th, a bank deposit late on the 16th (the 17th in UTC),
    // a balance on the 13th (not a deposit), and a deposit on the 17th, outside the range.
    for (const [kind, cents, at] of [['DEPOSIT', 10_000, '2025-03-11T12:00:00'], ['DEPOSIT', 15_000, '2025-03-16T23:30:00'], ['BALANCE', 20_000, '2025-03-13T12:00:00'], ['DEPOSIT', 7_000, '2025-03-17T00:10:00']] as const) {
      await db.query(`INSERT INTO payment (booking_id, source, kind, amount_cents, external_id, occurred_at) VALUES ($1, 'CARD', $2, $3, gen_random_uuid()::text, $4)`, [made, kind, cents, la(at)]);
    }

    // Invalid terms replies: two late on the 12th in Los Angeles (already the 13th in UTC), one on the 14th.
    for (const at of ['2025-03-12T23:10:00', '2025-03-12T23:30:00', '2025-03-14T08:00:00']) {
      await db.query(`INSERT INTO terms_invalid_reply (booking_id, text, received_at) VALUES ($1, 'maybe?', $2)`, [waiting, la(at)]);
    }
    // Reviews: 5 and 3 stars on the 12th, 1 on the 15th, and a deleted one that does not count.
    for (const [rating, at, deleted] of [[5, '2025-03-12T09:00:00', false], [3, '2025-03-12T18:00:00', false], [1, '2025-03-15T09:00:00', false], [1, '2025-03-15T10:00:00', true]] as const) {
      await db.query(
        `INSERT INTO review (source, source_name, reviewer_name, rating, created_at, updated_at, sentiment, deleted_at) VALUES ('LOCAL', gen_random_uuid()::text, 'A Reviewer', $1, $2, $2, 0, $3)`,
        [rating, la(at), deleted ? la(at) : null],
      );
    }
  });

  it('computes each figure over the days asked for, with a series of every day for charts', async () => {
    const response = await graphql(app.server.url, METRICS, { from: '2025-03-10', to: '2025-03-16' }, app.adminToken);
    expect(response.errors).toBeUndefined();
    const m = response.data!.metrics;
    expect([m.from, m.to, m.timeZone]).toEqual(['2025-03-10', '2025-03-16', LA]);

    // Threads: three with a customer message; the assistant answered two and booked one; one escalated.
    expect([m.conversations, m.aiAnsweredConversations, m.aiBookedConversations, m.escalatedConversations]).toEqual([3, 2, 1, 1]);
    expect(m.aiBookingSuccessRate).toBeCloseTo(0.5, 10);
    expect(m.escalationRate).toBeCloseTo(1 / 3, 10);

    // Answers timed from the customer message they follow: the assistant 2, 4 and 6 s; staff 120 and 300 s.
    expect(m.aiResponse).toEqual({ responder: 'AI', replies: 3, medianSeconds: 4, p90Seconds: expect.closeTo(5.6, 6) });
    expect(m.staffResponse).toEqual({ responder: 'STAFF', replies: 2, medianSeconds: 210, p90Seconds: expect.closeTo(282, 6) });

    // Bookings: five inquiries, three confirmed; revenue of the confirmed not cancelled: $520 + $300.
    expect([m.inquiries, m.convertedInquiries]).toEqual([5, 3]);
    expect(m.conversionRate).toBeCloseTo(0.6, 10);
    expect(m.revenueCents).toBe(82_000);
    // Deposits received in the week, whatever the booking: $100 and $150 (the balance is not one).
    expect(m.depositsCents).toBe(25_000);
    expect(m.channels).toEqual([
      { channel: 'PHONE', bookings: 2, confirmed: 1, revenueCents: 0 },
      { channel: 'SMS', bookings: 2, confirmed: 1, revenueCents: 52_000 },
      { channel: 'WEB_CHAT', bookings: 1, confirmed: 1, revenueCents: 30_000 },
    ]);

    // Terms over the 7 days ending on the 16th: four were sent them (not the inquiry), three accepted.
    expect([m.termsWindowFrom, m.termsRequested, m.termsAcknowledged]).toEqual(['2025-03-10', 4, 3]);
    expect(m.termsAcknowledgmentRate).toBeCloseTo(0.75, 10);
    expect([m.invalidTermsReplies, m.maxInvalidTermsRepliesPerDay]).toEqual([3, 2]);
    expect([m.reviews, m.averageRating]).toEqual([3, 3]);

    expect(m.daily.map((d: any) => d.date)).toEqual(['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14', '2025-03-15', '2025-03-16']);
    const day = (date: string) => m.daily.find((d: any) => d.date === date);
    expect(day('2025-03-11')).toMatchObject({ bookings: 4, confirmed: 2, revenueCents: 52_000, invalidTermsReplies: 0, reviews: 0, averageRating: null });
    expect(day('2025-03-12')).toMatchObject({ bookings: 0, invalidTermsReplies: 2, reviews: 2, averageRating: 4 });
    expect(day('2025-03-13')).toMatchObject({ bookings: 1, confirmed: 1, revenueCents: 30_000, invalidTermsReplies: 0 });
    expect(day('2025-03-14')).toMatchObject({ invalidTermsReplies: 1 });
    expect(day('2025-03-15')).toMatchObject({ reviews: 1, averageRating: 1 });
    expect(day('2025-03-16')).toEqual({ date: '2025-03-16', bookings: 0, confirmed: 0, revenueCents: 0, invalidTermsReplies: 0, reviews: 0, averageRating: null });
  });

  it('narrows to one day, and counts nothing in a range with no activity', async () => {
    const one = (await graphql(app.server.url, METRICS, { from: '2025-03-12', to: '2025-03-12' }, app.adminToken)).data!.metrics;
    expect([one.conversations, one.escalatedConversations, one.inquiries, one.invalidTermsReplies, one.reviews, one.daily.length]).toEqual([1, 1, 0, 2, 2, 1]);
    // The terms window still ends on the day asked for and looks back 7 days.
    // (the three sent them on the 11th, and the one confirmed late on the 9th).
    expect([one.termsWindowFrom, one.termsRequested]).toEqual(['2025-03-06', 4]);

    const empty = (await graphql(app.server.url, METRICS, { from: '2024-01-01', to: '2024-01-31' }, app.adminToken)).data!.metrics;
    expect([empty.conversations, empty.inquiries, empty.reviews, empty.depositsCents, empty.daily.length]).toEqual([0, 0, 0, 0, 31]);
    expect([empty.aiBookingSuccessRate, empty.escalationRate, empty.conversionRate, empty.termsAcknowledgmentRate, empty.averageRating]).toEqual([null, null, null, null, null]);
    expect(empty.aiResponse).toEqual({ responder: 'AI', replies: 0, medianSeconds: null, p90Seconds: null });
  });

  it('refuses a range it cannot read, naming the date at fault', async () => {
    const backwards = await graphql(app.server.url, METRICS, { from: '2025-03-16', to: '2025-03-10' }, app.adminToken);
    expect(errorCodes(backwards)).toEqual(['BAD_USER_INPUT']);
    expect(backwards.errors![0].message).toBe('The start date must be on or before the end date.');
    const garbled = await graphql(app.server.url, METRICS, { from: '16/03/2025', to: '2025-03-16' }, app.adminToken);
    expect(garbled.errors![0].message).toMatch(/start date must be a date written YYYY-MM-DD/);
    const long = await graphql(app.server.url, METRICS, { from: '2020-01-01', to: '2025-03-16' }, app.adminToken);
    expect(long.errors![0].message).toBe('Ask for at most 366 days at a time.');
    expect(errorCodes(await graphql(app.server.url, METRICS, { from: '2025-03-10', to: '2025-03-16' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers with the same number of SQL statements for a day or for 90', async () => {
    const run = (from: string, to: string) => statementsOf(app.server.url, 'Metrics', 'query', () => graphql(app.server.url, METRICS, { from, to }, app.adminToken));
    const day = await run('2025-03-12', '2025-03-12');
    const quarter = await run('2024-12-17', '2025-03-16');
    // One statement per module figure (threads, answer times, escalations, bookings, terms
    // requests, invalid replies, ratings, signature failures, unmatched credits, deposits) and the sign-in.
    expect(day).toBe(quarter);
    expect(day).toBe(11);
  });
});

describe('metric alerts', () => {
  const app = useApp({ ringCentral: true, env: ENV });

  it('raises an alert once per crossing, with one text, and a resolved text when it recovers', async () => {
    const { db } = app;
    const socket = wsClient(app.server.url, `Bearer ${app.adminToken}`);
    const raisedLive = subscribe(socket.client, `subscription { alertRaised { kind message } }`);
    const resolvedLive = subscribe(socket.client, `subscription { alertResolved { kind resolvedAt } }`);
    await connected(socket.client);

    // Two threads today, both escalated: too few to judge (ALERT_MIN_THREADS=3).
    const now = new Date();
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
    for (let i = 0; i < 2; i++) await thread(db, [['CUSTOMER', minutesAgo(10)]], { escalatedAt: minutesAgo(9) });
    await afterCheckRuns(db, 2);
    expect(await alertsOfKind(app, 'ESCALATION_RATE_HIGH')).toEqual([]);

    // A third: three of three escalated, above 20%.
    await thread(db, [['CUSTOMER', minutesAgo(10)]], { escalatedAt: minutesAgo(9) });
    await eventually('the escalation alert', async () => (await alertsOfKind(app, 'ESCALATION_RATE_HIGH')).length === 1);
    expect(await raisedLive.next()).toEqual({ alertRaised: { kind: 'ESCALATION_RATE_HIGH', message: expect.stringContaining('100% of threads were escalated') } });
    await eventually('the alert text to the primary extension', () => app.textsTo(AVERY.phone).length === 1);
    expect(app.textsTo(AVERY.phone)[0].text).toMatch(/100% of threads were escalated to staff over 7 days \(3 of 3\), above 20%/);

    // Still crossed on the next runs: no second alert, no second text.
    await afterCheckRuns(db, 3);
    expect(await alertsOfKind(app, 'ESCALATION_RATE_HIGH')).toHaveLength(1);
    expect(app.textsTo(AVERY.phone)).toHaveLength(1);

    // Twelve calm threads: 3 of 15 is 20%, not above it. The alert closes, once, with a text.
    for (let i = 0; i < 12; i++) await thread(db, [['CUSTOMER', minutesAgo(5)]]);
    expect(await resolvedLive.next()).toEqual({ alertResolved: { kind: 'ESCALATION_RATE_HIGH', resolvedAt: expect.any(String) } });
    await eventually('the resolved text', () => app.textsTo(AVERY.phone).length === 2);
    expect(app.textsTo(AVERY.phone)[1].text).toMatch(/^Resolved: the escalation rate is back to 20% over 7 days\./);
    await afterCheckRuns(db, 2);
    const [closed] = await alertsOfKind(app, 'ESCALATION_RATE_HIGH');
    expect(closed.resolvedAt).not.toBeNull();
    expect(app.textsTo(AVERY.phone)).toHaveLength(2);

    // Crossing again is a new crossing: a new alert and a new text.
    await thread(db, [['CUSTOMER', minutesAgo(3)]], { escalatedAt: minutesAgo(2) });
    await eventually('the second crossing', async () => (await alertsOfKind(app, 'ESCALATION_RATE_HIGH')).length === 2);
    await eventually('its text', () => app.textsTo(AVERY.phone).length === 3);
    await socket.client.dispose();
  });

  it('lets staff acknowledge an alert: who and when, the first acknowledgment standing', async () => {
    const [open] = (await alertsOfKind(app, 'ESCALATION_RATE_HIGH')).filter((alert) => alert.resolvedAt === null);
    expect(open.acknowledgedAt).toBeNull();
    const first = await graphql(app.server.url, ACKNOWLEDGE, { id: open.id }, app.adminToken);
    expect(first.data!.acknowledgeAlert.userErrors).toEqual([]);
    expect(first.data!.acknowledgeAlert.alert).toEqual({ id: open.id, acknowledgedAt: expect.any(String), acknowledgedBy: { email: 'admin@example.test' } });
    const again = await graphql(app.server.url, ACKNOWLEDGE, { id: open.id }, app.adminToken);
    expect(again.data!.acknowledgeAlert.alert.acknowledgedAt).toBe(first.data!.acknowledgeAlert.alert.acknowledgedAt);
    // Acknowledged is not dealt with: it stays open.
    const [still] = (await alertsOfKind(app, 'ESCALATION_RATE_HIGH')).filter((alert) => alert.id === open.id);
    expect([still.resolvedAt, still.acknowledgedBy]).toEqual([null, { email: 'admin@example.test' }]);

    const missing = await graphql(app.server.url, ACKNOWLEDGE, { id: Buffer.from('Alert:00000000-0000-0000-0000-000000000000').toString('base64') }, app.adminToken);
    expect(missing.data!.acknowledgeAlert).toEqual({ alert: null, userErrors: [{ field: 'id', message: 'This alert no longer exists.', code: 'NOT_FOUND' }] });
    expect(errorCodes(await graphql(app.server.url, ACKNOWLEDGE, { id: open.id }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('metric alerts on two instances', () => {
  let a: TestServer;
  let b: TestServer;
  let db: pg.Client;
  let token: string;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    const redis = testRedis();
    a = await startTestServer({ databaseUrl, redis, env: ENV });
    b = await startTestServer({ databaseUrl, redis, env: ENV });
    db = await connectDatabase(databaseUrl);
    token = await a.login();
    await createExtension(a.url, token, AVERY);
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('raises a crossing once and resolves it once, with one text each', async () => {
    // A refused webhook signature in the last hour (the webhooks module's own tally).
    await db.query(`INSERT INTO webhook_rejection_tally (provider, reason, minute, count) VALUES ('ringcentral', 'bad-signature', date_trunc('minute', now()), 1)`);
    const kind = 'WEBHOOK_SIGNATURE_FAILURES';
    await eventually('the signature alert', async () => (await alertsOfKind({ server: a, adminToken: token }, kind)).length === 1);
    await afterCheckRuns(db, 4);
    const rows = (await db.query(`SELECT id FROM alert WHERE kind = $1`, [kind])).rows;
    expect(rows).toHaveLength(1);
    const texts = async (key: string) => (await db.query(`SELECT recipient FROM outbound_send WHERE idempotency_key = $1`, [key])).rows;
    expect(await texts(`alert:${rows[0].id}`)).toEqual([{ recipient: AVERY.phone }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM outbound_send WHERE body LIKE '%refused for a bad signature%'`)).rows[0].n).toBe(1);

    await db.query(`DELETE FROM webhook_rejection_tally`);
    await eventually('the signature alert to close', async () => (await db.query(`SELECT resolved_at FROM alert WHERE id = $1`, [rows[0].id])).rows[0].resolved_at !== null);
    await afterCheckRuns(db, 3);
    expect(await texts(`alert-resolved:${rows[0].id}`)).toEqual([{ recipient: AVERY.phone }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM alert WHERE kind = $1`, [kind])).rows[0].n).toBe(1);
  });
});


describe('an unmatched credit’s alert', () => {
  const app = useApp({ ringCentral: true, env: { ...ENV, PAYMENT_UNMATCHED_CHECK_EVERY_SECONDS: '1' } });

  it('is texted once when a credit waits more than three days, and texted as resolved once it is matched', async () => {
    const { db } = app;
    const { rows } = await db.query(
      `INSERT INTO bank_transaction (source, external_id, amount_cents, posted_on, description) VALUES ('UPLOAD', 'late-credit', 7700, (now() - interval '6 days')::date, 'ZELLE FROM SOMEONE') RETURNING id`,
    );
    const credit = rows[0].id as string;
    await eventually('the unmatched-credit alert text', () => app.textsTo(AVERY.phone).length === 1);
    expect(app.textsTo(AVERY.phone)[0].text).toMatch(/^A bank credit of \$77 posted .* has not been matched to a booking for \d days/);
    // The payments module's check keeps running: still one text.
    const unmatchedChecks = async () => (await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'payments.alert-unmatched' AND state = 'completed'`)).rows[0].n as number;
    const start = await unmatchedChecks();
    await eventually('two more unmatched-credit checks', async () => (await unmatchedChecks()) >= start + 2, 30_000, 100);
    expect(app.textsTo(AVERY.phone)).toHaveLength(1);
    const figures = (await graphql(app.server.url, `{ metrics { unmatchedPayments { count amountCents olderThanDays } } }`, {}, app.adminToken)).data!.metrics;
    expect(figures.unmatchedPayments).toEqual({ count: 1, amountCents: 7700, olderThanDays: 3 });

    const bookingId = await booking(db, { channel: 'PHONE', status: 'CONFIRMED', confirmed: true, createdAt: new Date().toISOString() });
    const matched = await graphql(
      app.server.url,
      `mutation($input: MatchPaymentInput!) { matchPayment(input: $input) { userErrors { field message } } }`,
      { input: { bankTransactionId: Buffer.from(`BankTransaction:${credit}`).toString('base64'), bookingId: Buffer.from(`Booking:${bookingId}`).toString('base64') } },
      app.adminToken,
    );
    expect(matched.data!.matchPayment.userErrors).toEqual([]);
    await eventually('the resolved text', () => app.textsTo(AVERY.phone).length === 2);
    expect(app.textsTo(AVERY.phone)[1].text).toBe('Resolved: a bank credit that had waited days to be matched is now matched to a booking.');
    expect((await graphql(app.server.url, `{ metrics { unmatchedPayments { count amountCents } } }`, {}, app.adminToken)).data!.metrics.unmatchedPayments).toEqual({ count: 0, amountCents: 0 });
  });
});
