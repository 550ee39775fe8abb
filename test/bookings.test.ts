import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, metricValue, statementsOf, useApp } from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { untilListening } from './support/live';

/**
 * Bookings over the real server (SPEC §4): made by staff and integrators, priced from the price
 * list, moved only along the status machine, refused with userErrors a person can act on, read
 * at a fixed cost per page, and published to every console.
 */

const app = useApp({ ringCentral: true, extension101: false, env: { BOOKING_COMPLETION_EVERY_SECONDS: '1' } });

const BOOKING_FIELDS = `id status eventDate startTime address adults kids partySize dietaryNotes sourceChannel smsConsent cancellationReason
  customer { id name phone email }
  price { adults kids pricePerAdultCents pricePerKidCents foodCents minimumSpendCents minimumTopUpCents travelFeeCents totalCents depositCents paidCents balanceCents }`;
const CREATE = `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { ${BOOKING_FIELDS} } userErrors { field message code } } }`;
const UPDATE = `mutation($input: UpdateBookingInput!) { updateBooking(input: $input) { booking { ${BOOKING_FIELDS} } userErrors { field message code } } }`;
const CANCEL = `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { ${BOOKING_FIELDS} } userErrors { field message code } } }`;

/** A day `days` from today, as YYYY-MM-DD (the server's business zone is New York; a week's margin either side). */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

let phoneCounter = 0;
/** A fresh US number per booking, so tests never share a customer. */
function newPhone(): string {
  phoneCounter += 1;
  return `+1916555${String(2000 + phoneCounter + Math.floor(Math.random() * 5000)).padStart(4, '0')}`;
}

async function createBooking(input: Record<string, unknown>) {
  const response = await graphql(app.server.url, CREATE, { input }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.createBooking as { booking: any; userErrors: Array<{ field: string; message: string; code: string }> };
}

function bookingInput(overrides: Record<string, unknown> = {}) {
  return {
    customer: { name: 'Jordan Rivera', phone: newPhone() },
    sourceChannel: 'PHONE',
    eventDate: day(30),
    startTime: '18:00',
    address: '123 Main St, Sacramento, CA 95814',
    adults: 20,
    kids: 4,
    dietaryNotes: 'One guest is allergic to shellfish',
    ...overrides,
  };
}

async function bookingCount(): Promise<number> {
  const { rows } = await app.db.query('SELECT count(*)::int AS n FROM booking');
  return rows[0].n as number;
}

describe('making a booking', () => {
  it('prices a phone booking, waits for the terms and texts the link to the customer at once', async () => {
    const phone = newPhone();
    const { booking, userErrors } = await createBooking(bookingInput({ customer: { name: 'Jordan Rivera', phone: phone.replace('+1', '(').replace(/^(\(\d{3})/, '$1) ') } }));
    expect(userErrors).toEqual([]);
    expect(booking).toMatchObject({ status: 'PENDING_TERMS', adults: 20, kids: 4, partySize: 24, sourceChannel: 'PHONE', customer: { name: 'Jordan Rivera', phone } });
    expect(booking.price).toEqual({
      adults: 20,
      kids: 4,
      pricePerAdultCents: 6000,
      pricePerKidCents: 3000,
      foodCents: 132000,
      minimumSpendCents: 60000,
      minimumTopUpCents: 0,
      travelFeeCents: booking.price.travelFeeCents,
      totalCents: 132000 + booking.price.travelFeeCents,
      depositCents: 10000,
      paidCents: 0,
      balanceCents: 132000 + booking.price.travelFeeCents,
    });
    await eventually('the terms text to reach the customer', () => app.textsTo(phone).length === 1);
    const [text] = app.textsTo(phone);
    expect(text.text).toContain(`${app.server.url}/terms`);
    expect(text.text).toMatch(/reply I AGREE/);
    expect(text.text).toContain('24 guests');
  });

  it('raises a small party to the minimum spend', async () => {
    const { booking } = await createBooking(bookingInput({ adults: 4, kids: 2, sourceChannel: 'EMAIL', customer: { name: 'Sam Lee', email: `sam.${Date.now()}@example.test` } }));
    expect(booking.price).toMatchObject({ foodCents: 30000, minimumTopUpCents: 30000, totalCents: 60000 + booking.price.travelFeeCents });
  });

  it('keeps a web booking waiting for the terms without texting anyone', async () => {
    const phone = newPhone();
    const { booking } = await createBooking(bookingInput({ sourceChannel: 'WEB_CHAT', customer: { name: 'Web Customer', phone } }));
    expect(booking.status).toBe('PENDING_TERMS');
    // A phone booking made after it is texted: by then this one would have been too.
    const later = newPhone();
    await createBooking(bookingInput({ customer: { name: 'Later Caller', phone: later } }));
    await eventually('the later booking to be texted', () => app.textsTo(later).length === 1);
    expect(app.textsTo(phone)).toEqual([]);
  });

  it('keeps an inquiry until staff send the terms, then texts them', async () => {
    const phone = newPhone();
    const { booking } = await createBooking(bookingInput({ requestTerms: false, sourceChannel: 'SMS', customer: { name: 'Ines Park', phone } }));
    expect(booking.status).toBe('INQUIRY');
    const sent = await graphql(app.server.url, UPDATE, { input: { id: booking.id, status: 'PENDING_TERMS' } }, app.adminToken);
    expect(sent.data!.updateBooking).toMatchObject({ userErrors: [], booking: { status: 'PENDING_TERMS' } });
    await eventually('the terms text', () => app.textsTo(phone).length === 1);
  });

  it('refuses what a person must correct, naming the field, and writes nothing', async () => {
    const before = await bookingCount();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ eventDate: day(-3) }, 'eventDate', /Event date has passed; choose today or a later day/],
      [{ adults: 0, kids: 0 }, 'adults', /enter at least 1 adult/],
      [{ adults: 10_000 }, 'adults', /more than 100 guests/],
      [{ adults: -2 }, 'adults', /Adults: enter 0 or more/],
      [{ customer: { phone: newPhone() } }, 'customer.name', /Customer name: enter the name of the person booking/],
      [{ customer: { name: 'No Number', phone: '12' } }, 'customer.phone', /Phone: enter a phone number such as \(916\) 555-0100/],
      [{ startTime: '25:00' }, 'startTime', /Start time: enter a time such as 18:00/],
      [{ eventDate: '20th of December' }, 'eventDate', /Event date: enter a date such as 2026-12-20/],
      [{ address: '500 S Grand Ave, Los Angeles, CA 90071' }, 'address', /^Service area exceeded\. Please contact us for special arrangements\.$/],
      [{ address: 'qwerty asdfgh' }, 'address', /include the city or ZIP code/],
    ];
    for (const [overrides, field, message] of cases) {
      const { booking, userErrors } = await createBooking(bookingInput(overrides));
      expect(booking, JSON.stringify(overrides)).toBeNull();
      expect(userErrors, JSON.stringify(overrides)).toEqual([expect.objectContaining({ field, message: expect.stringMatching(message) })]);
    }
    expect(await bookingCount()).toBe(before);
  });
});

describe('changing a booking', () => {
  it('re-prices a change of guests and refuses an illegal status move, saying which moves are allowed', async () => {
    const { booking } = await createBooking(bookingInput());
    const changed = await graphql(app.server.url, UPDATE, { input: { id: booking.id, adults: 30, kids: 0 } }, app.adminToken);
    expect(changed.data!.updateBooking.booking.price).toMatchObject({ adults: 30, kids: 0, foodCents: 180000 });

    const illegal = await graphql(app.server.url, UPDATE, { input: { id: booking.id, status: 'COMPLETED' } }, app.adminToken);
    expect(illegal.data!.updateBooking).toEqual({
      booking: null,
      userErrors: [
        {
          field: 'status',
          code: 'ILLEGAL_STATUS_MOVE',
          message: 'A booking that is waiting for terms cannot become completed; from here it can only become confirmed (when the customer accepts the terms) or cancelled.',
        },
      ],
    });
    // Nothing of the refused change was written with it.
    const { rows } = await app.db.query('SELECT status, adults FROM booking WHERE id = $1', [Buffer.from(booking.id, 'base64url').toString().split(':')[1]]);
    expect(rows[0]).toEqual({ status: 'PENDING_TERMS', adults: 30 });
  });

  it('cancels with a reason, once, and a cancelled booking no longer changes', async () => {
    const { booking } = await createBooking(bookingInput());
    const missingReason = await graphql(app.server.url, CANCEL, { input: { id: booking.id, reason: '' } }, app.adminToken);
    expect(missingReason.data!.cancelBooking.userErrors).toEqual([expect.objectContaining({ field: 'reason', message: expect.stringMatching(/^Reason for cancelling: say why/) })]);

    const cancelled = await graphql(app.server.url, CANCEL, { input: { id: booking.id, reason: 'The customer moved the party to a restaurant' } }, app.adminToken);
    expect(cancelled.data!.cancelBooking).toMatchObject({ userErrors: [], booking: { status: 'CANCELLED', cancellationReason: 'The customer moved the party to a restaurant' } });

    const again = await graphql(app.server.url, CANCEL, { input: { id: booking.id, reason: 'twice' } }, app.adminToken);
    expect(again.data!.cancelBooking.userErrors[0].message).toBe('This booking is cancelled and can no longer change, so it cannot become cancelled.');
    const edit = await graphql(app.server.url, UPDATE, { input: { id: booking.id, adults: 3 } }, app.adminToken);
    expect(edit.data!.updateBooking.userErrors[0].message).toBe('This booking is cancelled and can no longer be changed.');
  });

  it('completes a confirmed booking the day after its event, by the scheduled job', async () => {
    const { booking } = await createBooking(bookingInput());
    const id = Buffer.from(booking.id, 'base64url').toString().split(':')[1];
    // The event happened two days ago and its terms were accepted (time passing, set up directly).
    await app.db.query(`UPDATE booking SET status = 'CONFIRMED', confirmed_at = now() - interval '10 days', event_date = current_date - 2 WHERE id = $1`, [id]);
    await eventually('the booking to be completed', async () => {
      const { rows } = await app.db.query('SELECT status, completed_at FROM booking WHERE id = $1', [id]);
      return rows[0].status === 'COMPLETED' && rows[0].completed_at !== null;
    }, 20_000);
  });
});

describe('reading bookings', () => {
  const LIST = `query($first: Int, $after: String, $status: [BookingStatus!], $from: String, $to: String, $search: String, $channel: Channel, $customerId: ID) {
    bookings(first: $first, after: $after, status: $status, eventDateFrom: $from, eventDateTo: $to, search: $search, sourceChannel: $channel, customerId: $customerId) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id status eventDate customer { name phone } conversation { id channel } price { totalCents } } }
    }
  }`;
  const marker = `Filtertest${Date.now()}`;

  beforeAll(async () => {
    await createBooking(bookingInput({ customer: { name: `${marker} Alpha`, phone: '+19165557001' }, eventDate: day(40) }));
    await createBooking(bookingInput({ customer: { name: `${marker} Beta`, phone: '+19165557002' }, eventDate: day(41), sourceChannel: 'EMAIL' }));
    const { booking } = await createBooking(bookingInput({ customer: { name: `${marker} Gamma`, phone: '+19165557003' }, eventDate: day(42) }));
    await graphql(app.server.url, CANCEL, { input: { id: booking.id, reason: 'Changed plans' } }, app.adminToken);
  });

  const list = async (variables: Record<string, unknown>) => {
    const response = await graphql(app.server.url, LIST, variables, app.adminToken);
    expect(response.errors).toBeUndefined();
    return response.data!.bookings;
  };

  it('filters by status, event dates, channel and a search on the customer’s name or phone', async () => {
    const names = (page: any) => page.edges.map((e: any) => e.node.customer.name);
    expect(names(await list({ search: marker }))).toEqual([`${marker} Alpha`, `${marker} Beta`, `${marker} Gamma`]);
    expect(names(await list({ search: marker, status: ['CANCELLED'] }))).toEqual([`${marker} Gamma`]);
    expect(names(await list({ search: marker, channel: 'EMAIL' }))).toEqual([`${marker} Beta`]);
    expect(names(await list({ search: marker, from: day(41), to: day(41) }))).toEqual([`${marker} Beta`]);
    expect(names(await list({ search: '(916) 555-7002' }))).toEqual([`${marker} Beta`]);
    expect((await list({ search: marker, status: ['CONFIRMED'] })).totalCount).toBe(0);
  });

  it('pages soonest event first with cursors', async () => {
    const first = await list({ search: marker, first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list({ search: marker, first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e: any) => e.node.customer.name)).toEqual([`${marker} Gamma`]);
  });

  it('costs the same statements for a page of 100 as for a page of 10, customer, thread, travel quote and terms included', async () => {
    for (let i = 0; i < 20; i++) await createBooking(bookingInput({ customer: { name: `Bulk ${i}`, phone: newPhone() } }));
    const cost = (first: number) => statementsOf(app.server.url, 'PageOfBookings', 'query', () =>
      graphql(app.server.url, `query PageOfBookings($first: Int) { bookings(first: $first) { edges { node { id customer { name } conversation { id } travelQuote { miles band } termsAcknowledgment { channel } price { totalCents } } } } }`, { first }, app.adminToken),
    );
    const [ten, hundred] = [await cost(10), await cost(100)];
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
  });
});

describe('integrators', () => {
  const key = async (scopes: string[]) =>
    (await graphql(app.server.url, `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { message } } }`, { input: { name: `Key ${scopes.join(' ')}`, scopes } }, app.adminToken)).data!
      .createApiKey.secret as string;

  it('read bookings with BOOKINGS_READ, and the terms evidence on them only with TERMS_READ too', async () => {
    await createBooking(bookingInput());
    const page = `{ bookings(first: 1) { edges { node { id status } } } }`;
    const withTerms = `{ bookings(first: 1) { edges { node { id termsAcknowledgment { channel } } } } }`;
    const bookingsOnly = await key(['BOOKINGS_READ']);
    expect((await graphql(app.server.url, page, {}, bookingsOnly)).data!.bookings.edges).toHaveLength(1);
    const refused = await graphql(app.server.url, withTerms, {}, bookingsOnly);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const both = await key(['BOOKINGS_READ', 'TERMS_READ']);
    expect((await graphql(app.server.url, withTerms, {}, both)).errors).toBeUndefined();
    const extensionsOnly = await key(['EXTENSIONS_READ']);
    expect((await graphql(app.server.url, page, {}, extensionsOnly)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('live bookings', () => {
  let socket: ReturnType<typeof wsClient>;
  beforeAll(async () => {
    socket = wsClient(app.server.url, `Bearer ${app.adminToken}`);
    await connected(socket.client);
  });
  afterAll(() => socket.client.dispose());

  it('tells every console of a booking made and cancelled elsewhere, after it committed', async () => {
    const before = await metricValue(app.server.url, 'live_event_listeners{topic="BOOKING_UPDATED"}');
    const updates = subscribe(socket.client, `subscription { bookingUpdated { change booking { id status customer { name } price { totalCents } } } }`);
    await untilListening(app.server, 'BOOKING_UPDATED', { atLeast: before + 1 });
    const { booking } = await createBooking(bookingInput({ customer: { name: 'Live Listener', phone: newPhone() } }));
    const created = await updates.next();
    expect(created.bookingUpdated).toMatchObject({ change: 'CREATED', booking: { id: booking.id, status: 'PENDING_TERMS', customer: { name: 'Live Listener' } } });
    await graphql(app.server.url, CANCEL, { input: { id: booking.id, reason: 'Weather' } }, app.adminToken);
    expect((await updates.next()).bookingUpdated).toMatchObject({ change: 'STATUS_CHANGED', booking: { id: booking.id, status: 'CANCELLED' } });
    expect(updates.errors).toEqual([]);
    updates.unsubscribe();
  });
});

describe("the day's route", () => {
  const ROUTE = `query($date: String!) { dayRoute(date: $date) { date estimate totalMiles stops { position milesFromPrevious booking { id address price { travelFeeCents } } travelFeeCents clusteredTravelFeeCents clusterDiscountCents clusteredWith } } }`;
  const APPLY = `mutation($date: String!) { applyClusterDiscounts(date: $date) { route { stops { booking { id } travelFeeCents clusteredTravelFeeCents } } userErrors { message } } }`;
  const date = day(50);

  async function confirmed(address: string, startTime: string): Promise<string> {
    const { booking, userErrors } = await createBooking(bookingInput({ eventDate: date, startTime, address, customer: { name: `Route ${startTime}`, phone: newPhone() } }));
    expect(userErrors).toEqual([]);
    const accepted = await graphql(
      app.server.url,
      `mutation($input: RecordTermsAcknowledgmentInput!) { recordTermsAcknowledgment(input: $input) { userErrors { message } } }`,
      { input: { bookingId: booking.id, channel: 'IN_PERSON' } },
      app.adminToken,
    );
    expect(accepted.data!.recordTermsAcknowledgment.userErrors).toEqual([]);
    return booking.id;
  }

  it('orders the confirmed events from the base and takes the clustering discount off neighbours, once', async () => {
    const fremont = await confirmed('45 Oak Ave, Fremont, CA 94538', '12:00');
    const sacramentoLate = await confirmed('9 K St, Sacramento, CA 95814', '19:00');
    const sacramentoEarly = await confirmed('123 Main St, Sacramento, CA 95814', '16:00');
    // Not confirmed: not on the route.
    await createBooking(bookingInput({ eventDate: date, address: '1 Elm St, Davis, CA 95616' }));

    const route = (await graphql(app.server.url, ROUTE, { date }, app.adminToken)).data!.dayRoute;
    expect(route.estimate).toBe(true);
    const ids = route.stops.map((stop: any) => stop.booking.id);
    // Sacramento is nearer the base than Fremont; the two Sacramento parties are one stop apart.
    expect(ids.slice(2)).toEqual([fremont]);
    expect(new Set(ids.slice(0, 2))).toEqual(new Set([sacramentoEarly, sacramentoLate]));
    const byId = new Map(route.stops.map((stop: any) => [stop.booking.id, stop]));
    const sac = byId.get(sacramentoEarly) as any;
    expect(sac.travelFeeCents).toBeGreaterThan(0);
    expect(sac.clusteredWith).toEqual([sacramentoLate]);
    expect(sac.clusterDiscountCents).toBe(Math.round(sac.travelFeeCents / 2));
    expect((byId.get(fremont) as any)).toMatchObject({ clusteredWith: [], clusterDiscountCents: 0 });
    expect(route.totalMiles).toBeGreaterThan(60);

    const applied = await graphql(app.server.url, APPLY, { date }, app.adminToken);
    expect(applied.data!.applyClusterDiscounts.userErrors).toEqual([]);
    const after = new Map(applied.data!.applyClusterDiscounts.route.stops.map((stop: any) => [stop.booking.id, stop]));
    expect((after.get(sacramentoEarly) as any).travelFeeCents).toBe(sac.clusteredTravelFeeCents);
    expect((after.get(fremont) as any).travelFeeCents).toBe((byId.get(fremont) as any).travelFeeCents);
    // The booking's price carries the reduced fee; applying again changes nothing.
    const again = await graphql(app.server.url, APPLY, { date }, app.adminToken);
    expect(new Map(again.data!.applyClusterDiscounts.route.stops.map((stop: any) => [stop.booking.id, stop.travelFeeCents]))).toEqual(
      new Map([...after].map(([id, stop]: any) => [id, stop.travelFeeCents])),
    );
    const priced = await graphql(app.server.url, `query($id: ID!) { booking(id: $id) { price { travelFeeCents } } }`, { id: sacramentoEarly }, app.adminToken);
    expect(priced.data!.booking.price.travelFeeCents).toBe(sac.clusteredTravelFeeCents);
  });

  it('answers a day without confirmed events with an empty route, and a bad date in words', async () => {
    const empty = (await graphql(app.server.url, ROUTE, { date: day(300) }, app.adminToken)).data!.dayRoute;
    expect(empty).toMatchObject({ stops: [], totalMiles: 0 });
    const bad = await graphql(app.server.url, APPLY, { date: 'next friday' }, app.adminToken);
    expect(bad.data!.applyClusterDiscounts.userErrors).toEqual([{ message: 'Date must be a date such as 2026-12-20.' }]);
  });
});
