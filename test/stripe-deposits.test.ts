import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue, startApp, untilQueueIdle, type App } from './support/fixtures';
import { startFakeStripe, stripeEnv, type FakeStripe } from './support/fake-stripe-server';
import { graphql } from './support/graphql-client';

/**
 * Stripe deposits end to end: the real server makes Checkout sessions through the real `stripe`
 * SDK against a local server speaking Stripe's wire format, and takes Stripe's webhook,
 * verified on the raw bytes with the SDK, stored once per event id and applied by the queue to
 * the payments ledger. Bodies are signed with the SDK's generateTestHeaderString.
 */

const CREATE = `mutation($bookingId: ID!) { createDepositCheckout(bookingId: $bookingId) {
  checkout { id bookingId amountCents status provider providerSessionId url }
  userErrors { field message code } } }`;
const LIVE_MS = 20_000;

let stripe: FakeStripe;
let app: App;
beforeAll(async () => {
  stripe = await startFakeStripe();
  app = await startApp({ extension101: false, env: { ...stripeEnv(stripe), JOBS_POLL_SECONDS: '0.5', JOB_RETRY_LIMIT: '6', JOB_RETRY_DELAY_SECONDS: '1' } });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await stripe?.close();
}, 60_000);

let counter = 0;
/** A booking made through the API (an inquiry), moved to `status`; its global and database ids. */
async function booking(options: { status?: 'INQUIRY' | 'CANCELLED' | 'COMPLETED'; depositCents?: number } = {}): Promise<{ id: string; dbId: string }> {
  counter += 1;
  const made = await graphql(
    app.server.url,
    `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { message } } }`,
    {
      input: {
        customer: { name: `Deposit Customer ${counter}`, phone: `+1916555${String(2000 + counter).padStart(4, '0')}` },
        sourceChannel: 'SMS',
        eventDate: new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10),
        startTime: '18:00',
        address: '12 Example Street, Sacramento, CA 95814',
        adults: 12,
        requestTerms: false,
      },
    },
    app.adminToken,
  );
  expect(made.data!.createBooking.userErrors).toEqual([]);
  const id = made.data!.createBooking.booking.id as string;
  const dbId = Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
  if (options.depositCents !== undefined) await app.db.query(`UPDATE booking SET deposit_cents = $2 WHERE id = $1`, [dbId, options.depositCents]);
  if (options.status === 'CANCELLED') {
    const cancelled = await graphql(app.server.url, `mutation($id: ID!) { cancelBooking(input: { id: $id, reason: "Changed plans" }) { userErrors { message } } }`, { id }, app.adminToken);
    expect(cancelled.data!.cancelBooking.userErrors).toEqual([]);
  }
  // A completed booking is one whose event day passed; none can be made in the past, so it is set here.
  if (options.status === 'COMPLETED') await app.db.query(`UPDATE booking SET status = 'COMPLETED', completed_at = now() WHERE id = $1`, [dbId]);
  return { id, dbId };
}

async function createCheckout(bookingId: string) {
  const response = await graphql(app.server.url, CREATE, { bookingId }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.createDepositCheckout as { checkout: { id: string; bookingId: string; amountCents: number; status: string; provider: string; providerSessionId: string; url: string } | null; userErrors: Array<{ field: string; message: string; code: string }> };
}

const paidCents = async (dbId: string) => (await app.db.query(`SELECT paid_cents FROM booking WHERE id = $1`, [dbId])).rows[0].paid_cents as number;
const checkoutStatus = async (dbId: string) => (await app.db.query(`SELECT status FROM deposit_checkout WHERE booking_id = $1`, [dbId])).rows.map((row) => row.status as string);

describe('createDepositCheckout', () => {
  it('makes one Stripe Checkout session per booking and amount, at least $100, with the booking in its metadata', async () => {
    const { id, dbId } = await booking({ depositCents: 10_000 });
    const first = await createCheckout(id);
    expect(first.userErrors).toEqual([]);
    expect(first.checkout).toMatchObject({ bookingId: id, amountCents: 10_000, status: 'OPEN', provider: 'stripe' });
    const session = stripe.sessions.get(first.checkout!.providerSessionId)!;
    expect(first.checkout!.url).toBe(session.url);
    expect(session.amount_total).toBe(10_000);
    expect(session.metadata).toMatchObject({ bookingId: dbId, depositCheckoutId: expect.any(String) });
    expect(session.client_reference_id).toBe(dbId);

    // Asking again, and twice at once: the same row, the same session.
    const again = await Promise.all([createCheckout(id), createCheckout(id)]);
    for (const answer of again) expect(answer.checkout).toEqual(first.checkout);
    expect((await app.db.query(`SELECT count(*)::int AS n FROM deposit_checkout WHERE booking_id = $1`, [dbId])).rows[0].n).toBe(1);
    const keys = stripe.creates.filter((create) => (create.form.metadata as { bookingId?: string }).bookingId === dbId).map((create) => create.idempotencyKey);
    expect(new Set(keys)).toEqual(new Set([`deposit-${dbId}-10000-1`]));
  });

  it('asks for $100 when the booking’s deposit is set lower', async () => {
    const { id } = await booking({ depositCents: 2_500 });
    expect((await createCheckout(id)).checkout!.amountCents).toBe(10_000);
  });

  it('gives the same session when Stripe’s first answer was lost and the request is made again (Idempotency-Key)', async () => {
    const { id, dbId } = await booking({ depositCents: 15_000 });
    // The first request reaches Stripe, its answer never reaches us; the row has no session yet.
    const checkout = await createCheckout(id);
    await app.db.query(`UPDATE deposit_checkout SET provider = NULL, provider_session_id = NULL, url = NULL, expires_at = NULL WHERE booking_id = $1`, [dbId]);
    const retried = await createCheckout(id);
    expect(retried.checkout!.providerSessionId).toBe(checkout.checkout!.providerSessionId);
    expect(retried.checkout!.id).toBe(checkout.checkout!.id);
  });

  it('refuses a cancelled or completed booking in words staff use, and says when Stripe does not answer', async () => {
    const cancelled = await createCheckout((await booking({ status: 'CANCELLED' })).id);
    expect(cancelled).toEqual({ checkout: null, userErrors: [{ field: 'bookingId', code: 'BOOKING_CANCELLED', message: 'This booking is cancelled: there is no deposit to take.' }] });
    const completed = await createCheckout((await booking({ status: 'COMPLETED' })).id);
    expect(completed.userErrors.map((error) => error.code)).toEqual(['BOOKING_COMPLETED']);

    const { id, dbId } = await booking();
    stripe.failNextCreate(500);
    const failed = await createCheckout(id);
    expect(failed.userErrors).toEqual([{ field: null, code: 'PAYMENT_PROVIDER_UNAVAILABLE', message: 'The card payment service did not answer. Try again in a minute.' }]);
    expect((await app.db.query(`SELECT provider_session_id FROM deposit_checkout WHERE booking_id = $1`, [dbId])).rows[0].provider_session_id).toBeNull();
    expect((await createCheckout(id)).checkout!.status).toBe('OPEN');
  });

  it('is for staff and API keys with PAYMENTS_WRITE only', async () => {
    const { id } = await booking();
    const anonymous = await graphql(app.server.url, CREATE, { bookingId: id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('POST /webhooks/stripe', () => {
  const stored = async () => (await app.db.query(`SELECT count(*)::int AS n FROM webhook_event WHERE provider = 'stripe'`)).rows[0].n as number;
  const signatureFailures = async () => (await graphql(app.server.url, `{ metrics { webhookSignatureFailuresLastHour } }`, {}, app.adminToken)).data!.metrics.webhookSignatureFailuresLastHour as number;
  const badSignatures = () => metricValue(app.server.url, 'webhook_rejections_total{provider="stripe",reason="bad-signature"}');

  it('refuses unsigned, tampered, wrongly signed, replayed and future-dated deliveries, counts them, and stores nothing', async () => {
    const { id } = await booking();
    const session = stripe.complete((await createCheckout(id)).checkout!.providerSessionId);
    const event = stripe.event('checkout.session.completed', session);
    const [storedBefore, failuresBefore, badBefore] = [await stored(), await signatureFailures(), await badSignatures()];
    const now = Math.floor(Date.now() / 1000);

    expect((await stripe.deliver(app.server.url, event, { signature: null })).status).toBe(401);
    expect((await stripe.deliver(app.server.url, event, { tamper: true })).status).toBe(403);
    expect((await stripe.deliver(app.server.url, event, { secret: `whsec_${randomBytes(16).toString('hex')}` })).status).toBe(403);
    // A valid signature captured and sent again ten minutes later, and one dated ten minutes ahead.
    expect((await stripe.deliver(app.server.url, event, { timestamp: now - 600 })).status).toBe(403);
    expect((await stripe.deliver(app.server.url, event, { timestamp: now + 600 })).status).toBe(403);
    expect((await stripe.deliver(app.server.url, event, { signature: 't=abc,v1=zz' })).status).toBe(403);

    expect(await stored()).toBe(storedBefore);
    expect(await signatureFailures()).toBe(failuresBefore + 6);
    expect(await badSignatures()).toBe(badBefore + 5);
  });

  it('stores each event id once, and acknowledges events that are not about deposits without storing them', async () => {
    const { id } = await booking();
    const session = stripe.complete((await createCheckout(id)).checkout!.providerSessionId);
    const event = stripe.event('checkout.session.completed', session);
    const before = await stored();
    // Within the tolerance either way: a sender's clock a little ahead is fine.
    const first = await stripe.deliver(app.server.url, event, { timestamp: Math.floor(Date.now() / 1000) + 120 });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toEqual({ received: 1, stored: 1, duplicates: 0 });
    expect(JSON.parse((await stripe.deliver(app.server.url, event)).text)).toEqual({ received: 1, stored: 0, duplicates: 1 });
    const other = await stripe.deliver(app.server.url, stripe.event('customer.created', { id: 'cus_1', object: 'customer' }));
    expect(JSON.parse(other.text)).toEqual({ received: 0, stored: 0, duplicates: 0 });
    expect(await stored()).toBe(before + 1);
    const notAnEvent = await stripe.deliver(app.server.url, { hello: 'world' });
    expect(notAnEvent.status).toBe(400);
  });
});

describe('Stripe events applied to the ledger', () => {
  it('marks the deposit paid once, however often the completed checkout is delivered, and records each refund once', async () => {
    const { id, dbId } = await booking({ depositCents: 20_000 });
    const session = stripe.complete((await createCheckout(id)).checkout!.providerSessionId);
    const completed = stripe.event('checkout.session.completed', session);
    await stripe.deliver(app.server.url, completed);
    await stripe.deliver(app.server.url, stripe.event('checkout.session.completed', session)); // the same payment in another event
    await expect.poll(() => paidCents(dbId), { timeout: LIVE_MS }).toBe(20_000);
    expect(await checkoutStatus(dbId)).toEqual(['PAID']);

    // An expiry arriving after the payment changes nothing.
    await stripe.deliver(app.server.url, stripe.event('checkout.session.expired', { ...session, status: 'expired' }));
    const refund = stripe.refund(session.id, 5_000);
    await stripe.deliver(app.server.url, stripe.event('refund.created', refund));
    await stripe.deliver(app.server.url, stripe.event('charge.refunded', { id: refund.charge, object: 'charge', payment_intent: session.payment_intent, metadata: {}, refunds: { object: 'list', data: [refund] } }));
    await untilQueueIdle(app.db, LIVE_MS);
    expect(await paidCents(dbId)).toBe(15_000);
    expect(await checkoutStatus(dbId)).toEqual(['PAID']);

    const again = await createCheckout(id);
    expect(again.userErrors.map((error) => error.code)).toEqual(['DEPOSIT_PAID']);
  });

  it('ends in the right state when a refund arrives before the completed checkout', async () => {
    const { id, dbId } = await booking({ depositCents: 10_000 });
    const session = stripe.complete((await createCheckout(id)).checkout!.providerSessionId);
    const refund = stripe.refund(session.id, 10_000);
    await stripe.deliver(app.server.url, stripe.event('refund.created', refund));
    await stripe.deliver(app.server.url, stripe.event('checkout.session.completed', session));
    await untilQueueIdle(app.db, LIVE_MS);
    expect(await paidCents(dbId)).toBe(0);
    expect(await checkoutStatus(dbId)).toEqual(['PAID']);
  });

  it('makes a new session when the last one expired unpaid', async () => {
    const { id, dbId } = await booking();
    const first = (await createCheckout(id)).checkout!;
    await stripe.deliver(app.server.url, stripe.event('checkout.session.expired', stripe.expire(first.providerSessionId)));
    await expect.poll(() => checkoutStatus(dbId), { timeout: LIVE_MS }).toEqual(['EXPIRED']);
    const renewed = (await createCheckout(id)).checkout!;
    expect(renewed.id).toBe(first.id);
    expect(renewed.providerSessionId).not.toBe(first.providerSessionId);
    expect(stripe.creates.at(-1)!.idempotencyKey).toBe(`deposit-${dbId}-10000-2`);
  });
});
