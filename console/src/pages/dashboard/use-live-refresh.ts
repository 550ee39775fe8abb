import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useCatchUpOnReconnect } from '../../app/catch-up';
import { bookingUpdatedSubscription, escalationRaisedSubscription, escalationUpdatedSubscription } from '../../graphql/operations';
import { paymentMatchedSubscription, unmatchedPaymentAddedSubscription } from '../../graphql/payments-operations';
import { alertRaisedSubscription, alertResolvedSubscription } from '../alerts/alerts-operations';
import { reviewAddedSubscription } from '../reviews/reviews-operations';

/** The figures are read again at most this often, however many events arrive. */
export const REFRESH_AT_MOST_EVERY_MS = 2500;

/**
 * Calls `refresh` when something the figures count happens anywhere: a booking made or changed, a
 * bank credit added or matched, an escalation raised or moved on, a review, an alert. The first
 * event refreshes at once; more within REFRESH_AT_MOST_EVERY_MS make one more refresh at its end,
 * so a burst costs two reads, not one per event. Nothing is read while nothing happens; after a
 * reconnect (events may have been missed) it refreshes once.
 */
export function useLiveRefresh(refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef(false);

  const onEvent = useRef(() => {
    if (timer.current) {
      pending.current = true;
      return;
    }
    latest.current();
    const rest = () => {
      if (pending.current) {
        pending.current = false;
        latest.current();
        timer.current = setTimeout(rest, REFRESH_AT_MOST_EVERY_MS);
      } else {
        timer.current = null;
      }
    };
    timer.current = setTimeout(rest, REFRESH_AT_MOST_EVERY_MS);
  }).current;

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const live = { fetchPolicy: 'no-cache', onData: onEvent } as const;
  useSubscription(bookingUpdatedSubscription, live);
  useSubscription(unmatchedPaymentAddedSubscription, live);
  useSubscription(paymentMatchedSubscription, live);
  useSubscription(escalationRaisedSubscription, live);
  useSubscription(escalationUpdatedSubscription, live);
  useSubscription(reviewAddedSubscription, live);
  useSubscription(alertRaisedSubscription, live);
  useSubscription(alertResolvedSubscription, live);
  useCatchUpOnReconnect(onEvent);
}
