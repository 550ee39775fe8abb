import { useQuery } from '@apollo/client/react';
import { useEffect, useId } from 'react';
import { dateTime, dollars } from '../../components/labels';
import { LoadFailed } from '../../components/query-status';
import { bookingPaymentsQuery } from '../../graphql/payments-operations';
import './payments.css';

const SOURCE_LABELS: Record<string, string> = { CARD: 'Card', BANK: 'Bank', MANUAL: 'In person' };
const KIND_LABELS: Record<string, string> = { DEPOSIT: 'Deposit', FULL: 'Full price', BALANCE: 'Balance', BALANCE_WITH_TIP: 'Balance with tip', REFUND: 'Refund' };

// A bank line has a posting date, no time of day: showing the noon it is stored at would invent one.
const POSTED_DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const postedDay = (iso: string) => POSTED_DAY.format(new Date(iso));

/**
 * A booking's payments, oldest first: card payments, bank credits matched to it, money taken in
 * person, refunds. Read again whenever the booking's paid amount changes (live, from anywhere).
 */
export function PaymentHistory({ bookingId, paidCents }: { bookingId: string; paidCents: number }) {
  const id = useId();
  const { data, error, refetch } = useQuery(bookingPaymentsQuery, { variables: { id: bookingId }, fetchPolicy: 'cache-and-network' });
  useEffect(() => {
    void refetch().catch(() => undefined);
  }, [paidCents, refetch]);
  const payments = data?.booking?.payments;
  return (
    <section className="card payment-history" aria-labelledby={`${id}-title`} data-testid="payment-history">
      <h2 id={`${id}-title`}>Payments</h2>
      {error && !data ? (
        <LoadFailed what="the payments" error={error} onRetry={() => void refetch()} />
      ) : !payments ? null : payments.length === 0 ? (
        <p className="muted">No payment yet.</p>
      ) : (
        <ul className="payment-history__list">
          {payments.map((payment) => (
            <li key={payment.id} data-testid="payment-row">
              <strong className={payment.amountCents < 0 ? 'payment-history__amount--refund' : undefined}>{dollars(payment.amountCents)}</strong> {KIND_LABELS[payment.kind]} · {SOURCE_LABELS[payment.source]}
              <div className="muted">{payment.source === 'BANK' ? postedDay(payment.occurredAt) : dateTime(payment.occurredAt)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
