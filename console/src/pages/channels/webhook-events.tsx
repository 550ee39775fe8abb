import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { FilterSelect } from '../../components/filter-select';
import { useNow, WEBHOOK_STATUS_LABELS } from '../../components/labels';
import { Notice, type NoticeMessage } from '../../components/notice';
import { LoadFailed, Loading } from '../../components/query-status';
import type { WebhookEventStatus } from '../../graphql/generated/graphql';
import { webhookEventChangedSubscription, webhookEventsQuery } from '../../graphql/operations';
import { WebhookEventRow } from './webhook-event-row';
import { TableHead } from '../../components/table-head';

const EVENTS_PAGE_SIZE = 50;
/**
 * An event joining or leaving the list shown reads the list again, at most once per this gap
 * however busy the queue is; a change to a row already shown costs no read at all.
 */
const LIST_REREAD_GAP_MS = 1_000;

const STATUS_FILTERS: ReadonlyArray<readonly [WebhookEventStatus, string]> = (['DEAD', 'RETRYING', 'PENDING', 'APPLIED'] as const).map(
  (status) => [status, WEBHOOK_STATUS_LABELS[status]] as const,
);

const EMPTY_TEXT: Record<WebhookEventStatus, string> = {
  DEAD: 'No dead-letter events.',
  RETRYING: 'No events are waiting for another attempt.',
  PENDING: 'No events are waiting to be applied.',
  APPLIED: 'No events have been applied yet.',
};

/** The webhook inbox, newest first, dead letters by default: each with a Retry once the cause is fixed. */
export function WebhookEvents() {
  const headingId = useId();
  const now = useNow();
  const [status, setStatus] = useState<WebhookEventStatus>('DEAD');
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const { data, loading, error, refetch } = useQuery(webhookEventsQuery, {
    variables: { status, first: EVENTS_PAGE_SIZE },
    // A filter seen earlier shows at once from the cache, and is read again: events move between lists.
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.webhookEvents;
  const events = connection?.edges.map((edge) => edge.node) ?? [];
  useLiveWebhookEvents(status, events, refetch);

  return (
    <section className="section" aria-labelledby={headingId}>
      <header className="section__header">
        <div>
          <h2 id={headingId}>Webhook events</h2>
          <p className="muted">
            Provider events as they arrived. A dead letter failed every attempt; retry it once the cause is fixed.
            {connection && ` ${connection.totalCount} ${connection.totalCount === 1 ? 'event has' : 'events have'} this status.`}
          </p>
        </div>
      </header>

      <form className="filters" aria-label="Filter webhook events" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect label="Status" value={status} onChange={setStatus} options={STATUS_FILTERS} />
      </form>

      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}

      {error && !connection ? (
        <LoadFailed what="webhook events" error={error} onRetry={() => void refetch()} />
      ) : loading && !connection ? (
        <Loading what="webhook events" />
      ) : events.length === 0 ? (
        <p className="empty">{EMPTY_TEXT[status]}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards" aria-labelledby={headingId}>
            <TableHead columns={['Received', 'Provider', 'Kind', 'Status', 'Attempts', 'Last error', 'Payload']} actions="Actions" />
            <tbody>
              {events.map((event) => (
                <WebhookEventRow
                  key={event.id}
                  event={event}
                  now={now}
                  onRetried={(retried) => {
                    setNotice({ kind: 'success', text: `The ${retried.kind} event is back on the queue (${WEBHOOK_STATUS_LABELS[retried.status].toLowerCase()}).` });
                    // Re-read the list: a retried event leaves the dead letters.
                    void refetch().catch(() => undefined);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {connection?.pageInfo.hasNextPage && (
        <p className="muted">
          Showing the newest {events.length} of {connection.totalCount}.
        </p>
      )}
    </section>
  );
}

/**
 * Keeps the list live: each change updates its row in place (the cache holds it by id), and an
 * event that joins or leaves the status shown reads the list again, coalesced. After a dropped
 * socket the session client re-reads every active query, so nothing missed stays missing.
 */
function useLiveWebhookEvents(status: WebhookEventStatus, shown: ReadonlyArray<{ id: string }>, reread: () => Promise<unknown>): void {
  const client = useApolloClient();
  const shownIds = useRef(new Set<string>());
  shownIds.current = new Set(shown.map((event) => event.id));
  const rereadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(rereadTimer.current), []);

  useSubscription(webhookEventChangedSubscription, {
    onData: ({ data }) => {
      const change = data.data?.webhookEventChanged;
      if (!change) return;
      const id = client.cache.identify({ __typename: 'WebhookEvent', id: change.webhookEventId });
      if (id) {
        client.cache.modify({
          id,
          fields: { status: () => change.status, attempts: () => change.attempts, lastError: () => change.lastError ?? null, appliedAt: () => change.appliedAt ?? null },
        });
      }
      const isShown = shownIds.current.has(change.webhookEventId);
      if (isShown === (change.status === status) || rereadTimer.current) return;
      rereadTimer.current = setTimeout(() => {
        rereadTimer.current = undefined;
        void reread().catch(() => undefined);
      }, LIST_REREAD_GAP_MS);
    },
  });
}
