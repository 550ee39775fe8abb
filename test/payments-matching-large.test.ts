import { describe, expect, it } from 'vitest';
import { bookingReference } from '../server/src/modules/bookings/booking-reference';
import { useApp } from './support/fixtures';
import { graphql } from './support/graphql-client';

/**
 * A statement and a "match again" large enough (over 200 credits) for the server to match them
 * in its matching worker thread rather than in slices on the API's thread: the same outcomes as
 * a small run, a rejected booking still left out, and the API answering meanwhile.
 */
const app = useApp({ extension101: false });

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const dbIdOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
const dollars = (cents: number) => (cents / 100).toFixed(2);

const UPLOAD = `mutation($input: UploadBankStatementInput!) { uploadBankStatement(input: $input) { format lines added credits applied userErrors { field message code } } }`;
const REMATCH = `mutation { rematchUnmatchedTransactions { examined applied suggested userErrors { message } } }`;
const BOOKING = `query($id: ID!) { booking(id: $id) { price { paidCents } payments { amountCents kind source } } }`;

async function call(query: string, variables: Record<string, unknown> = {}) {
  const response = await graphql(app.server.url, query, variables, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** Small credits from payers no booking is for: nothing fits them. */
const FILLERS = 240;
const SURNAMES = ['Abernathy', 'Brightwater', 'Calloway', 'Dunmore', 'Everhart', 'Fairweather', 'Galloway', 'Holloway', 'Ingleby', 'Jessop', 'Kingsley', 'Lockhart'];

describe('matching a large statement in the worker thread', () => {
  const today = dayFromToday(0);
  let booking: { id: string; dbId: string; reference: string; totalCents: number };
  let paying: string;

  it('applies the sure match among hundreds of credits and leaves the rest unmatched', async () => {
    const made = (
      await call(`mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id price { totalCents } } userErrors { message } } }`, {
        input: {
          customer: { name: 'Cornelius Ashdown', phone: '+19165557001' },
          sourceChannel: 'PHONE',
          eventDate: dayFromToday(3),
          startTime: '18:00',
          address: '12 Example Street, Sacramento, CA 95814',
          adults: 12,
          requestTerms: false,
        },
      })
    ).createBooking;
    expect(made.userErrors).toEqual([]);
    const dbId = dbIdOf(made.booking.id);
    booking = { id: made.booking.id, dbId, reference: bookingReference(dbId), totalCents: made.booking.price.totalCents };
    paying = `Zelle payment from CORNELIUS ASHDOWN for ${booking.reference}`;
    const lines = ['Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #', `CREDIT,${usDate(today)},"${paying}",${dollars(booking.totalCents)},QUICKPAY_CREDIT,5000.00,,`];
    for (let i = 0; i < FILLERS; i++) {
      lines.push(`CREDIT,${usDate(today)},"Zelle payment from PAYER${i} ${SURNAMES[i % SURNAMES.length].toUpperCase()}",${dollars(1_000 + i)},QUICKPAY_CREDIT,5000.00,,`);
    }

    const uploaded = (await call(UPLOAD, { input: { fileName: 'Chase1234_Activity.CSV', text: lines.join('\r\n') } })).uploadBankStatement;
    expect(uploaded).toEqual({ format: 'CHASE_CSV', lines: FILLERS + 1, added: FILLERS + 1, credits: FILLERS + 1, applied: 1, userErrors: [] });
    expect((await call(BOOKING, { id: booking.id })).booking).toEqual({ price: { paidCents: booking.totalCents }, payments: [{ amountCents: booking.totalCents, kind: 'FULL', source: 'BANK' }] });
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM bank_transaction WHERE matched_at IS NULL`);
    expect(rows[0].n).toBe(FILLERS);
  });

  it('matches them all again, leaving out a rejected booking, while the API answers', async () => {
    const { rows: applied } = await app.db.query(`SELECT m.id FROM payment_match m JOIN bank_transaction t ON t.id = m.bank_transaction_id WHERE m.status = 'AUTO_APPLIED' AND t.description = $1`, [paying]);
    expect(applied).toHaveLength(1);
    const matchGlobalId = Buffer.from(`PaymentMatch:${applied[0].id}`, 'utf8').toString('base64url');
    const rejected = (await call(`mutation($id: ID!) { rejectPaymentMatch(input: { id: $id }) { paymentMatch { status } userErrors { message } } }`, { id: matchGlobalId })).rejectPaymentMatch;
    expect(rejected).toEqual({ paymentMatch: { status: 'REJECTED' }, userErrors: [] });

    const [rematch, meanwhile] = await Promise.all([call(REMATCH), call(BOOKING, { id: booking.id })]);
    expect(rematch.rematchUnmatchedTransactions).toEqual({ examined: FILLERS + 1, applied: 0, suggested: 0, userErrors: [] });
    expect(meanwhile.booking.price.paidCents).toBe(0);
    const { rows } = await app.db.query(
      `SELECT m.status FROM payment_match m JOIN bank_transaction t ON t.id = m.bank_transaction_id WHERE t.description = $1 AND m.booking_id = $2 ORDER BY m.created_at`,
      [paying, booking.dbId],
    );
    expect(rows.map((row) => row.status)).toEqual(['REJECTED']);
  });
});
