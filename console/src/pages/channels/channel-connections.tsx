import { useQuery, useSubscription } from '@apollo/client/react';
import { useId } from 'react';
import {
  CONNECTION_PROVIDER_LABELS,
  CONNECTION_SENDER_LABELS,
  CONNECTION_STATUS_LABELS,
  dateTime,
  labelOf,
  timeUntil,
  useNow,
} from '../../components/labels';
import { Notice } from '../../components/notice';
import { LoadFailed, Loading } from '../../components/query-status';
import { FormAlert } from '../../components/user-errors';
import type { ChannelConnectionFieldsFragment } from '../../graphql/generated/graphql';
import { channelConnectionsChangedSubscription, channelConnectionsQuery } from '../../graphql/operations';
import { useSubscriptionCheck } from './use-subscription-check';
import { TableHead } from '../../components/table-head';

/** One row per provider: how it is connected and the state of its webhook subscription. */
export function ChannelConnections() {
  const headingId = useId();
  const now = useNow();
  const { data, loading, error, refetch } = useQuery(channelConnectionsQuery, {
    // Read again on every visit: the server renews subscriptions on its own.
    fetchPolicy: 'cache-and-network',
  });
  // The server renews subscriptions on its own (hourly when under 2 days) and says so live.
  useSubscription(channelConnectionsChangedSubscription, {
    onData: ({ client, data: event }) => {
      const channelConnections = event.data?.channelConnectionsChanged;
      if (channelConnections) client.cache.writeQuery({ query: channelConnectionsQuery, data: { channelConnections } });
    },
  });
  const connections = data?.channelConnections;
  const { checkNow, checking, result, dismissResult } = useSubscriptionCheck(refetch);

  return (
    <section className="section" aria-labelledby={headingId}>
      <header className="section__header">
        <h2 id={headingId}>Channel connections</h2>
        <button type="button" className="button" onClick={() => void checkNow()} disabled={checking} aria-busy={checking || undefined}>
          {checking ? 'Checking subscriptions…' : 'Check subscriptions now'}
        </button>
      </header>

      {result?.kind === 'success' && <Notice notice={result} onDismiss={dismissResult} />}
      {result?.kind === 'error' && <FormAlert title="Subscriptions not checked" messages={result.messages} />}

      {error && !connections ? (
        <LoadFailed what="channel connections" error={error} onRetry={() => void refetch()} />
      ) : loading && !connections ? (
        <Loading what="channel connections" />
      ) : !connections?.length ? (
        <p className="empty">No channels are set up.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards" aria-labelledby={headingId}>
            <TableHead columns={['Provider', 'Connection', 'Sends through', 'Subscription', 'Subscription expires', 'Status', 'Last error']} />
            <tbody>
              {connections.map((connection) => (
                <ConnectionRow key={connection.provider} connection={connection} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ConnectionRow({ connection, now }: { connection: ChannelConnectionFieldsFragment; now: number }) {
  const expiresAt = connection.subscriptionExpiresAt;
  const expired = expiresAt !== null && new Date(expiresAt).getTime() <= now;
  return (
    <tr data-testid={`channel-connection-${connection.provider}`}>
      <th data-label="Provider" scope="row">{labelOf(CONNECTION_PROVIDER_LABELS, connection.provider)}</th>
      <td data-label="Connection" data-testid="connection-mode">
        {connection.configured ? (
          'Configured'
        ) : connection.sender === 'local-outbox' ? (
          <>
            Local
            <div className="hint">Credentials are not set: texts go to the local outbox.</div>
          </>
        ) : (
          'Not configured'
        )}
      </td>
      <td data-label="Sends through">{labelOf(CONNECTION_SENDER_LABELS, connection.sender)}</td>
      <td data-label="Subscription">{connection.subscriptionId ? <code className="identifier">{connection.subscriptionId}</code> : <span className="muted">None</span>}</td>
      <td data-label="Subscription expires" data-testid="subscription-expiry">
        {expiresAt ? (
          <>
            <time dateTime={expiresAt}>{dateTime(expiresAt)}</time>
            <div className={expired ? 'field-error' : 'hint'}>{expired ? `Expired ${timeUntil(expiresAt, now)}` : timeUntil(expiresAt, now)}</div>
          </>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
      <td data-label="Status">
        <span className={`badge badge--connection-${connection.status.toLowerCase()}`} data-testid="connection-status">
          {labelOf(CONNECTION_STATUS_LABELS, connection.status)}
        </span>
      </td>
      <td data-label="Last error" className="quote">{connection.lastError ?? <span className="muted">None</span>}</td>
    </tr>
  );
}
