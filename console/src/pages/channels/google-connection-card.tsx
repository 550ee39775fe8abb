import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { dateTime } from '../../components/labels';
import { Notice, type NoticeMessage } from '../../components/notice';
import { LoadFailed, Loading } from '../../components/query-status';
import { describeError } from '../../components/user-errors';
import type { GoogleConnectionFieldsFragment } from '../../graphql/generated/graphql';
import { connectGoogleMutation, googleConnectionQuery, googleLocationsQuery, selectGoogleLocationMutation, syncGoogleReviewsMutation } from '../../graphql/google-operations';

const STATE_LABELS: Record<GoogleConnectionFieldsFragment['state'], string> = {
  NOT_CONNECTED: 'Not connected',
  CONNECTED: 'Connected',
  NEEDS_RECONSENT: 'Needs connecting again',
  NEEDS_LOCATION: 'Pick a location',
};

const STATE_BADGES: Record<GoogleConnectionFieldsFragment['state'], string> = {
  NOT_CONNECTED: 'badge badge--offline',
  CONNECTED: 'badge badge--available',
  NEEDS_RECONSENT: 'badge badge--busy',
  NEEDS_LOCATION: 'badge badge--busy',
};

function LocationPicker({ onPicked, onNotice }: { onPicked: () => void; onNotice: (notice: NoticeMessage) => void }) {
  const labelId = useId();
  const { data } = useQuery(googleLocationsQuery, { fetchPolicy: 'network-only' });
  const [select, { loading }] = useMutation(selectGoogleLocationMutation);
  const [choice, setChoice] = useState('');
  const locations = data?.googleLocations ?? [];
  if (locations.length === 0) return null;

  async function pick() {
    try {
      const { data: result } = await select({ variables: { locationName: choice } });
      const payload = result?.selectGoogleLocation;
      if (payload && payload.userErrors.length > 0) onNotice({ kind: 'error', text: payload.userErrors.map((error) => error.message).join(' ') });
      else onNotice({ kind: 'success', text: `Reading reviews of ${payload?.connection?.locationTitle ?? 'the location'}.` });
    } catch (failure) {
      onNotice({ kind: 'error', text: `Could not pick the location: ${describeError(failure)}` });
    } finally {
      onPicked();
    }
  }

  return (
    <div className="actions">
      <label id={labelId}>
        Location{' '}
        <select value={choice} onChange={(event) => setChoice(event.target.value)} aria-labelledby={labelId}>
          <option value="">Choose…</option>
          {locations.map((location) => (
            <option key={location.name} value={location.name}>
              {location.title} ({location.accountName})
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--primary" disabled={!choice || loading} onClick={() => void pick()}>
        Use this location
      </button>
    </div>
  );
}

const FIRST_SYNC_POLL_MS = 2000;

/**
 * Google reviews: "Connect Google" opens Google's consent page (which sends the admin back to
 * the server's callback page), the connection's state, the location to pick when the profile
 * has several, and "Sync now". Tokens never reach the console.
 */
export function GoogleConnectionCard() {
  const titleId = useId();
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(googleConnectionQuery, { fetchPolicy: 'cache-and-network' });
  const [connect, { loading: connecting }] = useMutation(connectGoogleMutation);
  const [sync, { loading: syncing }] = useMutation(syncGoogleReviewsMutation);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const google = data?.googleConnection;
  // Just connected: the first sync runs on the queue; look again every few seconds until it has.
  const firstSyncPending = google?.state === 'CONNECTED' && !google.lastSyncedAt && !google.lastSyncError;
  useEffect(() => {
    if (!firstSyncPending) return;
    startPolling(FIRST_SYNC_POLL_MS);
    return () => stopPolling();
  }, [firstSyncPending, startPolling, stopPolling]);

  async function connectNow() {
    try {
      const { data: result } = await connect();
      const payload = result?.connectGoogle;
      if (payload?.consentUrl) window.location.assign(payload.consentUrl);
      else if (payload) setNotice({ kind: 'error', text: payload.userErrors.map((e) => e.message).join(' ') });
    } catch (failure) {
      setNotice({ kind: 'error', text: `Could not start connecting Google: ${describeError(failure)}` });
    }
  }

  async function syncNow() {
    try {
      const { data: result } = await sync();
      const payload = result?.syncReviews;
      if (payload && payload.userErrors.length > 0) setNotice({ kind: 'error', text: payload.userErrors.map((e) => e.message).join(' ') });
      else if (payload?.synced) setNotice({ kind: 'success', text: `Google reviews synced: ${payload.synced.listed} on Google, ${payload.synced.added} new, ${payload.synced.updated} edited, ${payload.synced.deleted} removed.` });
    } catch (failure) {
      setNotice({ kind: 'error', text: `Could not sync: ${describeError(failure)}` });
    } finally {
      void refetch();
    }
  }

  return (
    <section className="card google-connection" aria-labelledby={titleId} data-testid="google-connection" data-state={google?.state}>
      <header className="page__header">
        <h2 id={titleId}>
          Google reviews {google?.configured && <span className={STATE_BADGES[google.state]}>{STATE_LABELS[google.state]}</span>}
        </h2>
        {google?.configured && (
          <div className="actions actions--header">
            <button type="button" className={google.state === 'CONNECTED' ? 'button' : 'button button--primary'} disabled={connecting} onClick={() => void connectNow()}>
              {google.state === 'NOT_CONNECTED' ? 'Connect Google' : 'Connect Google again'}
            </button>
            {google.state === 'CONNECTED' && (
              <button type="button" className="button button--primary" disabled={syncing} onClick={() => void syncNow()}>
                {syncing ? 'Syncing…' : 'Sync now'}
              </button>
            )}
          </div>
        )}
      </header>
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      {loading && !data && <Loading what="the Google connection" />}
      {error && !data && <LoadFailed what="the Google connection" error={error} onRetry={() => void refetch()} />}
      {google && <p className={google.state === 'NEEDS_RECONSENT' ? 'notice notice--error' : 'muted'}>{google.message}</p>}
      {google?.locationTitle && (
        <p>
          {google.locationTitle} <span className="muted">({google.accountName})</span>
        </p>
      )}
      {firstSyncPending && <p className="muted">Reading the location's reviews for the first time…</p>}
      {google?.lastSyncedAt && google.lastSync && (
        <p className="muted">
          Last synced {dateTime(google.lastSyncedAt)}: {google.lastSync.added} new, {google.lastSync.updated} edited, {google.lastSync.deleted} removed.
        </p>
      )}
      {google?.lastSyncError && <p className="notice notice--error">The last sync failed: {google.lastSyncError}</p>}
      {google?.state === 'NEEDS_LOCATION' && <LocationPicker onPicked={() => void refetch()} onNotice={setNotice} />}
    </section>
  );
}
