import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue, useApp } from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { untilListening } from './support/live';

/**
 * The payments ledger through the API: a booking's paid amount is always the sum of its ledger
 * rows, each (source, external id) is applied once however often and in whatever order it
 * arrives, and consoles hear the new paid amount after commit.
 */
const app = useApp({ extension101: false });

const RECORD = `mutation($input: RecordManualPaymentInput!) {
  recordManualPayment(input: $input) { payment { id amountCents kind source externalId } booking { id price { paidCents } } userErrors { field message code } }
}`;
const BOOKING = `query($id: ID!) { booking(id: $id) { id status price { totalCents depositCents paidCents balanceCents } payments { amountCents kind source externalId } } }`;

let counter = 0;
async function newBooking(): Promise<{ id: string; totalCents: number; dbId: string }> {
  counter += 1;
  const made = await graphql(
    app.server.url,
    `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id price { totalCents } } userErrors { message } } }`,
    {
      input: {
        customer: { name: `Ledger Customer ${counter}`, phone: `+1916555${String(3000 + counter).padStart(4, '0')}` },
        sourceChannel: 'PHONE',
        eventDate: new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10),
        startTime: '18:00',
        address: '12 Example Street, Sacramento, CA 95814',
        adults: 12,
        requestTerms: false,
      },
    },
    app.adminToken,
  );
  expect(made.data!.createBooking.userErrors).toEqual([]);
  const { id, price } = made.data!.createBooking.booking;
  return { id, totalCents: price.totalCents, dbId: Buffer.from(id, 'base64url').toString('utf8').split(':')[1] };
}

async function record(input: { bookingId: string; amountCents: number; kind: string; reference: string }) {
  const response = await graphql(app.server.url, RECORD, { input }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.recordManualPayment;
}

async function bookingOf(id: string) {
  const response = await graphql(app.server.url, BOOKING, { id }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.booking;
}

async function ledgerSum(dbId: string): Promise<{ rows: number; sum: number; paid: number }> {
  const { rows } = await app.db.query(
    `SELECT (SELECT count(*)::int FROM payment WHERE booking_id = $1) AS rows, (SELECT coalesce(sum(amount_cents), 0)::int FROM payment WHERE booking_id = $1) AS sum,
            (SELECT paid_cents FROM booking WHERE id = $1) AS paid`,
    [dbId],
  );
  return rows[0];
}

describe('the payments ledger', () => {
  it('applies a reference once, however many times and however concurrently it is recorded', async () => {
    const booking = await newBooking();
    const results = await Promise.all(Array.from({ length: 6 }, () => record({ bookingId: booking.id, amountCents: 20_000, kind: 'DEPOSIT', reference: `CASH-${booking.dbId}` })));
    for (const result of results) expect(result.userErrors).toEqual([]);
    expect(new Set(results.map((result) => result.payment.id)).size).toBe(1);
    expect(await ledgerSum(booking.dbId)).toEqual({ rows: 1, sum: 20_000, paid: 20_000 });
    const read = await bookingOf(booking.id);
    expect(read.price.paidCents).toBe(20_000);
    expect(read.payments).toEqual([{ amountCents: 20_000, kind: 'DEPOSIT', source: 'MANUAL', externalId: `CASH-${booking.dbId}` }]);
  });

  it('ends in the same state whatever order payments arrive in, also concurrently, and a refund takes money off', async () => {
    const [first, second] = [await newBooking(), await newBooking()];
    const deposit = (b: { id: string; dbId: string }) => ({ bookingId: b.id, amountCents: 15_000, kind: 'DEPOSIT', reference: `DEP-${b.dbId}` });
    const balance = (b: { id: string; dbId: string }) => ({ bookingId: b.id, amountCents: 30_000, kind: 'BALANCE', reference: `BAL-${b.dbId}` });
    for (const input of [deposit(first), balance(first), deposit(first)]) expect((await record(input)).userErrors).toEqual([]);
    await Promise.all([record(balance(second)), record(deposit(second)), record(balance(second)), record(deposit(second))]);
    expect(await ledgerSum(first.dbId)).toEqual({ rows: 2, sum: 45_000, paid: 45_000 });
    expect(await ledgerSum(second.dbId)).toEqual({ rows: 2, sum: 45_000, paid: 45_000 });

    expect((await record({ bookingId: first.id, amountCents: 5_000, kind: 'REFUND', reference: `REF-${first.dbId}` })).userErrors).toEqual([]);
    expect((await record({ bookingId: first.id, amountCents: 5_000, kind: 'REFUND', reference: `REF-${first.dbId}` })).userErrors).toEqual([]);
    expect(await ledgerSum(first.dbId)).toEqual({ rows: 3, sum: 40_000, paid: 40_000 });
    expect((await bookingOf(first.id)).payments.map((p: { amountCents: number }) => p.amountCents).sort()).toEqual([-5_000, 15_000, 30_000].sort());
  });

  it('refuses overpaying, a cancelled booking and a refund above what was paid, naming each, and writes nothing', async () => {
    const booking = await newBooking();
    const over = await record({ bookingId: booking.id, amountCents: booking.totalCents + 100, kind: 'FULL', reference: `OVER-${booking.dbId}` });
    expect(over.userErrors.map((e: { code: string }) => e.code)).toEqual(['OVERPAYS']);
    expect(over.userErrors[0].message).toMatch(/^Amount: this would pay \$1 more than/);
    const refund = await record({ bookingId: booking.id, amountCents: 100, kind: 'REFUND', reference: `R-${booking.dbId}` });
    expect(refund.userErrors.map((e: { code: string }) => e.code)).toEqual(['REFUND_ABOVE_PAID']);
    const cancelled = await graphql(app.server.url, `mutation($id: ID!) { cancelBooking(input: { id: $id, reason: "Rain" }) { userErrors { message } } }`, { id: booking.id }, app.adminToken);
    expect(cancelled.data!.cancelBooking.userErrors).toEqual([]);
    const both = await record({ bookingId: booking.id, amountCents: booking.totalCents + 100, kind: 'FULL', reference: `C-${booking.dbId}` });
    expect(both.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(['BOOKING_CANCELLED', 'OVERPAYS']);
    expect(await ledgerSum(booking.dbId)).toEqual({ rows: 0, sum: 0, paid: 0 });
  });

  it('is admin-only', async () => {
    const anonymous = await graphql(app.server.url, RECORD, { input: { bookingId: 'x', amountCents: 1, kind: 'FULL', reference: 'x' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('live paid amount', () => {
  let socket: ReturnType<typeof wsClient>;
  beforeAll(async () => {
    socket = wsClient(app.server.url, `Bearer ${app.adminToken}`);
    await connected(socket.client);
  });
  afterAll(() => socket.client.dispose());

  it('publishes the booking with its new paid amount after the payment committed', async () => {
    const booking = await newBooking();
    const before = await metricValue(app.server.url, 'live_event_listeners{topic="BOOKING_UPDATED"}');
    const updates = subscribe(socket.client, `subscription { bookingUpdated { change booking { id price { paidCents } } } }`);
    await untilListening(app.server, 'BOOKING_UPDATED', { atLeast: before + 1 });
    await record({ bookingId: booking.id, amountCents: 12_300, kind: 'DEPOSIT', reference: `LIVE-${booking.dbId}` });
    const event = (await updates.next()).bookingUpdated;
    expect(event).toMatchObject({ change: 'UPDATED', booking: { id: booking.id, price: { paidCents: 12_300 } } });
    // A repeat changes nothing, so nothing is published for it: the next event is the next payment's.
    await record({ bookingId: booking.id, amountCents: 12_300, kind: 'DEPOSIT', reference: `LIVE-${booking.dbId}` });
    await record({ bookingId: booking.id, amountCents: 100, kind: 'BALANCE', reference: `LIVE2-${booking.dbId}` });
    expect((await updates.next()).bookingUpdated).toMatchObject({ booking: { id: booking.id, price: { paidCents: 12_400 } } });
    updates.unsubscribe();
  });
});
