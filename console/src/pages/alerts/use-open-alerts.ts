import { useQuery, useSubscription } from '@apollo/client/react';
import { useCatchUpOnReconnect } from '../../app/catch-up';
import type { AlertFieldsFragment } from '../../graphql/generated/graphql';
import { alertAcknowledgedSubscription, alertRaisedSubscription, alertResolvedSubscription, openAlertsQuery } from './alerts-operations';

/**
 * The open alerts, live: read once, read again when one is raised, acknowledged or closed anywhere (alerts are
 * rare, so one small query per event is cheaper than keeping a list in step by hand) and after a
 * reconnect, when events may have been missed.
 */
export function useOpenAlerts(): { alerts: readonly AlertFieldsFragment[]; count: number } {
  const { data, refetch } = useQuery(openAlertsQuery, { fetchPolicy: 'cache-and-network' });
  const again = () => void refetch().catch(() => undefined);
  useSubscription(alertRaisedSubscription, { fetchPolicy: 'no-cache', onData: again });
  useSubscription(alertResolvedSubscription, { fetchPolicy: 'no-cache', onData: again });
  useSubscription(alertAcknowledgedSubscription, { fetchPolicy: 'no-cache', onData: again });
  useCatchUpOnReconnect(again);
  const alerts = data?.alerts.edges.map((edge) => edge.node) ?? [];
  return { alerts, count: data?.alerts.totalCount ?? 0 };
}
