import { CHANNEL_LABELS, dateTime, REASON_LABELS } from '../../components/labels';
import type { EscalationFieldsFragment } from '../../graphql/generated/graphql';

type Detail = { field: string; value: string; confidence: number };

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  eventDate: 'Event date',
  startTime: 'Start time',
  partySize: 'Party size',
  address: 'Address',
  phone: 'Phone',
  email: 'Email',
  dietaryNotes: 'Dietary notes',
};

function DetailsTable({ details }: { details: readonly Detail[] }) {
  if (details.length === 0) return <p className="muted">Nothing gathered yet.</p>;
  return (
    <dl className="details">
      {details.map((detail) => (
        <div key={detail.field} className="details__row">
          <dt>{FIELD_LABELS[detail.field] ?? detail.field}</dt>
          <dd>
            {detail.value}{' '}
            <span className="confidence" title="How sure the assistant is of what it read">
              ({Math.round(detail.confidence * 100)}% sure)
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What the assistant hands over, so staff never ask the customer again: why it escalated,
 * the details gathered (with confidence), the quote and the routing decisions. Without an
 * open escalation, the booking details gathered so far.
 */
export function HandoffPanel({ escalation, draft }: { escalation: EscalationFieldsFragment | null; draft: readonly Detail[] }) {
  if (!escalation) {
    return (
      <div className="card">
        <h2>Booking details so far</h2>
        <DetailsTable details={draft} />
      </div>
    );
  }
  const handoff = escalation.handoff;
  return (
    <div className="card" data-testid="handoff">
      <h2>Handoff</h2>
      <p>
        <strong>{REASON_LABELS[escalation.reason]}.</strong> {handoff.reasonText}
      </p>
      <p className="muted">
        Via {CHANNEL_LABELS[handoff.channel]}, escalated {dateTime(escalation.createdAt)}
      </p>
      <h3>Last customer message</h3>
      <blockquote className="quote">{handoff.lastCustomerMessage || '—'}</blockquote>
      <h3>Details gathered</h3>
      <DetailsTable details={handoff.details} />
      {handoff.quote && (
        <>
          <h3>Quote</h3>
          <p>{handoff.quote}</p>
        </>
      )}
      {escalation.routingLog.length > 0 && (
        <>
          <h3>Routing</h3>
          <ol className="routing-log">
            {escalation.routingLog.map((decision, index) => (
              <li key={index}>
                <time dateTime={decision.createdAt}>{dateTime(decision.createdAt)}</time>: {decision.explanation}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
