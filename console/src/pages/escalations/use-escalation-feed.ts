import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect } from 'react';
import { playAlertChime } from '../../app/alert-sound';
import { escalationRaisedSubscription, escalationsQuery, escalationUpdatedSubscription } from '../../graphql/operations';
import { applyEscalation, ESCALATIONS_VARIABLES, isWaiting } from './escalations-cache';

const BASE_TITLE = 'Hibachi staff console';
/** Events keep the queue current; this only repairs it if one were ever lost. */
const QUEUE_REFRESH_MS = 60_000;

/**
 * Mounted once for the whole signed-in console, whatever page is open: keeps the open
 * escalation queue live from `escalationRaised` and `escalationUpdated`, chimes on a new
 * one, and shows how many are waiting for someone in the tab title ("(2) Hibachi ...").
 * Each event also carries its thread's holder and stage, so open conversation views and
 * the conversations list update through the shared cache.
 */
export function useEscalationFeed(): { waiting: number } {
  const { data } = useQuery(escalationsQuery, { variables: ESCALATIONS_VARIABLES, pollInterval: QUEUE_REFRESH_MS });

  useSubscription(escalationRaisedSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ client, data: event }) => {
      const escalation = event.data?.escalationRaised;
      if (!escalation) return;
      applyEscalation(client.cache, escalation);
      playAlertChime();
    },
  });
  useSubscription(escalationUpdatedSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ client, data: event }) => {
      const escalation = event.data?.escalationUpdated;
      if (escalation) applyEscalation(client.cache, escalation);
    },
  });

  const waiting = data?.escalations.edges.filter((edge) => isWaiting(edge.node)).length ?? 0;
  useEffect(() => {
    document.title = waiting > 0 ? `(${waiting}) ${BASE_TITLE}` : BASE_TITLE;
    return () => {
      document.title = BASE_TITLE;
    };
  }, [waiting]);

  return { waiting };
}
