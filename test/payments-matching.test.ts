import { describe, expect, it } from 'vitest';
import { bookingReference } from '../server/src/modules/bookings/booking-reference';
import { eventually, statementsOf, useApp } from './support/fixtures';
import { graphql } from './support/graphql-client';

/**
 * Bank credits matched to bookings through the API, on a server with the local bank feed (a
 * statement upload): sure matches are applied, the rest wait for review; verify, reject and
 * match by hand refuse a cancelled booking, overpaying and a credit already used; the weekly
 * report explains every credit; a credit left unmatched raises an alert.
 */
const app = useApp({ extension101: false, env: { PAYMENT_UNMATCHED_CHECK_EVERY_SECONDS: '1' } });

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const dbIdOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
const globalIdOf = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

const UPLOAD = `mutation($input: UploadBankStatementInput!) { uploadBankStatement(input: $input) { format lines added credits applied userErrors { field message code } } }`;
const MATCH_FIELDS = `id status type confidence reason origin bookingReference booking { id status price { paidCents totalCents } } bankTransaction { id amountCents description }`;
const QUEUE = `query($status: PaymentMatchStatus) { paymentMatches(status: $status, first: 100) { totalCount edges { node { ${MATCH_FIELDS} } } } }`;
const UNMATCHED = `{ unmatchedTransactions(first: 100) { totalCount edges { node { id amountCents description postedOn source suggestions { id bookingReference confidence status } appliedMatch { id } } } } }`;
const VERIFY = `mutation($id: ID!) { verifyPaymentMatch(input: { id: $id }) { paymentMatch { ${MATCH_FIELDS} } userErrors { field message code } } }`;
const REJECT = `mutation($id: ID!) { rejectPaymentMatch(input: { id: $id }) { paymentMatch { id status } userErrors { field message code } } }`;
const MATCH = `mutation($input: MatchPaymentInput!) { matchPayment(input: $input) { paymentMatch { ${MATCH_FIELDS} decidedBy { email } } userErrors { field message code } } }`;
const BOOKING = `query($id: ID!) { booking(id: $id) { price { paidCents } payments { amountCents kind source externalId } } }`;

let counter = 0;
async function newBooking(name: string, options: { cancel?: boolean } = {}) {
  counter += 1;
  const made = await graphql(
    app.server.url,
    `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id price { totalCents depositCents } } userErrors { message } } }`,
    {
      input: {
        customer: { name, phone: `+1916555${String(6000 + counter).padStart(4, '0')}` },
        sourceChannel: 'PHONE',
        eventDate: dayFromToday(2 + counter),
        startTime: '18:00',
        address: '12 Example Street, Sacramento, CA 95814',
        adults: 10 + counter,
        requestTerms: false,
      },
    },
    app.adminToken,
  );
  expect(made.data!.createBooking.userErrors).toEqual([]);
  const { id, price } = made.data!.createBooking.booking;
  if (options.cancel) {
    const cancelled = await graphql(app.server.url, `mutation($id: ID!) { cancelBooking(input: { id: $id, reason: "Changed plans" }) { userErrors { message } } }`, { id }, app.adminToken);
    expect(cancelled.data!.cancelBooking.userErrors).toEqual([]);
  }
  const dbId = dbIdOf(id);
  return { id, dbId, reference: bookingReference(dbId), totalCents: price.totalCents as number, depositCents: price.depositCents as number };
}

async function call(query: string, variables: Record<string, unknown> = {}, token = app.adminToken) {
  const response = await graphql(app.server.url, query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const dollars = (cents: number) => (cents / 100).toFixed(2);

describe('matching uploaded bank credits to bookings', () => {
  const today = dayFromToday(0);
  let full: Awaited<ReturnType<typeof newBooking>>;
  let odd: Awaited<ReturnType<typeof newBooking>>;
  let cancelled: Awaited<ReturnType<typeof newBooking>>;
  let statement: string;

  it('applies a sure match at once, queues the unsure ones and ignores debits; uploading again adds nothing', async () => {
    full = await newBooking('Johnathan Whitfield');
    odd = await newBooking('Priya Raghunathan');
    cancelled = await newBooking('Marguerite Okonkwo', { cancel: true });
    statement = [
      'Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #',
      `CREDIT,${usDate(today)},"Zelle payment from JOHNATHAN WHITFIELD for ${full.reference} Conf# 8xk2ab",${dollars(full.totalCents)},QUICKPAY_CREDIT,5000.00,,`,
      `CREDIT,${usDate(today)},"Zelle payment from ACME PARTY SUPPLY for ${odd.reference}",123.45,QUICKPAY_CREDIT,5123.45,,`,
      `CREDIT,${usDate(today)},"Zelle payment from MARGUERITE OKONKWO ${cancelled.reference}",${dollars(cancelled.totalCents)},QUICKPAY_CREDIT,6000.00,,`,
      `DEBIT,${usDate(today)},"RESTAURANT DEPOT #12",-310.20,DEBIT_CARD,5689.80,,`,
      `CREDIT,${usDate(today)},"INTEREST PAYMENT",0.42,INTEREST,5690.22,,`,
    ].join('\r\n');

    const first = (await call(UPLOAD, { input: { fileName: 'Chase1234_Activity.CSV', text: statement } })).uploadBankStatement;
    expect(first).toEqual({ format: 'CHASE_CSV', lines: 5, added: 5, credits: 4, applied: 1, userErrors: [] });
    expect((await call(BOOKING, { id: full.id })).booking).toEqual({
      price: { paidCents: full.totalCents },
      payments: [{ amountCents: full.totalCents, kind: 'FULL', source: 'BANK', externalId: expect.any(String) }],
    });

    const again = (await call(UPLOAD, { input: { text: statement } })).uploadBankStatement;
    expect(again).toEqual({ format: 'CHASE_CSV', lines: 5, added: 0, credits: 0, applied: 0, userErrors: [] });
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM bank_transaction`);
    expect(rows[0].n).toBe(5);
    expect((await call(BOOKING, { id: full.id })).booking.price.paidCents).toBe(full.totalCents);
  });

  it('lists the unsure credits with their suggestions, and never auto-pays a cancelled booking', async () => {
    const unmatched = (await call(UNMATCHED)).unmatchedTransactions;
    const byDescription = new Map(unmatched.edges.map((e: any) => [e.node.description as string, e.node]));
    expect([...byDescription.keys()].sort()).toEqual([
      `Zelle payment from ACME PARTY SUPPLY for ${odd.reference}`,
      `Zelle payment from MARGUERITE OKONKWO ${cancelled.reference}`,
      'INTEREST PAYMENT',
    ].sort());
    expect((byDescription.get('INTEREST PAYMENT') as any).suggestions).toEqual([]);
    const cancelledLine = byDescription.get(`Zelle payment from MARGUERITE OKONKWO ${cancelled.reference}`) as any;
    expect(cancelledLine.suggestions[0]).toMatchObject({ bookingReference: cancelled.reference, status: 'SUGGESTED' });
    expect(cancelledLine.suggestions[0].confidence).toBeLessThan(0.9);

    const queue = (await call(QUEUE, { status: 'SUGGESTED' })).paymentMatches;
    const forOdd = queue.edges.find((e: any) => e.node.bookingReference === odd.reference).node;
    expect(forOdd).toMatchObject({ status: 'SUGGESTED', origin: 'MATCHER', booking: { id: odd.id, price: { paidCents: 0 } }, bankTransaction: { amountCents: 12_345 } });
    expect(forOdd.reason).toMatch(new RegExp(odd.reference));
    expect(forOdd.confidence).toBeLessThan(0.9);
    const applied = (await call(QUEUE, { status: 'AUTO_APPLIED' })).paymentMatches.edges.map((e: any) => e.node);
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ bookingReference: full.reference, type: 'FULL', booking: { price: { paidCents: full.totalCents } } });
    expect(applied[0].confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses to verify a suggestion for a cancelled booking, and applies a verified one', async () => {
    const queue = (await call(QUEUE, { status: 'SUGGESTED' })).paymentMatches.edges.map((e: any) => e.node);
    const forCancelled = queue.find((m: any) => m.bookingReference === cancelled.reference);
    const refused = (await call(VERIFY, { id: forCancelled.id })).verifyPaymentMatch;
    expect(refused.paymentMatch).toBeNull();
    expect(refused.userErrors).toEqual([{ field: 'bookingId', code: 'BOOKING_CANCELLED', message: expect.stringMatching(new RegExp(`^Booking: ${cancelled.reference} is cancelled`)) }]);

    const forOdd = queue.find((m: any) => m.bookingReference === odd.reference);
    const verified = (await call(VERIFY, { id: forOdd.id })).verifyPaymentMatch;
    expect(verified.userErrors).toEqual([]);
    expect(verified.paymentMatch).toMatchObject({ status: 'VERIFIED', booking: { price: { paidCents: 12_345 } } });
    expect((await call(VERIFY, { id: forOdd.id })).verifyPaymentMatch.paymentMatch.status).toBe('VERIFIED');
    expect((await call(BOOKING, { id: odd.id })).booking.price.paidCents).toBe(12_345);
    const unmatched = (await call(UNMATCHED)).unmatchedTransactions.edges.map((e: any) => e.node.description);
    expect(unmatched).not.toContain(`Zelle payment from ACME PARTY SUPPLY for ${odd.reference}`);
  });

  it('refuses a manual match that overpays, pays a cancelled booking or reuses a credit, naming each problem', async () => {
    const unmatched = (await call(UNMATCHED)).unmatchedTransactions.edges.map((e: any) => e.node);
    const interest = unmatched.find((t: any) => t.description === 'INTEREST PAYMENT');
    const overpaying = (await call(MATCH, { input: { bankTransactionId: interest.id, bookingId: full.id } })).matchPayment;
    expect(overpaying.userErrors).toEqual([{ field: 'bookingId', code: 'OVERPAYS', message: expect.stringMatching(new RegExp(`^Booking: ${full.reference} is paid in full already`)) }]);

    const applied = (await call(QUEUE, { status: 'AUTO_APPLIED' })).paymentMatches.edges[0].node;
    const reused = (await call(MATCH, { input: { bankTransactionId: applied.bankTransaction.id, bookingId: cancelled.id } })).matchPayment;
    expect(reused.userErrors.map((e: any) => e.code)).toEqual(expect.arrayContaining(['TRANSACTION_USED', 'BOOKING_CANCELLED']));
    expect(reused.userErrors.find((e: any) => e.code === 'TRANSACTION_USED').message).toBe(`Bank credit: this credit already pays booking ${full.reference}. Reject that match first.`);

    const manual = (await call(MATCH, { input: { bankTransactionId: interest.id, bookingId: odd.id } })).matchPayment;
    expect(manual.userErrors).toEqual([]);
    expect(manual.paymentMatch).toMatchObject({ status: 'VERIFIED', origin: 'MANUAL', type: 'BALANCE', confidence: 1, decidedBy: { email: expect.any(String) }, booking: { price: { paidCents: 12_387 } } });
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM payment WHERE booking_id = $1`, [odd.dbId]);
    expect(rows[0].n).toBe(2);
  });

  it('takes a rejected automatic match off the booking and never proposes that booking for the credit again', async () => {
    const applied = (await call(QUEUE, { status: 'AUTO_APPLIED' })).paymentMatches.edges[0].node;
    const rejected = (await call(REJECT, { id: applied.id })).rejectPaymentMatch;
    expect(rejected).toEqual({ paymentMatch: { id: applied.id, status: 'REJECTED' }, userErrors: [] });
    expect((await call(BOOKING, { id: full.id })).booking).toEqual({ price: { paidCents: 0 }, payments: [] });
    const back = (await call(UNMATCHED)).unmatchedTransactions.edges.map((e: any) => e.node).find((t: any) => t.id === applied.bankTransaction.id);
    expect(back).toBeDefined();
    expect(back.suggestions.map((s: any) => s.bookingReference)).not.toContain(full.reference);

    const rematch = (await call(`mutation { rematchUnmatchedTransactions { examined applied suggested userErrors { message } } }`)).rematchUnmatchedTransactions;
    expect(rematch.applied).toBe(0);
    expect((await call(BOOKING, { id: full.id })).booking.price.paidCents).toBe(0);
    const { rows } = await app.db.query(`SELECT excluded_booking_ids::text[] AS excluded FROM bank_transaction WHERE id = $1`, [dbIdOf(applied.bankTransaction.id)]);
    expect(rows[0].excluded).toEqual([full.dbId]);
  });

  it('keeps one applied match per bank credit in the database, whatever writes it', async () => {
    const { rows } = await app.db.query(`SELECT bank_transaction_id, booking_id FROM payment_match WHERE status = 'VERIFIED' LIMIT 1`);
    await expect(
      app.db.query(`INSERT INTO payment_match (bank_transaction_id, booking_id, type, confidence, reason, status, origin) VALUES ($1, $2, 'BALANCE', 0.95, 'x', 'AUTO_APPLIED', 'MATCHER')`, [rows[0].bank_transaction_id, rows[0].booking_id]),
    ).rejects.toThrow(/payment_match_one_applied_idx/);
  });

  it('explains every credit of the week in the report and its CSV', async () => {
    const report = (
      await call(`query($week: String!) { reconciliationReport(weekOf: $week) { weekStart weekEnd creditCents matchedCents unmatchedCents csvPath lines { state bookingReference explanation transaction { amountCents description } match { status } } } }`, { week: today })
    ).reconciliationReport;
    expect(report.lines).toHaveLength(4);
    const states = Object.fromEntries(report.lines.map((line: any) => [line.transaction.description, line.state]));
    expect(states).toEqual({
      [`Zelle payment from JOHNATHAN WHITFIELD for ${full.reference} Conf# 8xk2ab`]: expect.stringMatching(/^(SUGGESTED|UNMATCHED)$/),
      [`Zelle payment from ACME PARTY SUPPLY for ${odd.reference}`]: 'MATCHED',
      [`Zelle payment from MARGUERITE OKONKWO ${cancelled.reference}`]: 'SUGGESTED',
      'INTEREST PAYMENT': 'MATCHED',
    });
    const rejectedLine = report.lines.find((line: any) => line.transaction.description.includes('WHITFIELD'));
    expect(rejectedLine.explanation).toMatch(new RegExp(`Rejected for ${full.reference}\\.`));
    expect(report.lines.find((line: any) => line.transaction.description === 'INTEREST PAYMENT').explanation).toMatch(/^Matched by hand/);
    expect(report.matchedCents).toBe(12_387);
    expect(report.creditCents).toBe(full.totalCents + 12_345 + cancelled.totalCents + 42);

    const csv = await fetch(`${app.server.url}${report.csvPath}`, { headers: { authorization: `Bearer ${app.adminToken}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    const csvLines = text.trim().split(/\r?\n/);
    expect(csvLines[0]).toBe('Posted,Amount,Description,Source,State,Booking,Type,Confidence,Explanation');
    expect(csvLines).toHaveLength(5);
    expect(csvLines.find((line) => line.includes('INTEREST PAYMENT'))).toMatch(new RegExp(`^${today},0\\.42,INTEREST PAYMENT,UPLOAD,MATCHED,${odd.reference},BALANCE,1\\.00,`));
    expect((await fetch(`${app.server.url}${report.csvPath}`)).status).toBe(401);
  });

  it('reads every booking’s payments with one statement, whatever the page size', async () => {
    const QUERY = `query($n: Int) { bookings(first: $n) { edges { node { id payments { amountCents } } } } }`;
    const few = await statementsOf(app.server.url, 'bookings', 'query', () => call(QUERY, { n: 1 }));
    const many = await statementsOf(app.server.url, 'bookings', 'query', () => call(QUERY, { n: 3 }));
    expect(many).toBe(few);
  });

  it('says what is wrong with a file that is not a bank export, and stores nothing', async () => {
    const { rows: before } = await app.db.query(`SELECT count(*)::int AS n FROM bank_transaction`);
    const refused = (await call(UPLOAD, { input: { text: 'name,email\nAmy,amy@example.com\n' } })).uploadBankStatement;
    expect(refused.userErrors).toEqual([{ field: 'text', code: 'NOT_A_STATEMENT', message: expect.stringMatching(/^File: This file is not a bank statement export we can read\. .*No row names a date, a description and an amount/) }]);
    const badRow = (await call(UPLOAD, { input: { text: `Date,Description,Amount\n${usDate(today)},ZELLE FROM A,10.00\n99/99/2026,ZELLE FROM B,5.00\n` } })).uploadBankStatement;
    expect(badRow.userErrors.map((e: any) => e.message)).toEqual(['File: Row 3: "99/99/2026" is not a date (MM/DD/YYYY or YYYY-MM-DD).']);
    const { rows: after } = await app.db.query(`SELECT count(*)::int AS n FROM bank_transaction`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('raises an alert for a credit unmatched for more than three days, and closes it when the credit is matched', async () => {
    const late = await newBooking('Bartholomew Quincey');
    const posted = dayFromToday(-5);
    const upload = (await call(UPLOAD, { input: { text: `Date,Description,Amount\n${posted},ZELLE FROM SOMEONE UNKNOWN,77.00\n${dayFromToday(-1)},ZELLE FROM RECENT PAYER,55.00\n` } })).uploadBankStatement;
    expect(upload.added).toBe(2);
    const { rows } = await app.db.query(`SELECT id, description FROM bank_transaction WHERE description IN ('ZELLE FROM SOMEONE UNKNOWN', 'ZELLE FROM RECENT PAYER')`);
    const old = rows.find((row: any) => row.description === 'ZELLE FROM SOMEONE UNKNOWN');
    const recent = rows.find((row: any) => row.description === 'ZELLE FROM RECENT PAYER');
    const ALERTS = `{ alerts(open: true, kind: "PAYMENT_UNMATCHED", first: 100) { edges { node { subjectId message } } } }`;
    let alerts: any[] = [];
    await eventually('an alert for the old unmatched credit', async () => {
      alerts = (await call(ALERTS)).alerts.edges.map((e: any) => e.node);
      return alerts.some((alert) => alert.subjectId === old.id);
    });
    expect(alerts.find((alert) => alert.subjectId === old.id).message).toMatch(/^A bank credit of \$77 posted .* has not been matched to a booking for \d days\. Match it on the Payments page\.$/);
    expect(alerts.some((alert) => alert.subjectId === recent.id)).toBe(false);

    expect((await call(MATCH, { input: { bankTransactionId: globalIdOf('BankTransaction', old.id), bookingId: late.id } })).matchPayment.userErrors).toEqual([]);
    const open = (await call(ALERTS)).alerts.edges.map((e: any) => e.node.subjectId);
    expect(open).not.toContain(old.id);
  });
});
