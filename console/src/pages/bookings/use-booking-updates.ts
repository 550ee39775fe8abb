import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import type { BookingDetailFieldsFragment, BookingsQueryVariables } from '../../graphql/generated/graphql';
import { bookingUpdatedSubscription } from '../../graphql/operations';
import { applyBooking } from './bookings-cache';

/**
 * Applies `bookingUpdated` events to the cache, so a booking made or changed in any console, by
 * an integrator or by the assistant shows without a reload: the booking everywhere it is shown,
 * and the list open with `listVariables` gains or loses it. Apollo does not write the result
 * itself ('no-cache'): applyBooking does, and also keeps the list in order. `onBooking` hears
 * each booking after it is applied, for a view that derives more from it (a day's route).
 */
export function useBookingUpdates(listVariables?: BookingsQueryVariables, onBooking?: (booking: BookingDetailFieldsFragment) => void): void {
  // The filters change while the subscription stays open: events go to the list shown now.
  const variables = useRef(listVariables);
  const listener = useRef(onBooking);
  useEffect(() => {
    variables.current = listVariables;
    listener.current = onBooking;
  });
  useSubscription(bookingUpdatedSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ client, data }) => {
      const event = data.data?.bookingUpdated;
      if (!event) return;
      applyBooking(client.cache, event.booking, variables.current);
      listener.current?.(event.booking);
    },
  });
}
