import type { ApolloCache } from '@apollo/client';
import type { BookingDetailFieldsFragment, BookingsQuery, BookingsQueryVariables } from '../../graphql/generated/graphql';
import { bookingDetailFieldsFragment, bookingsQuery, bookingVersionFragment } from '../../graphql/operations';
import { compareBookings, matchesVariables } from './booking-filters';

type Edge = BookingsQuery['bookings']['edges'][number];

/**
 * Keeps the cache in step with a created or changed booking, from this console's mutation or
 * from `bookingUpdated`. The booking itself is written (every view of it re-renders); the list
 * shown with `listVariables` gains it when it now matches and falls within the rows loaded so far
 * (later ones arrive with "Load more"), and loses it when it no longer matches. Idempotent: the
 * mutation's result and the event may both arrive, in either order; and a copy older than the
 * one held (a lower version: events from two server instances can overtake each other) is
 * ignored altogether.
 */
export function applyBooking(cache: ApolloCache, booking: BookingDetailFieldsFragment, listVariables?: BookingsQueryVariables): void {
  const held = cache.readFragment({ fragment: bookingVersionFragment, id: cache.identify(booking) });
  if (held && held.version > booking.version) return;
  cache.writeFragment({ fragment: bookingDetailFieldsFragment, fragmentName: 'BookingDetailFields', data: booking });
  if (!listVariables) return;
  cache.updateQuery({ query: bookingsQuery, variables: listVariables }, (data) => {
    if (!data) return undefined; // the list has not been loaded: it will be fetched whole
    const { edges, pageInfo, totalCount } = data.bookings;
    const others = edges.filter((edge) => edge.node.id !== booking.id);
    const wasListed = others.length !== edges.length;
    if (!matchesVariables(booking, listVariables)) {
      if (!wasListed) return undefined;
      return { ...data, bookings: { ...data.bookings, totalCount: Math.max(0, totalCount - 1), edges: others } };
    }
    // Past the last row loaded, a booking belongs to a page not fetched yet: only the count changes.
    const last = edges.at(-1)?.node;
    const withinLoaded = !pageInfo.hasNextPage || (last !== undefined && booking.eventDate <= last.eventDate);
    const count = totalCount + (wasListed ? 0 : 1);
    if (!withinLoaded && !wasListed) return { ...data, bookings: { ...data.bookings, totalCount: count } };
    const edge: Edge = { __typename: 'BookingEdge', node: booking };
    return { ...data, bookings: { ...data.bookings, totalCount: count, edges: sortEdges([...others, edge]) } };
  });
}

export function sortEdges(edges: Edge[]): Edge[] {
  return [...edges].sort((a, b) => compareBookings(a.node, b.node));
}

/** The next page after the rows shown: each booking once (one added live may come again), in order. */
export function appendPage(previous: BookingsQuery, next: BookingsQuery): BookingsQuery {
  const seen = new Set(previous.bookings.edges.map((edge) => edge.node.id));
  const added = next.bookings.edges.filter((edge) => !seen.has(edge.node.id));
  return { ...next, bookings: { ...next.bookings, edges: sortEdges([...previous.bookings.edges, ...added]) } };
}
