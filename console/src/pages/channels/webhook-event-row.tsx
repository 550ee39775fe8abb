import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { dateTime, timeAgo, WEBHOOK_PROVIDER_LABELS, WEBHOOK_STATUS_LABELS } from '../../components/labels';
import { describeError } from '../../components/user-errors';
import type { WebhookEventFieldsFragment } from '../../graphql/generated/graphql';
import { retryWebhookEventMutation } from '../../graphql/operations';

const PAYLOAD_PREVIEW_CHARS = 60;

/**
 * One stored provider event. Retry is offered for dead letters only (the API refuses the
 * rest); the mutation's result updates the cached event, so the row shows its new status
 * until the list is read again.
 */
export function WebhookEventRow(props: { event: WebhookEventFieldsFragment; now: number; onRetried: (event: WebhookEventFieldsFragment) => void }) {
  const { event, now, onRetried } = props;
  const [retry, { loading: retrying }] = useMutation(retryWebhookEventMutation);
  const [failure, setFailure] = useState<string | null>(null);
  const received = dateTime(event.receivedAt);

  async function retryEvent() {
    setFailure(null);
    try {
      const { data } = await retry({ variables: { id: event.id } });
      const payload = data?.retryWebhookEvent;
      if (payload?.userErrors.length) setFailure(payload.userErrors.map((error) => error.message).join(' '));
      else if (payload?.webhookEvent) onRetried(payload.webhookEvent);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  return (
    <tr data-testid="webhook-event-row" data-status={event.status} aria-busy={retrying || undefined}>
      <td data-label="Received" className="nowrap">
        <time dateTime={event.receivedAt}>{received}</time>
        <div className="hint">{timeAgo(event.receivedAt, now)}</div>
      </td>
      <td data-label="Provider">{WEBHOOK_PROVIDER_LABELS[event.provider]}</td>
      <td data-label="Kind" className="nowrap">
        <code className="identifier">{event.kind}</code>
      </td>
      <td data-label="Status" className="nowrap">
        <span className={`badge badge--event-${event.status.toLowerCase()}`} data-testid="webhook-event-status">
          {WEBHOOK_STATUS_LABELS[event.status]}
        </span>
        {event.appliedAt && <div className="hint">{timeAgo(event.appliedAt, now)}</div>}
      </td>
      <td data-label="Attempts" className="numeric" data-testid="webhook-event-attempts">
        {event.attempts}
      </td>
      <td data-label="Last error" className="quote">{event.lastError ?? <span className="muted">None</span>}</td>
      <td data-label="Payload">
        <PayloadPreview payload={event.payload} />
      </td>
      <td className="row-actions">
        {event.status === 'DEAD' && (
          <button type="button" className="button button--small" disabled={retrying} onClick={() => void retryEvent()}>
            {retrying ? 'Retrying…' : 'Retry'}
            <span className="visually-hidden">
              {' '}
              {event.kind} event from {received}
            </span>
          </button>
        )}
        {failure && (
          <p role="alert" className="field-error">
            Could not retry: {failure}
          </p>
        )}
      </td>
    </tr>
  );
}

/** The payload on one line, cut short, opening to the whole of it. */
function PayloadPreview({ payload }: { payload: unknown }) {
  const oneLine = JSON.stringify(payload) ?? 'null';
  const short = oneLine.length > PAYLOAD_PREVIEW_CHARS ? `${oneLine.slice(0, PAYLOAD_PREVIEW_CHARS)}…` : oneLine;
  return (
    <details className="payload">
      <summary>
        <span className="visually-hidden">Payload: </span>
        <code>{short}</code>
      </summary>
      <pre>{JSON.stringify(payload, null, 2)}</pre>
    </details>
  );
}
