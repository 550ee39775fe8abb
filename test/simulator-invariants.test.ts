import { describe, expect, it } from 'vitest';
import { customerAskingForAPerson, eventually, useApp } from './support/fixtures';
import { graphql } from './support/graphql-client';
import { checkInvariants, type InvariantResult } from './simulator/invariants';

/**
 * The simulator's soak invariants catch what they claim to: on a real server, each one passes
 * while the data is right and fails, naming the problem, once the data is wrong.
 */

const app = useApp({ ringCentral: true, meta: true });

const check = () => checkInvariants({ url: app.server.url, token: app.adminToken, db: app.db, rc: app.rc, meta: app.meta });
const failing = (results: InvariantResult[]) => results.filter((result) => !result.ok).map((result) => result.name);

describe('the soak invariants', () => {
  it('pass on sound data, and each fails when its rule is broken', async () => {
    const made = await graphql(
      app.server.url,
      `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { message } } }`,
      {
        input: {
          customer: { name: 'Grace Hughes', phone: '+17075550144' },
          sourceChannel: 'PHONE',
          eventDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          startTime: '18:00',
          address: '210 Oak St, Vacaville, CA 95687',
          adults: 14,
        },
      },
      app.adminToken,
    );
    expect(made.data!.createBooking.userErrors).toEqual([]);
    const bookingId = made.data!.createBooking.booking.id as string;
    const paid = await graphql(
      app.server.url,
      `mutation($input: RecordManualPaymentInput!) { recordManualPayment(input: $input) { userErrors { message } } }`,
      { input: { bookingId, amountCents: 10_000, kind: 'DEPOSIT', reference: 'cash-0144' } },
      app.adminToken,
    );
    expect(paid.data!.recordManualPayment.userErrors).toEqual([]);
    await customerAskingForAPerson(app.server.url);
    // The booking's terms text has gone out through the provider.
    await eventually('the terms text', () => app.textsTo('+17075550144').length === 1, 20_000);

    const sound = await check();
    expect(sound).toHaveLength(7);
    expect(failing(sound)).toEqual([]);

    // A text the provider received twice though the server sent it once.
    app.rc.sentSms.push({ ...app.textsTo('+17075550144')[0], id: 'provider-duplicate' });
    // A paid amount the ledger does not add up to.
    const dbId = Buffer.from(bookingId, 'base64url').toString('utf8').split(':')[1];
    await app.db.query(`UPDATE booking SET paid_cents = paid_cents + 500 WHERE id = $1`, [dbId]);
    // An escalation said to be assigned, to nobody.
    await app.db.query(`UPDATE escalation SET status = 'ASSIGNED', assigned_extension_id = NULL`);

    const broken = await check();
    expect(failing(broken)).toEqual([
      'every SMS the provider received is one the server meant to send, once',
      'no two identical texts to one number within a minute unless the server sent both',
      'every open escalation is assigned or queued',
      "every booking's paid amount equals the sum of its ledger payments",
    ]);
    expect(broken.find((result) => result.name.startsWith("every booking's paid"))!.detail).toBe('1 of 1 bookings disagree with their ledger');
  });
});
