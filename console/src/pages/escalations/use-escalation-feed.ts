import { useQuery, useSubscription } from '@apollo/client/react';
import { playAlertChime } from '../../app/alert-sound';
import { escalationRaisedSubscription, escalationsQuery, escalationUpdatedSubscription } from '../../graphql/operations';
import { applyEscalation, ESCALATIONS_VARIABLES, isWaiting } from './escalations-cache';

/**
 * Mounted once for the whole signed-in console, whatever page is open: keeps the open
 * escalation queue live from `escalationRaised` and `escalationUpdated` (caught up by a refetch
 * after a reconnect), chimes on a new one, and counts those waiting for someone (the tab title
 * shows them with the unread messages, see useInboxFeed).
 * Each event also carries its thread's holder and stage, so open conversation views and
 * the conversations list update through the shared cache.
 */
export function useEscalationFeed(): { waiting: number } {
  const { data } = useQuery(escalationsQuery, { variables: ESCALATIONS_VARIABLES });

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
  return { waiting };
}
