import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingReference } from '../server/src/modules/bookings/booking-reference';
import { connectDatabase } from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { untilListening } from './support/live';
import { startTestServer, type TestServer } from './support/test-server';
import { createTestDatabase, testRedis } from './support/test-database';
import type pg from 'pg';

/**
 * Two server instances sharing one PostgreSQL and one Redis: a bank credit pays at most one
 * booking, once, when both instances import the same statement and match again at the same
 * time; and the payment subscriptions reach consoles on the other instance.
 */
let instanceA: TestServer;
let instanceB: TestServer;
let db: pg.Client;
let token: string;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const redis = testRedis();
  [instanceA, instanceB] = await Promise.all([startTestServer({ databaseUrl, redis }), startTestServer({ databaseUrl, redis })]);
  db = await connectDatabase(databaseUrl);
  token = await instanceA.login();
});
afterAll(async () => {
  await db?.end();
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
});

const today = new Date().toISOString().slice(0, 10);
const UPLOAD = `mutation($text: String!) { uploadBankStatement(input: { text: $text }) { added applied userErrors { message } } }`;
const RECORD = `mutation($input: RecordManualPaymentInput!) { recordManualPayment(input: $input) { userErrors { message } } }`;

let counter = 0;
async function newBooking(name: string) {
  counter += 1;
  const made = await graphql(
    instanceA.url,
    `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id price { totalCents } } userErrors { message } } }`,
    {
      input: {
        customer: { name, phone: `+1916555${String(7000 + counter).padStart(4, '0')}` },
        sourceChannel: 'PHONE',
        eventDate: new Date(Date.now() + (3 + (counter % 20)) * 86_400_000).toISOString().slice(0, 10),
        startTime: '18:00',
        address: '12 Example Street, Sacramento, CA 95814',
        adults: 10 + (counter % 7),
        requestTerms: false,
      },
    },
    token,
  );
  expect(made.data!.createBooking.userErrors).toEqual([]);
  const { id, price } = made.data!.createBooking.booking;
  const dbId = Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
  return { id, dbId, name, reference: bookingReference(dbId), totalCents: price.totalCents as number };
}

const NAMES = ['Evangeline Thornbury', 'Cornelius Ashworth', 'Philippa Marchetti', 'Thaddeus Okafor', 'Rosalind Villanueva', 'Leopold Haverford', 'Genevieve Castellanos', 'Ignatius Pemberton'];

function statementFor(bookings: Array<Awaited<ReturnType<typeof newBooking>>>): string {
  const date = `${today.slice(5, 7)}/${today.slice(8, 10)}/${today.slice(0, 4)}`;
  return ['Date,Description,Amount', ...bookings.map((b) => `${date},"Zelle payment from ${b.name.toUpperCase()} for ${b.reference}",${(b.totalCents / 100).toFixed(2)}`)].join('\n');
}

async function ledgerState(bookings: Array<{ dbId: string }>) {
  const ids = bookings.map((b) => b.dbId);
  const { rows } = await db.query(
    `SELECT b.id, b.paid_cents AS paid, (SELECT count(*)::int FROM payment p WHERE p.booking_id = b.id AND p.source = 'BANK') AS bank_rows,
            (SELECT coalesce(sum(amount_cents), 0)::int FROM payment p WHERE p.booking_id = b.id) AS ledger
       FROM booking b WHERE b.id = ANY($1)`,
    [ids],
  );
  return rows as Array<{ id: string; paid: number; bank_rows: number; ledger: number }>;
}

describe('payments on two instances', () => {
  it('stores and applies each line of a statement once when both instances import it at the same time', async () => {
    const bookings = await Promise.all(NAMES.slice(0, 4).map((name) => newBooking(name)));
    const text = statementFor(bookings);
    const results = await Promise.all([instanceA, instanceB, instanceA, instanceB].map((instance) => graphql(instance.url, UPLOAD, { text }, token)));
    for (const result of results) expect(result.data!.uploadBankStatement.userErrors).toEqual([]);
    expect(results.reduce((sum, result) => sum + result.data!.uploadBankStatement.added, 0)).toBe(4);
    expect(results.reduce((sum, result) => sum + result.data!.uploadBankStatement.applied, 0)).toBe(4);
    for (const state of await ledgerState(bookings)) {
      const booking = bookings.find((b) => b.dbId === state.id)!;
      expect(state).toEqual({ id: booking.dbId, paid: booking.totalCents, bank_rows: 1, ledger: booking.totalCents });
    }
  });

  it('applies each credit to one booking once when both instances match again at the same time', async () => {
    // Paid in cash first, so the credits cannot be applied when they arrive (they would overpay)...
    const bookings = await Promise.all(NAMES.slice(4).map((name) => newBooking(name)));
    for (const b of bookings) {
      const paid = await graphql(instanceA.url, RECORD, { input: { bookingId: b.id, amountCents: b.totalCents, kind: 'FULL', reference: `CASH-${b.dbId}` } }, token);
      expect(paid.data!.recordManualPayment.userErrors).toEqual([]);
    }
    const uploaded = await graphql(instanceA.url, UPLOAD, { text: statementFor(bookings) }, token);
    expect(uploaded.data!.uploadBankStatement).toEqual({ added: 4, applied: 0, userErrors: [] });
    // ...then the cash is given back, and both instances match the waiting credits again, twice each, at once.
    for (const b of bookings) {
      const refunded = await graphql(instanceA.url, RECORD, { input: { bookingId: b.id, amountCents: b.totalCents, kind: 'REFUND', reference: `BACK-${b.dbId}` } }, token);
      expect(refunded.data!.recordManualPayment.userErrors).toEqual([]);
    }
    const REMATCH = `mutation { rematchUnmatchedTransactions { applied userErrors { message } } }`;
    const runs = await Promise.all([instanceA, instanceB, instanceA, instanceB].map((instance) => graphql(instance.url, REMATCH, {}, token)));
    for (const run of runs) expect(run.errors).toBeUndefined();
    expect(runs.reduce((sum, run) => sum + run.data!.rematchUnmatchedTransactions.applied, 0)).toBe(4);
    for (const state of await ledgerState(bookings)) {
      const booking = bookings.find((b) => b.dbId === state.id)!;
      expect(state).toEqual({ id: booking.dbId, paid: booking.totalCents, bank_rows: 1, ledger: booking.totalCents });
    }
    const { rows } = await db.query(`SELECT bank_transaction_id, count(*)::int AS n FROM payment_match WHERE status IN ('AUTO_APPLIED', 'VERIFIED') GROUP BY 1 HAVING count(*) > 1`);
    expect(rows).toEqual([]);
  });

  it('tells consoles on the other instance of a credit that needs a person and of a credit applied', async () => {
    const tokenB = await instanceB.login();
    const onB = wsClient(instanceB.url, `Bearer ${tokenB}`);
    await connected(onB.client);
    const unmatched = subscribe(onB.client, `subscription { unmatchedPaymentAdded { id amountCents description suggestions { bookingReference } } }`);
    const matched = subscribe(onB.client, `subscription { paymentMatched { status bookingReference booking { price { paidCents } } bankTransaction { amountCents } } }`);
    await untilListening(instanceA, 'PAYMENT_UNMATCHED_ADDED', { instances: 1 });
    await untilListening(instanceA, 'PAYMENT_MATCHED', { instances: 1 });

    const sure = await newBooking('Wilhelmina Sandoval');
    const text = `Date,Description,Amount\n${today},"ZELLE FROM UNKNOWN HOLDINGS LLC",61.17\n${today},"Zelle payment from WILHELMINA SANDOVAL for ${sure.reference}",${(sure.totalCents / 100).toFixed(2)}\n`;
    expect((await graphql(instanceA.url, UPLOAD, { text }, token)).data!.uploadBankStatement).toEqual({ added: 2, applied: 1, userErrors: [] });
    expect((await unmatched.next()).unmatchedPaymentAdded).toEqual({ id: expect.any(String), amountCents: 6_117, description: 'ZELLE FROM UNKNOWN HOLDINGS LLC', suggestions: [] });
    expect((await matched.next()).paymentMatched).toEqual({ status: 'AUTO_APPLIED', bookingReference: sure.reference, booking: { price: { paidCents: sure.totalCents } }, bankTransaction: { amountCents: sure.totalCents } });
    expect(unmatched.errors).toEqual([]);
    expect(matched.errors).toEqual([]);
    await onB.client.dispose();
  });
});
