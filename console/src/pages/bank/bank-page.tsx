import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { dateTime } from '../../components/labels';
import { Notice, type NoticeMessage } from '../../components/notice';
import { LoadFailed, Loading } from '../../components/query-status';
import { describeError } from '../../components/user-errors';
import { bankFeedQuery, exchangePlaidPublicTokenMutation, syncBankTransactionsMutation } from '../../graphql/bank-operations';
import type { BankConnectionFieldsFragment } from '../../graphql/generated/graphql';
import { PlaidLinkButton } from './plaid-link-button';

const STATUS_LABELS: Record<BankConnectionFieldsFragment['status'], string> = {
  CONNECTED: 'Connected',
  NEEDS_RECONNECT: 'Needs re-connect',
  DISCONNECTED: 'Disconnected',
};

const STATUS_BADGES: Record<BankConnectionFieldsFragment['status'], string> = {
  CONNECTED: 'badge badge--available',
  NEEDS_RECONNECT: 'badge badge--busy',
  DISCONNECTED: 'badge badge--offline',
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function syncLine(connection: BankConnectionFieldsFragment): string {
  if (!connection.lastSyncedAt || !connection.lastSync) return 'Not synced yet: the first sync runs in the background after connecting.';
  const { added, modified, removed } = connection.lastSync;
  return `Last synced ${dateTime(connection.lastSyncedAt)}: ${count(added, 'new transaction', 'new transactions')}, ${modified} changed, ${removed} removed.`;
}

/** Why Plaid cannot be used here, and the way in that needs no keys. */
function NoPlaidKeys() {
  return (
    <section className="card" data-testid="bank-no-plaid">
      <h2>The bank connection needs Plaid keys</h2>
      <p>
        To read the business bank account directly, the server needs Plaid keys: <code>PLAID_CLIENT_ID</code>, <code>PLAID_SECRET</code> and a key to store the bank’s
        access with (<code>BANK_TOKEN_KEYS</code>). See “The bank feed” in the README.
      </p>
      <p>
        Until then, download a statement from your bank (CSV or OFX) and upload it on the <a href="#/payments">Payments page</a>: its credits are matched to bookings the
        same way.
      </p>
    </section>
  );
}

function ConnectionCard({ connection, onNotice, onChanged }: { connection: BankConnectionFieldsFragment; onNotice: (notice: NoticeMessage) => void; onChanged: () => void }) {
  const titleId = useId();
  const [sync, { loading: syncing }] = useMutation(syncBankTransactionsMutation);
  const bank = connection.institutionName ?? 'Bank';

  async function syncNow(after?: string) {
    try {
      const { data } = await sync({ variables: { connectionId: connection.id } });
      const payload = data?.syncBankTransactions;
      if (!payload) return;
      if (payload.userErrors.length > 0) onNotice({ kind: 'error', text: payload.userErrors.map((error) => error.message).join(' ') });
      else if (payload.synced) {
        const { added, modified, removed } = payload.synced;
        onNotice({ kind: 'success', text: `${after ?? ''}${bank} synced: ${count(added, 'new transaction', 'new transactions')}, ${modified} changed, ${removed} removed.` });
      }
    } catch (failure) {
      onNotice({ kind: 'error', text: `Could not sync: ${describeError(failure)}` });
    } finally {
      onChanged();
    }
  }

  return (
    <article className="card bank-connection" aria-labelledby={titleId} data-testid="bank-connection" data-status={connection.status}>
      <header className="page__header">
        <h2 id={titleId}>
          {bank} <span className={STATUS_BADGES[connection.status]}>{STATUS_LABELS[connection.status]}</span>
        </h2>
      </header>
      {connection.statusMessage && (
        <p role="status" className="notice notice--error">
          {connection.statusMessage}
        </p>
      )}
      <ul className="bank-connection__accounts">
        {connection.accounts.map((account) => (
          <li key={account.id}>
            {account.name}
            {account.mask ? ` ••${account.mask}` : ''} <span className="muted">({account.subtype ?? account.type})</span>
          </li>
        ))}
      </ul>
      <p className="muted">{syncLine(connection)}</p>
      {connection.lastSyncError && <p className="notice notice--error">The last sync failed: {connection.lastSyncError}</p>}
      <div className="actions">
        {connection.status === 'CONNECTED' && (
          <button type="button" className="button button--primary" disabled={syncing} onClick={() => void syncNow()}>
            {syncing ? 'Syncing…' : 'Sync now'}
          </button>
        )}
        {connection.status === 'NEEDS_RECONNECT' && (
          <PlaidLinkButton
            label="Re-connect"
            primary
            connectionId={connection.id}
            // Update mode repairs the same connection: nothing to exchange, a sync proves it works again.
            onLinked={() => syncNow('Re-connected. ')}
            onProblem={(text) => onNotice({ kind: 'error', text })}
          />
        )}
      </div>
    </article>
  );
}

/**
 * The bank feed: the business bank account connected through Plaid Link, its status, and
 * "Sync now"; a bank that asks to sign in again is re-connected here (Link's update mode).
 * Without Plaid keys the page says so and points to the statement upload on the Payments page.
 */
export function BankPage() {
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(bankFeedQuery, { fetchPolicy: 'cache-and-network' });
  const [exchange] = useMutation(exchangePlaidPublicTokenMutation);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const feed = data?.bankFeed;

  async function connected(publicToken: string | null) {
    if (!publicToken) {
      setNotice({ kind: 'error', text: 'Plaid did not hand over the connection. Choose Connect bank again.' });
      return;
    }
    try {
      const { data: result } = await exchange({ variables: { publicToken } });
      const payload = result?.exchangePlaidPublicToken;
      if (payload && payload.userErrors.length > 0) setNotice({ kind: 'error', text: payload.userErrors.map((e) => e.message).join(' ') });
      else if (payload?.connection) setNotice({ kind: 'success', text: `${payload.connection.institutionName ?? 'The bank'} is connected. Its transactions are being synced.` });
    } catch (failure) {
      setNotice({ kind: 'error', text: `Could not connect the bank: ${describeError(failure)}` });
    } finally {
      void refetch();
    }
  }

  return (
    <section className="page bank" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Bank</h1>
          <p className="muted">The business bank account’s transactions, read through Plaid and matched to bookings on the Payments page.</p>
        </div>
        {feed?.plaidConfigured && (
          <div className="actions actions--header">
            <PlaidLinkButton label="Connect bank" primary={feed.connections.length === 0} onLinked={connected} onProblem={(text) => setNotice({ kind: 'error', text })} />
          </div>
        )}
      </header>
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      {loading && !data && <Loading what="the bank connection" />}
      {error && !data && <LoadFailed what="the bank connection" error={error} onRetry={() => void refetch()} />}
      {feed && !feed.plaidConfigured && <NoPlaidKeys />}
      {feed?.plaidConfigured && feed.connections.length === 0 && (
        <section className="card">
          <p>No bank is connected yet. Choose “Connect bank” and sign in to the business bank through Plaid.</p>
        </section>
      )}
      {feed?.connections.map((connection) => (
        <ConnectionCard key={connection.id} connection={connection} onNotice={setNotice} onChanged={() => void refetch()} />
      ))}
    </section>
  );
}
