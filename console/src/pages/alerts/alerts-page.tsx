import { useMutation, useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { LoadFailed, Loading } from '../../components/query-status';
import type { AlertFieldsFragment } from '../../graphql/generated/graphql';
import { acknowledgeAlertMutation, closedAlertsQuery } from './alerts-operations';
import { useOpenAlerts } from './use-open-alerts';

const KIND_LABELS: Record<string, string> = {
  PAYMENT_UNMATCHED: 'Payment not matched',
  BANK_NEEDS_RECONNECT: 'Bank needs re-connecting',
  TERMS_ACKNOWLEDGMENT_LOW: 'Few customers accept the terms',
  INVALID_TERMS_REPLIES_HIGH: 'Many unreadable terms replies today',
  AI_BOOKING_SUCCESS_LOW: 'The assistant books too few',
  ESCALATION_RATE_HIGH: 'Many threads escalated to staff',
  WEBHOOK_SIGNATURE_FAILURES: 'Webhooks refused for a bad signature',
};

function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll('_', ' ');
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Says who has seen an open alert, or offers to say you have. */
function Acknowledgment({ alert }: { alert: AlertFieldsFragment }) {
  const [acknowledge, state] = useMutation(acknowledgeAlertMutation);
  if (alert.acknowledgedAt) {
    return (
      <p className="muted" data-testid="alert-acknowledged">
        Seen by {alert.acknowledgedBy?.displayName ?? 'a staff member'} · {when.format(new Date(alert.acknowledgedAt))}
      </p>
    );
  }
  const problem = state.error?.message ?? state.data?.acknowledgeAlert.userErrors[0]?.message;
  return (
    <p>
      <button type="button" disabled={state.loading} onClick={() => void acknowledge({ variables: { id: alert.id } }).catch(() => undefined)}>
        {state.loading ? 'Saving…' : 'Acknowledge'}
      </button>
      {problem && (
        <span role="alert" className="field-error">
          {' '}
          {problem}
        </span>
      )}
    </p>
  );
}

/** One alert as a card: what, when, and who has seen it (or a button to say you have). The dashboard lists open ones with it too. */
export function AlertItem({ alert }: { alert: AlertFieldsFragment }) {
  return (
    <li className="card" data-testid="alert-item">
      <strong>{kindLabel(alert.kind)}</strong> <span className="muted">· {when.format(new Date(alert.raisedAt))}</span>
      <p>{alert.message}</p>
      {alert.resolvedAt ? <p className="muted">Dealt with {when.format(new Date(alert.resolvedAt))}</p> : <Acknowledgment alert={alert} />}
    </li>
  );
}

/**
 * Alerts for the owner: what needs looking at now (live), and what was dealt with lately. An
 * alert closes by itself when its cause is dealt with (the payment matched, the bank re-connected,
 * a metric back within its threshold); staff acknowledge an open one to say they have seen it.
 */
export function AlertsPage() {
  const headingId = useId();
  const { alerts } = useOpenAlerts();
  const closed = useQuery(closedAlertsQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Alerts</h1>
          <p className="muted">Problems that need a person. The primary escalation extension is texted when one is raised.</p>
        </div>
      </header>
      <h2>Open</h2>
      {alerts.length === 0 ? (
        <p className="muted" data-testid="no-open-alerts">
          Nothing needs attention.
        </p>
      ) : (
        <ul className="card-list" aria-label="Open alerts">
          {alerts.map((alert) => (
            <AlertItem key={alert.id} alert={alert} />
          ))}
        </ul>
      )}
      <h2>Dealt with lately</h2>
      {closed.error ? (
        <LoadFailed what="closed alerts" error={closed.error} onRetry={() => void closed.refetch()} />
      ) : !closed.data ? (
        <Loading what="closed alerts" />
      ) : closed.data.alerts.edges.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="card-list" aria-label="Closed alerts">
          {closed.data.alerts.edges.map(({ node }) => (
            <AlertItem key={node.id} alert={node} />
          ))}
        </ul>
      )}
    </section>
  );
}
