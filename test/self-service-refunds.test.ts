import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startApp, type App } from './support/fixtures';
import { startFakeStripe, stripeEnv, type FakeStripe } from './support/fake-stripe-server';
import { graphql } from './support/graphql-client';

/**
 * A self-service cancellation gives card money back by itself (issue 15): the customer cancels by
 * text through the RingCentral wire fake, and the refund is made through the real `stripe` SDK
 * against the local Stripe wire fake, by a durable job enqueued with the cancellation, and
 * recorded once in the payments ledger. Money paid by bank transfer or cash stays with staff.
 */

let stripe: FakeStripe;
let app: App;
beforeAll(async () => {
  stripe = await startFakeStripe();
  app = await startApp({ ringCentral: true, env: { ...stripeEnv(stripe), JOBS_POLL_SECONDS: '0.5', JOB_RETRY_LIMIT: '4', JOB_RETRY_DELAY_SECONDS: '1' } });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await stripe?.close();
}, 60_000);

const ZONE = 'America/New_York';
function day(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

let phones = 0;
let sent = 0;
function texter() {
  phones += 1;
  const phone = `+1916555${String(6100 + phones).padStart(4, '0')}`;
  let read = 0;
  return {
    phone,
    async says(text: string): Promise<void> {
      sent += 1;
      const delivered = await app.rc.deliver(app.rc.inboundSmsBody({ from: phone, text, id: `refunds-${Date.now()}-${sent}` }));
      expect(delivered.status).toBe(200);
    },
    async reply(): Promise<string> {
      await eventually(`a text to ${phone}`, () => app.textsTo(phone).length > read, 20_000);
      return app.textsTo(phone)[read++].text;
    },
  };
}

const dbId = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];

/** A booking confirmed by text, its $100 deposit paid by card through Stripe Checkout (and its webhook). */
async function bookingPaidByCard(customer: ReturnType<typeof texter>, eventDate: string): Promise<{ id: string; paymentIntent: string }> {
  const made = await graphql(
    app.server.url,
    `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { message } } }`,
    { input: { customer: { name: 'Robin Card', phone: customer.phone }, sourceChannel: 'SMS', eventDate, startTime: '18:00', address: '12 Oak St, Davis, CA 95616', adults: 20 } },
    app.adminToken,
  );
  expect(made.data!.createBooking.userErrors).toEqual([]);
  const id = made.data!.createBooking.booking.id as string;
  expect(await customer.reply()).toMatch(/reply I AGREE/);
  await customer.says('I agree');
  expect(await customer.reply()).toMatch(/Your hibachi party is confirmed/);
  const checkout = await graphql(app.server.url, `mutation($id: ID!) { createDepositCheckout(bookingId: $id) { checkout { providerSessionId } userErrors { message } } }`, { id }, app.adminToken);
  expect(checkout.data!.createDepositCheckout.userErrors).toEqual([]);
  const session = stripe.complete(checkout.data!.createDepositCheckout.checkout.providerSessionId);
  expect((await stripe.deliver(app.server.url, stripe.event('checkout.session.completed', session))).status).toBe(200);
  await eventually('the card deposit in the ledger', async () => (await paidCents(id)) === 10_000);
  return { id, paymentIntent: session.payment_intent! };
}

async function paidCents(id: string): Promise<number> {
  return (await app.db.query(`SELECT paid_cents FROM booking WHERE id = $1`, [dbId(id)])).rows[0].paid_cents as number;
}

async function ledger(id: string): Promise<Array<{ source: string; kind: string; amount_cents: number; external_id: string }>> {
  return (await app.db.query(`SELECT source, kind, amount_cents, external_id FROM payment WHERE booking_id = $1 ORDER BY occurred_at, id`, [dbId(id)])).rows;
}

async function alertsOf(id: string): Promise<Array<{ kind: string; message: string }>> {
  return (await app.db.query(`SELECT kind, message FROM alert WHERE subject_id = $1 ORDER BY raised_at`, [dbId(id)])).rows;
}

/** Every Stripe delivery stored so far has been applied (alerts held for the morning are not waited for). */
async function untilWebhooksApplied(): Promise<void> {
  const waiting = async () => (await app.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'webhook.apply' AND state IN ('created', 'retry', 'active')`)).rows[0].n as number;
  await eventually('the webhook deliveries to be applied', async () => (await waiting()) === 0, 20_000);
}

async function cancelByText(customer: ReturnType<typeof texter>): Promise<string> {
  await customer.says('I need to cancel my booking');
  expect(await customer.reply()).toMatch(/^Cancel your party of 20 /);
  await customer.says('yes');
  return customer.reply();
}

describe('cancelling a booking paid by card', () => {
  it('early: refunds the card deposit exactly once, even when the refund job runs again after its answer was lost', async () => {
    const customer = texter();
    const { id, paymentIntent } = await bookingPaidByCard(customer, day(18));
    // Stripe makes the refund, but its answer never reaches the job: the job runs again with the same key.
    stripe.loseNextRefundAnswer();
    expect(await cancelByText(customer)).toMatch(/^Done: your party of 20 on .* is cancelled\. \$100 is being refunded to your card; it usually shows in 5 to 10 business days\. We hope to cook for you another time!$/);

    await eventually('the refund in the ledger', async () => (await paidCents(id)) === 0, 20_000);
    const asked = stripe.refundRequests.filter((request) => request.form.payment_intent === paymentIntent);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asked.map((request) => request.idempotencyKey))).toEqual(new Set([`refund-${dbId(id)}-${paymentIntent}`]));
    const made = stripe.refunds.filter((refund) => refund.payment_intent === paymentIntent);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ amount: 10_000, metadata: { bookingId: dbId(id) } });

    // Stripe's own report of the same refund records nothing more.
    expect((await stripe.deliver(app.server.url, stripe.event('refund.created', made[0]))).status).toBe(200);
    expect((await stripe.deliver(app.server.url, stripe.event('charge.refunded', { id: made[0].charge, object: 'charge', payment_intent: paymentIntent, refunds: { data: [made[0]] } }))).status).toBe(200);
    await untilWebhooksApplied();
    expect(await ledger(id)).toEqual([
      { source: 'CARD', kind: 'DEPOSIT', amount_cents: 10_000, external_id: paymentIntent },
      { source: 'CARD', kind: 'REFUND', amount_cents: -10_000, external_id: made[0].id },
    ]);
    expect(await paidCents(id)).toBe(0);
    // Nothing for staff to send back by hand.
    expect(await alertsOf(id)).toEqual([]);
  });

  it('late: the card deposit is kept, and only the balance paid by bank transfer is owed back, by hand', async () => {
    const customer = texter();
    const { id, paymentIntent } = await bookingPaidByCard(customer, day(4));
    const paid = await graphql(
      app.server.url,
      `mutation($input: RecordManualPaymentInput!) { recordManualPayment(input: $input) { userErrors { message } } }`,
      { input: { bookingId: id, amountCents: 30_000, kind: 'BALANCE', reference: `zelle-${customer.phone}` } },
      app.adminToken,
    );
    expect(paid.data!.recordManualPayment.userErrors).toEqual([]);
    await customer.says('we have to cancel the party');
    expect(await customer.reply()).toMatch(/the \$100 deposit is kept and the other \$300 you paid will be refunded\./);
    await customer.says('yes');
    expect(await customer.reply()).toMatch(/^Done: your party of 20 .* is cancelled\. Our team will send \$300 back to you the way you paid it and let you know when it is on its way\. We hope/);
    // The card keeps the deposit: no refund job was enqueued with the cancellation, and Stripe is not asked.
    const jobs = await app.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'deposits.refund-card-payment' AND data->>'bookingId' = $1`, [dbId(id)]);
    expect(jobs.rows[0].n).toBe(0);
    expect(stripe.refundRequests.filter((request) => request.form.payment_intent === paymentIntent)).toEqual([]);
    expect(await alertsOf(id)).toEqual([{ kind: 'REFUND_OWED', message: expect.stringMatching(/^Refund owed: \$300 to the customer of booking .* paid by bank transfer or by hand \(Zelle, Venmo, Cash App, cash\): send it back the same way\.$/) }]);
    expect(await paidCents(id)).toBe(40_000);
  });

  it('late, with more paid by card than the deposit: keeps the deposit and refunds only the rest to the card', async () => {
    const customer = texter();
    // A $300 card payment (the checkout asked for a larger deposit), then the deposit back to $100.
    const made = await graphql(
      app.server.url,
      `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { message } } }`,
      { input: { customer: { name: 'Robin Card', phone: customer.phone }, sourceChannel: 'SMS', eventDate: day(4), startTime: '18:00', address: '12 Oak St, Davis, CA 95616', adults: 20 } },
      app.adminToken,
    );
    const id = made.data!.createBooking.booking.id as string;
    expect(await customer.reply()).toMatch(/reply I AGREE/);
    await customer.says('I agree');
    expect(await customer.reply()).toMatch(/Your hibachi party is confirmed/);
    await app.db.query(`UPDATE booking SET deposit_cents = 30000 WHERE id = $1`, [dbId(id)]);
    const checkout = await graphql(app.server.url, `mutation($id: ID!) { createDepositCheckout(bookingId: $id) { checkout { providerSessionId amountCents } userErrors { message } } }`, { id }, app.adminToken);
    expect(checkout.data!.createDepositCheckout.checkout.amountCents).toBe(30_000);
    const session = stripe.complete(checkout.data!.createDepositCheckout.checkout.providerSessionId);
    await stripe.deliver(app.server.url, stripe.event('checkout.session.completed', session));
    await eventually('the card payment in the ledger', async () => (await paidCents(id)) === 30_000);
    await app.db.query(`UPDATE booking SET deposit_cents = 10000 WHERE id = $1`, [dbId(id)]);

    expect(await cancelByText(customer)).toMatch(/is cancelled\. \$200 is being refunded to your card;/);
    await eventually('the refund in the ledger', async () => (await paidCents(id)) === 10_000, 20_000);
    expect(stripe.refunds.filter((refund) => refund.payment_intent === session.payment_intent).map((refund) => refund.amount)).toEqual([20_000]);
    expect(await alertsOf(id)).toEqual([]);
  });

  it('tells staff, with Stripe’s reason, when the card refund is refused; the ledger is unchanged', async () => {
    const customer = texter();
    const { id, paymentIntent } = await bookingPaidByCard(customer, day(18));
    stripe.failNextRefund({ status: 400, code: 'charge_disputed', message: 'This charge has been disputed and cannot be refunded.' });
    await cancelByText(customer);
    await eventually('the refund-failed alert', async () => (await alertsOf(id)).length > 0, 20_000);
    expect(await alertsOf(id)).toEqual([
      { kind: 'REFUND_FAILED', message: expect.stringMatching(/^Card refund failed: \$100 of payment pi_\w+ for booking .* was not refunded: Stripe refused it \(charge_disputed\): This charge has been disputed and cannot be refunded\. Refund it in the Stripe dashboard\.$/) },
    ]);
    // Refused for good: the job ends there, not retried.
    await expect.poll(async () => (await app.db.query(`SELECT state FROM pgboss.job WHERE name = 'deposits.refund-card-payment' AND data->>'bookingId' = $1`, [dbId(id)])).rows.map((row) => row.state)).toEqual(['completed']);
    expect(stripe.refundRequests.filter((request) => request.form.payment_intent === paymentIntent)).toHaveLength(1);
    expect(await paidCents(id)).toBe(10_000);
  });
});
