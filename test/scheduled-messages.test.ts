import { describe, expect, it } from 'vitest';
import { eventually, useApp, type App } from './support/fixtures';
import { graphql } from './support/graphql-client';

/**
 * Reminders and review requests over the real server: what a booking is due follows from the
 * booking, a check on the durable queue sends each one once in the customer's thread, on the
 * customer's clock (the event's ZIP code), never in quiet hours, never to an opted-out number,
 * never for a cancelled booking; staff see each one's state on the booking.
 *
 * Time is moved the way the bookings tests move it: the booking's dates are set in the database,
 * so a reminder is due now without waiting for a day.
 */

const LA = 'America/Los_Angeles';
const FREMONT = '47000 Warm Springs Blvd, Fremont, CA 94539';
const REVIEW_LINK = 'https://g.page/r/hibachi-test/review';
const BASE_ENV = {
  SCHEDULED_MESSAGES_EVERY_SECONDS: '1',
  // Due at local midnight, so a reminder for tomorrow's event is already due whenever this runs.
  REMINDER_SEND_TIME: '00:00',
  REVIEW_REQUEST_SEND_TIME: '00:00',
  REVIEW_LINK_URL: REVIEW_LINK,
  TERMS_AGAIN_ON_CHANGE: 'none',
  // No quiet hours here, whatever time of day the suite runs; the quiet-hours block sets its own.
  QUIET_HOURS: '00:00-00:00',
};

const SCHEDULED = `query($id: ID!) { booking(id: $id) { id scheduledMessages { kind daysBefore dueAt sendAt status reason handledAt timeZone timeZoneSource } } }`;

/** The local date `days` from today in `zone`, as YYYY-MM-DD. */
function localDay(days: number, zone = LA): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(Date.now() + days * 86_400_000));
}

let phoneCounter = 0;
function newPhone(): string {
  phoneCounter += 1;
  // 510: Fremont's area code, so the number and the address agree.
  return `+1510555${String(1000 + phoneCounter * 7 + Math.floor(Math.random() * 1000)).padStart(4, '0')}`;
}

async function createBooking(app: App, overrides: Record<string, unknown> = {}): Promise<{ id: string; phone: string }> {
  const phone = newPhone();
  const response = await graphql(
    app.server.url,
    `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { field message } } }`,
    { input: { customer: { name: 'Riley Chen', phone }, sourceChannel: 'PHONE', eventDate: localDay(40), startTime: '18:00', address: FREMONT, adults: 12, kids: 0, requestTerms: false, ...overrides } },
    app.adminToken,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data!.createBooking.userErrors).toEqual([]);
  return { id: response.data!.createBooking.booking.id, phone };
}

/** Confirmed 30 days ago, for an event `daysAhead` local days from now at 18:00 Los Angeles time. */
async function confirmedLongAgo(app: App, globalId: string, daysAhead: number, extra: { paidInFull?: boolean } = {}): Promise<void> {
  const id = Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
  await app.db.query(
    `UPDATE booking SET status = 'CONFIRMED', confirmed_at = now() - interval '30 days', event_date = $2::date,
            starts_at = ($2::date + time '18:00') AT TIME ZONE '${LA}', paid_cents = CASE WHEN $3 THEN 100000000 ELSE paid_cents END
      WHERE id = $1`,
    [id, localDay(daysAhead), extra.paidInFull ?? false],
  );
}

async function scheduledMessages(app: App, id: string): Promise<any[]> {
  const response = await graphql(app.server.url, SCHEDULED, { id }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.booking.scheduledMessages;
}

/** Waits until the dispatcher has run `runs` more times, so a second send would have happened by then. */
async function afterDispatcherRuns(app: App, runs: number): Promise<void> {
  const count = async () => (await app.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'reminders.dispatch-due' AND state = 'completed'`)).rows[0].n as number;
  const start = await count();
  await eventually(`the scheduled-message check to run ${runs} more times`, async () => (await count()) >= start + runs, 30_000, 100);
}

describe('scheduled messages, sent once on the customer’s clock', () => {
  const app = useApp({ ringCentral: true, extension101: false, env: BASE_ENV });

  it('sends the day-before reminder once in the customer’s thread, skips paid-in-full balance reminders, and shows each on the booking', async () => {
    const { id, phone } = await createBooking(app);
    await confirmedLongAgo(app, id, 1, { paidInFull: true });

    await eventually('the day-before reminder to reach the customer', () => app.textsTo(phone).length === 1);
    expect(app.textsTo(phone)[0].text).toMatch(/reminder that your hibachi party for 12 is tomorrow, .* at 6:00 PM, at 47000 Warm Springs Blvd/);

    await afterDispatcherRuns(app, 2);
    expect(app.textsTo(phone)).toHaveLength(1);
    const messages = await scheduledMessages(app, id);
    expect(messages.map((m) => [m.kind, m.daysBefore, m.status])).toEqual([
      ['PAYMENT_REMINDER', 7, 'SKIPPED'],
      ['PAYMENT_REMINDER', 2, 'SKIPPED'],
      ['DAY_BEFORE_REMINDER', null, 'SENT'],
      ['REVIEW_REQUEST', null, 'SCHEDULED'],
    ]);
    // The first was due 6 days ago, the second yesterday: only the latest could have gone, and the balance is paid.
    expect(messages[1].reason).toBe('The booking is paid in full.');
    expect(messages[0].reason).toMatch(/later reminder/);
    for (const message of messages) expect([message.timeZone, message.timeZoneSource]).toEqual([LA, 'ZIP_CODE']);
    // The reminder is in the thread staff read, as the business's message.
    const { rows } = await app.db.query(`SELECT m.author FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.channel_address = $1`, [phone]);
    expect(rows.map((row) => row.author)).toEqual(['SYSTEM']);
  });

  it('reminds of an unpaid balance with the amount, once, and only the latest reminder due', async () => {
    const { id, phone } = await createBooking(app);
    await confirmedLongAgo(app, id, 5);

    await eventually('the balance reminder to reach the customer', () => app.textsTo(phone).length === 1);
    const price = await graphql(app.server.url, `query($id: ID!) { booking(id: $id) { price { balanceCents } } }`, { id }, app.adminToken);
    const balance = (price.data!.booking.price.balanceCents / 100).toLocaleString('en-US');
    expect(app.textsTo(phone)[0].text).toContain(`has a balance of $${balance} still open`);
    await afterDispatcherRuns(app, 2);
    expect(app.textsTo(phone)).toHaveLength(1);
    const messages = await scheduledMessages(app, id);
    expect(messages.map((m) => [m.kind, m.daysBefore, m.status])).toEqual([
      ['PAYMENT_REMINDER', 7, 'SENT'],
      ['PAYMENT_REMINDER', 2, 'SCHEDULED'],
      ['DAY_BEFORE_REMINDER', null, 'SCHEDULED'],
      ['REVIEW_REQUEST', null, 'SCHEDULED'],
    ]);
  });

  it('gives a moved booking new reminders for its new day, and keeps the ones sent for the old day', async () => {
    const { id, phone } = await createBooking(app);
    await confirmedLongAgo(app, id, 1, { paidInFull: true });
    await eventually('the day-before reminder', () => app.textsTo(phone).length === 1);

    const moved = await graphql(
      app.server.url,
      `mutation($input: UpdateBookingInput!) { updateBooking(input: $input) { booking { eventDate status } userErrors { message } } }`,
      { input: { id, eventDate: localDay(20) } },
      app.adminToken,
    );
    expect(moved.data!.updateBooking.userErrors).toEqual([]);
    expect(moved.data!.updateBooking.booking.status).toBe('CONFIRMED');
    const dayBefore = (await scheduledMessages(app, id)).filter((m) => m.kind === 'DAY_BEFORE_REMINDER');
    expect(dayBefore.map((m) => m.status)).toEqual(['SENT', 'SCHEDULED']);
    // Due at local midnight the day before the new date.
    const newDue = new Date(dayBefore[1].dueAt);
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: LA, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(newDue)).toBe(`${localDay(19)}, 00:00`);
    await afterDispatcherRuns(app, 2);
    expect(app.textsTo(phone)).toHaveLength(1);
  });

  it('sends nothing for a cancelled booking and shows what it was still due as cancelled', async () => {
    const { id, phone } = await createBooking(app, { eventDate: localDay(3) });
    const cancelled = await graphql(
      app.server.url,
      `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { status } userErrors { message } } }`,
      { input: { id, reason: 'Change of plans' } },
      app.adminToken,
    );
    expect(cancelled.data!.cancelBooking.booking.status).toBe('CANCELLED');
    // It had been confirmed for tomorrow before the cancellation: its reminder would be due now.
    const rowId = Buffer.from(id, 'base64').toString('utf8').split(':')[1];
    await app.db.query(`UPDATE booking SET confirmed_at = now() - interval '30 days', event_date = $2::date, starts_at = ($2::date + time '18:00') AT TIME ZONE '${LA}' WHERE id = $1`, [rowId, localDay(1)]);

    await afterDispatcherRuns(app, 2);
    expect(app.textsTo(phone)).toEqual([]);
    expect((await scheduledMessages(app, id)).map((m) => [m.kind, m.status])).toEqual([['REVIEW_REQUEST', 'CANCELLED']]);
  });

  it('skips a reminder to a number that texted STOP, and says why', async () => {
    const { id, phone } = await createBooking(app);
    expect((await app.rc.deliver(app.rc.inboundSmsBody({ from: phone, text: 'STOP' }), { uuid: `stop-${phone}` })).status).toBe(200);
    await eventually('the opt-out to be recorded', async () => (await app.db.query(`SELECT opted_out FROM messaging_consent WHERE address = $1`, [phone])).rows[0]?.opted_out === true);
    // STOP's own confirmation is the one text this number gets.
    await eventually('the opt-out confirmation', () => app.textsTo(phone).length === 1);
    await confirmedLongAgo(app, id, 1, { paidInFull: true });

    await eventually('the reminder to be skipped', async () => (await scheduledMessages(app, id)).some((m) => m.kind === 'DAY_BEFORE_REMINDER' && m.status === 'SKIPPED'));
    const reminder = (await scheduledMessages(app, id)).find((m) => m.kind === 'DAY_BEFORE_REMINDER');
    expect(reminder.reason).toBe('The customer has opted out of texts.');
    await afterDispatcherRuns(app, 2);
    expect(app.textsTo(phone)).toHaveLength(1);
  });

  it('asks for a review the day after the event, with the review link, once', async () => {
    const { id, phone } = await createBooking(app);
    const rowId = Buffer.from(id, 'base64').toString('utf8').split(':')[1];
    await app.db.query(
      `UPDATE booking SET status = 'COMPLETED', confirmed_at = now() - interval '30 days', completed_at = now(), event_date = $2::date, starts_at = ($2::date + time '18:00') AT TIME ZONE '${LA}' WHERE id = $1`,
      [rowId, localDay(-1)],
    );
    await eventually('the review request', () => app.textsTo(phone).length === 1);
    expect(app.textsTo(phone)[0].text).toBe(`Thank you for celebrating with Hibachi at Home! If you enjoyed your party, would you leave us a review? ${REVIEW_LINK}`);
    await afterDispatcherRuns(app, 2);
    expect(app.textsTo(phone)).toHaveLength(1);
  });
});

/** A window that is closed now on Los Angeles clocks: it opens in two hours and closes an hour later. */
function closedWindowNow(): { window: string; opensAt: string } {
  const at = (hoursAhead: number) => new Intl.DateTimeFormat('en-GB', { timeZone: LA, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Date.now() + hoursAhead * 3_600_000));
  return { window: `${at(2)}-${at(3)}`, opensAt: at(2) };
}

describe('quiet hours on the customer’s clock', () => {
  const quiet = closedWindowNow();
  const app = useApp({ ringCentral: true, extension101: false, env: { ...BASE_ENV, QUIET_HOURS: quiet.window } });

  it('holds a due reminder until the window opens on the customer’s clock, and says so', async () => {
    const { id, phone } = await createBooking(app);
    await confirmedLongAgo(app, id, 1, { paidInFull: true });
    await afterDispatcherRuns(app, 2);

    expect(app.textsTo(phone)).toEqual([]);
    const reminder = (await scheduledMessages(app, id)).find((m) => m.kind === 'DAY_BEFORE_REMINDER');
    expect(reminder.status).toBe('SCHEDULED');
    expect(reminder.reason).toBe("Held until the recipient's quiet hours end.");
    const sendAt = new Date(reminder.sendAt);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: LA, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(sendAt)).toBe(quiet.opensAt);
    expect(sendAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('holds a confirmation staff recorded until the customer’s window opens, while one answering the customer goes at once', async () => {
    const { id, phone } = await createBooking(app, { requestTerms: true });
    const accepted = await graphql(
      app.server.url,
      `mutation($input: RecordTermsAcknowledgmentInput!) { recordTermsAcknowledgment(input: $input) { userErrors { message } } }`,
      { input: { bookingId: id, channel: 'IN_PERSON' } },
      app.adminToken,
    );
    expect(accepted.data!.recordTermsAcknowledgment.userErrors).toEqual([]);
    const { rows } = await app.db.query(
      `SELECT s.status, s.time_zone, j.start_after FROM outbound_send s JOIN pgboss.job j ON j.name = 'outbound.send' AND j.data->>'key' = s.idempotency_key
        WHERE s.recipient = $1 AND s.purpose = 'BOOKING_CONFIRMATION'`,
      [phone],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].time_zone).toBe(LA);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: LA, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(rows[0].start_after)).toBe(quiet.opensAt);
    // The terms text itself went at once: it answers the booking just made with the customer.
    expect(app.textsTo(phone).some((sms) => /confirmed/.test(sms.text))).toBe(false);
  });
});
