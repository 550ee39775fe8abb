import { useQuery } from '@apollo/client/react';
import { useEffect, useId } from 'react';
import { LoadFailed } from '../../components/query-status';
import { bookingScheduledMessagesQuery } from '../../graphql/operations';

const KIND_LABELS: Record<string, (daysBefore: number | null) => string> = {
  DAY_BEFORE_REMINDER: () => 'Reminder the day before',
  PAYMENT_REMINDER: (days) => `Balance reminder, ${days ?? '?'} days before`,
  REVIEW_REQUEST: () => 'Review request the day after',
};

const STATUS_LABELS: Record<string, string> = { SCHEDULED: 'Scheduled', SENT: 'Sent', SKIPPED: 'Skipped', CANCELLED: 'Cancelled' };

const ZONE_SOURCES: Record<string, string> = { ZIP_CODE: "the event's ZIP code", AREA_CODE: "the customer's area code", BUSINESS: 'the business (the customer’s zone is unknown)' };

/** A time on the customer's clock, with their zone's abbreviation ("Dec 18, 10:00 AM PST"). */
function onTheirClock(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString(undefined, { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
}

/**
 * The booking's reminders and review request: what went, what was skipped and why, and what is
 * still to go and when, on the customer's clock. Read again when the booking changes (a move or
 * a cancellation changes them).
 */
export function ScheduledMessagesSection({ bookingId, version }: { bookingId: string; version: string }) {
  const id = useId();
  const { data, error, refetch } = useQuery(bookingScheduledMessagesQuery, { variables: { id: bookingId }, fetchPolicy: 'cache-and-network' });
  useEffect(() => {
    void refetch().catch(() => undefined);
  }, [version, refetch]);
  const messages = data?.booking?.scheduledMessages;
  const zone = messages?.[0];
  return (
    <section className="card scheduled-messages" aria-labelledby={`${id}-title`} data-testid="scheduled-messages">
      <h2 id={`${id}-title`}>Reminders</h2>
      {error && !data ? (
        <LoadFailed what="the reminders" error={error} onRetry={() => void refetch()} />
      ) : !messages ? null : messages.length === 0 ? (
        <p className="muted">None: reminders start once the booking is confirmed.</p>
      ) : (
        <>
          <ul className="scheduled-messages__list">
            {messages.map((message) => (
              <li key={`${message.kind}-${message.daysBefore ?? ''}-${message.dueAt}`} data-testid="scheduled-message" data-status={message.status}>
                <strong>{KIND_LABELS[message.kind]?.(message.daysBefore) ?? message.kind}</strong>{' '}
                <span className={`badge scheduled-messages__status scheduled-messages__status--${message.status.toLowerCase()}`}>{STATUS_LABELS[message.status] ?? message.status}</span>
                <div className="muted">
                  {message.status === 'SCHEDULED' && message.sendAt
                    ? `Goes ${onTheirClock(message.sendAt, message.timeZone)}`
                    : message.handledAt
                      ? `${STATUS_LABELS[message.status]} ${onTheirClock(message.handledAt, message.timeZone)}`
                      : `Was due ${onTheirClock(message.dueAt, message.timeZone)}`}
                </div>
                {message.reason && <div className="muted">{message.reason}</div>}
              </li>
            ))}
          </ul>
          {zone && <p className="muted scheduled-messages__zone">Times on the customer’s clock ({zone.timeZone}), read from {ZONE_SOURCES[zone.timeZoneSource] ?? zone.timeZoneSource}.</p>}
        </>
      )}
    </section>
  );
}
