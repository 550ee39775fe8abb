import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { CopyButton } from '../../components/copy-button';
import { dollars } from '../../components/labels';
import { describeError, FormAlert } from '../../components/user-errors';
import type { BookingDetailFieldsFragment } from '../../graphql/generated/graphql';
import { createDepositCheckoutMutation } from '../../graphql/operations';

/** The least deposit a checkout asks for (the server's rule; shown before the link is made). */
const MINIMUM_DEPOSIT_CENTS = 10_000;

/**
 * The deposit's card payment link: made on request (the same link however often), shown to open
 * or copy into a message to the customer. The confirmation text carries a link too; this one is
 * for sending it again. Without Stripe keys it opens this server's own checkout page.
 */
export function DepositLinkSection({ booking }: { booking: BookingDetailFieldsFragment }) {
  const id = useId();
  const [checkout, setCheckout] = useState<{ url: string | null; amountCents: number } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [create, { loading }] = useMutation(createDepositCheckoutMutation);
  const depositCents = Math.max(booking.price.depositCents, MINIMUM_DEPOSIT_CENTS);
  const paid = booking.price.paidCents >= depositCents;
  if (booking.status === 'CANCELLED' || booking.status === 'COMPLETED') return null;

  async function makeLink() {
    setErrors([]);
    try {
      const { data } = await create({ variables: { bookingId: booking.id } });
      const payload = data?.createDepositCheckout;
      if (payload?.userErrors.length) return setErrors(payload.userErrors.map((error) => error.message));
      if (payload?.checkout) setCheckout({ url: payload.checkout.url, amountCents: payload.checkout.amountCents });
    } catch (failure) {
      setErrors([describeError(failure)]);
    }
  }

  return (
    <section className="card booking-section" aria-labelledby={`${id}-title`} data-testid="deposit-link-section">
      <h2 id={`${id}-title`}>Deposit link</h2>
      {paid ? (
        <p data-testid="deposit-paid">Deposit paid: {dollars(booking.price.paidCents)} received.</p>
      ) : checkout?.url ? (
        <>
          <p>
            <a href={checkout.url} target="_blank" rel="noreferrer" data-testid="deposit-link">
              Pay {dollars(checkout.amountCents)} deposit
            </a>{' '}
            <CopyButton value={checkout.url} label="deposit link" />
          </p>
          <p className="hint">Send this link to the customer; it stays the same however often it is made.</p>
        </>
      ) : (
        <>
          <p className="muted">Deposit {dollars(depositCents)}, not paid yet.</p>
          <button type="button" className="button" disabled={loading} onClick={() => void makeLink()}>
            {loading ? 'Making the link…' : 'Create deposit link'}
          </button>
        </>
      )}
      <FormAlert messages={errors} title="Could not make the link" />
    </section>
  );
}
