import { InMemoryCache } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { typePolicies } from '../../app/cache-policies';
import type { BookingDetailFieldsFragment, BookingsQuery, BookingsQueryVariables } from '../../graphql/generated/graphql';
import { bookingDetailFieldsFragment, bookingsQuery } from '../../graphql/operations';
import { matchesVariables } from './booking-filters';
import { appendPage, applyBooking } from './bookings-cache';

/** The console's bookings list cache, fed what `bookingUpdated` and the mutations deliver. */
function booking(id: string, overrides: Partial<BookingDetailFieldsFragment> = {}): BookingDetailFieldsFragment {
  return {
    __typename: 'Booking',
    id,
    version: 1,
    status: 'PENDING_TERMS',
    eventDate: '2026-12-20',
    startTime: '18:00',
    startsAt: '2026-12-20T23:00:00.000Z',
    address: '100 Example Street, Sacramento, CA 95814',
    adults: 10,
    kids: 0,
    partySize: 10,
    dietaryNotes: null,
    smsConsent: true,
    sourceChannel: 'PHONE',
    createdAt: '2026-11-30T10:00:00.000Z',
    updatedAt: '2026-11-30T10:00:00.000Z',
    confirmedAt: null,
    completedAt: null,
    cancelledAt: null,
    cancellationReason: null,
    customer: { __typename: 'Customer', id: `customer-${id}`, name: `Customer ${id}`, phone: '+19165550100', email: null },
    conversation: null,
    price: {
      __typename: 'PriceBreakdown',
      adults: 10,
      kids: 0,
      pricePerAdultCents: 6000,
      pricePerKidCents: 3000,
      foodCents: 60000,
      minimumSpendCents: 60000,
      minimumTopUpCents: 0,
      travelFeeCents: 0,
      totalCents: 60000,
      depositCents: 10000,
      paidCents: 0,
      balanceCents: 60000,
    },
    travelQuote: null,
    termsAcknowledgment: null,
    ...overrides,
  };
}

function loadedList(variables: BookingsQueryVariables, nodes: BookingDetailFieldsFragment[], hasNextPage = false, totalCount = nodes.length): InMemoryCache {
  const cache = new InMemoryCache({ typePolicies });
  const data: BookingsQuery = {
    bookings: {
      __typename: 'BookingConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'cursor' : null },
      edges: nodes.map((node) => ({ __typename: 'BookingEdge', node })),
    },
  };
  cache.writeQuery({ query: bookingsQuery, variables, data });
  return cache;
}

const list = (cache: InMemoryCache, variables: BookingsQueryVariables) => cache.readQuery({ query: bookingsQuery, variables })!.bookings;
const ids = (cache: InMemoryCache, variables: BookingsQueryVariables) => list(cache, variables).edges.map((edge) => edge.node.id);

describe('the console’s bookings list cache', () => {
  const all: BookingsQueryVariables = { first: 50 };

  it('adds a new booking in event order (day, then start time), once, however often it arrives', () => {
    const cache = loadedList(all, [booking('a', { eventDate: '2026-12-19' }), booking('c', { eventDate: '2026-12-21' })]);
    const added = booking('b', { eventDate: '2026-12-19', startTime: '19:30' });
    applyBooking(cache, added, all);
    applyBooking(cache, added, all);
    expect(ids(cache, all)).toEqual(['a', 'b', 'c']);
    expect(list(cache, all).totalCount).toBe(3);
  });

  it('counts a booking later than the rows loaded so far without showing it: "Load more" brings it', () => {
    const cache = loadedList(all, [booking('a', { eventDate: '2026-12-19' })], true, 80);
    applyBooking(cache, booking('z', { eventDate: '2027-03-01' }), all);
    expect(ids(cache, all)).toEqual(['a']);
    expect(list(cache, all).totalCount).toBe(81);
  });

  it('updates a shown booking in place, and takes it out of a list whose filters it no longer matches', () => {
    const waiting: BookingsQueryVariables = { first: 50, status: ['PENDING_TERMS'] };
    const cache = loadedList(waiting, [booking('a'), booking('b')]);
    applyBooking(cache, booking('a', { version: 2, adults: 12 }), waiting);
    expect(list(cache, waiting).edges[0].node.adults).toBe(12);

    const cancelled = booking('a', { version: 3, status: 'CANCELLED', cancellationReason: 'Moved to next year.' });
    applyBooking(cache, cancelled, waiting);
    applyBooking(cache, cancelled, waiting);
    expect(ids(cache, waiting)).toEqual(['b']);
    expect(list(cache, waiting).totalCount).toBe(1);
    // Every other view of the booking has the new state.
    expect(cache.readFragment({ fragment: bookingDetailFieldsFragment, fragmentName: 'BookingDetailFields', id: cache.identify(cancelled) })?.status).toBe('CANCELLED');
  });

  it('ignores a copy older than the one it holds (a lower version), from an event or a list read before the change', () => {
    const waiting: BookingsQueryVariables = { first: 50, status: ['PENDING_TERMS'] };
    const cache = loadedList(waiting, [booking('a'), booking('b')]);
    const confirmed = booking('a', { version: 3, status: 'CONFIRMED', confirmedAt: '2026-11-30T11:00:00.000Z' });
    applyBooking(cache, confirmed, waiting);
    expect(ids(cache, waiting)).toEqual(['b']);

    // The event of an earlier change, overtaken by the later one: it neither brings the booking back nor changes it.
    applyBooking(cache, booking('a', { version: 2, adults: 14 }), waiting);
    expect(ids(cache, waiting)).toEqual(['b']);
    const held = () => cache.readFragment({ fragment: bookingDetailFieldsFragment, fragmentName: 'BookingDetailFields', id: cache.identify(confirmed) });
    expect(held()).toMatchObject({ version: 3, status: 'CONFIRMED', adults: 10 });

    // A list answered from a read made before the confirmation.
    const all: BookingsQueryVariables = { first: 50 };
    cache.writeQuery({
      query: bookingsQuery,
      variables: all,
      data: { bookings: { __typename: 'BookingConnection', totalCount: 1, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [{ __typename: 'BookingEdge', node: booking('a', { version: 1 }) }] } },
    });
    expect(list(cache, all).edges[0].node).toMatchObject({ version: 3, status: 'CONFIRMED' });
    expect(held()?.status).toBe('CONFIRMED');

    // A newer one is taken whole.
    applyBooking(cache, booking('a', { version: 4, status: 'CANCELLED', cancellationReason: 'Rained out.' }), waiting);
    expect(held()).toMatchObject({ version: 4, status: 'CANCELLED' });
  });

  it('matches the search as the server does: part of the name, or three or more digits of the phone', () => {
    const jordan = booking('j', { customer: { __typename: 'Customer', id: 'c', name: 'Jordan Lee', phone: '+19165550134', email: null } });
    expect(matchesVariables(jordan, { first: 50, search: 'lee' })).toBe(true);
    expect(matchesVariables(jordan, { first: 50, search: '(916) 555-0134' })).toBe(true);
    expect(matchesVariables(jordan, { first: 50, search: '34' })).toBe(false);
    expect(matchesVariables(jordan, { first: 50, search: 'morgan' })).toBe(false);
    expect(matchesVariables(jordan, { first: 50, eventDateFrom: '2026-12-21' })).toBe(false);
    expect(matchesVariables(jordan, { first: 50, eventDateTo: '2026-12-20', sourceChannel: 'PHONE' })).toBe(true);
  });

  it('shows a booking that arrived live and then again on the next page once', () => {
    const page = (nodes: BookingDetailFieldsFragment[], hasNextPage: boolean): BookingsQuery => ({
      bookings: { __typename: 'BookingConnection', totalCount: 3, pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: null }, edges: nodes.map((node) => ({ __typename: 'BookingEdge', node })) },
    });
    const merged = appendPage(page([booking('a'), booking('b', { startTime: '20:00' })], true), page([booking('b', { startTime: '20:00' }), booking('c', { eventDate: '2026-12-21' })], false));
    expect(merged.bookings.edges.map((edge) => edge.node.id)).toEqual(['a', 'b', 'c']);
    expect(merged.bookings.pageInfo.hasNextPage).toBe(false);
  });
});
