import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormField } from '../../components/form-field';
import { clockTime, customerLabel, dateTime, dayAfter, eventDay, phoneNumber } from '../../components/labels';
import { Notice, type NoticeMessage } from '../../components/notice';
import { describeError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import type { BookingDetailFieldsFragment } from '../../graphql/generated/graphql';
import { cancelBookingMutation, updateBookingMutation } from '../../graphql/operations';
import { ModalDialog } from '../../components/modal-dialog';
import { FORM_LIMITS } from '../../components/form-limits';

/** What moves the booking on from where it is, in words: the next step is not always staff's. */
function whatHappensNext(booking: BookingDetailFieldsFragment): string {
  switch (booking.status) {
    case 'INQUIRY':
      return 'Nothing has been sent to the customer yet. Send the terms when they are ready to book; the booking then waits for them to accept.';
    case 'PENDING_TERMS':
      return 'Waiting for the customer to accept the terms. It becomes confirmed by itself when they do, and they are sent the confirmation.';
    case 'CONFIRMED':
      return `Confirmed${booking.confirmedAt ? ` ${dateTime(booking.confirmedAt)}` : ''}. It is completed automatically the day after the event (${eventDay(dayAfter(booking.eventDate))}).`;
    case 'COMPLETED':
      return `The event has taken place; completed${booking.completedAt ? ` ${dateTime(booking.completedAt)}` : ''}.`;
    case 'CANCELLED':
      return `Cancelled${booking.cancelledAt ? ` ${dateTime(booking.cancelledAt)}` : ''}.`;
  }
}

/** Where the booking stands, what moves it on, and the actions staff can take: send the terms, cancel. */
export function StatusPanel({ booking }: { booking: BookingDetailFieldsFragment }) {
  const id = useId();
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [updateBooking, sendState] = useMutation(updateBookingMutation);
  const open = booking.status !== 'COMPLETED' && booking.status !== 'CANCELLED';

  async function sendTerms() {
    setNotice(null);
    try {
      const { data } = await updateBooking({ variables: { input: { id: booking.id, status: 'PENDING_TERMS' } } });
      const payload = data?.updateBooking;
      if (payload?.userErrors.length) return setNotice({ kind: 'error', text: payload.userErrors.map((e) => e.message).join(' ') });
      const phone = payload?.booking?.customer.phone;
      setNotice({ kind: 'success', text: phone ? `Terms sent to ${phoneNumber(phone)}. The booking waits for the customer to accept them.` : 'Terms sent. The booking waits for the customer to accept them.' });
    } catch (failure) {
      setNotice({ kind: 'error', text: describeError(failure) });
    }
  }

  return (
    <section className="card booking-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Status</h2>
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <p data-testid="booking-next-step">{whatHappensNext(booking)}</p>
      {booking.status === 'CANCELLED' && booking.cancellationReason && (
        <>
          <h3>Reason given</h3>
          <blockquote className="quote" data-testid="cancellation-reason">
            {booking.cancellationReason}
          </blockquote>
        </>
      )}
      {open && (
        <div className="actions">
          {booking.status === 'INQUIRY' && (
            <button type="button" className="button button--primary" disabled={sendState.loading} onClick={() => void sendTerms()}>
              {sendState.loading ? 'Sending…' : 'Send terms'}
            </button>
          )}
          <button type="button" className="button button--danger-quiet" onClick={() => setCancelling(true)}>
            Cancel booking
          </button>
        </div>
      )}
      {cancelling && (
        <CancelDialog
          booking={booking}
          onClose={(cancelled) => {
            setCancelling(false);
            if (cancelled) setNotice({ kind: 'success', text: 'Booking cancelled.' });
          }}
        />
      )}
    </section>
  );
}

/** Asks why before cancelling: the reason is kept with the booking. A modal <dialog>: Escape or "Keep booking" closes it. */
function CancelDialog({ booking, onClose }: { booking: BookingDetailFieldsFragment; onClose: (cancelled: boolean) => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [cancelBooking, { loading }] = useMutation(cancelBookingMutation);
  const { byField, general } = indexUserErrors(errors, (field) => (field === 'reason' ? 'reason' : undefined));
  // Set once this dialog has asked to cancel: the booking turning CANCELLED is then its own doing.
  const [asked, setAsked] = useState(false);


  // Cancelled (or completed) elsewhere while the dialog was open: nothing is left to do here.
  const closedElsewhere = !asked && (booking.status === 'CANCELLED' || booking.status === 'COMPLETED');

  function typeReason(text: string) {
    setReason(text);
    // The complaint about the reason is answered as soon as there is one.
    if (text.trim()) setErrors((current) => current.filter((error) => error.field !== 'reason'));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return setErrors([{ field: 'reason', message: 'Enter the reason for cancelling; it is kept with the booking.' }]);
    setErrors([]);
    setAsked(true);
    try {
      const { data } = await cancelBooking({ variables: { input: { id: booking.id, reason: reason.trim() } } });
      const payload = data?.cancelBooking;
      if (payload?.userErrors.length) {
        setAsked(false);
        return setErrors(payload.userErrors);
      }
      onClose(true);
    } catch (failure) {
      setAsked(false);
      setErrors([{ field: null, message: describeError(failure) }]);
    }
  }

  return (
    <ModalDialog titleId={`${id}-title`} busy={loading} onDismiss={() => onClose(false)}>
      <form noValidate onSubmit={submit}>
        <h2 id={`${id}-title`}>Cancel this booking?</h2>
        <p>
          {customerLabel(booking.customer)}’s party on {eventDay(booking.eventDate, 'long')} at {clockTime(booking.startTime)}.
        </p>
        <p className="muted">The customer is not told automatically: let them know yourself. A cancelled booking cannot be reopened.</p>
        {closedElsewhere ? (
          <p role="status" className="notice notice--info">
            This booking is already {booking.status === 'CANCELLED' ? 'cancelled' : 'completed'}.
          </p>
        ) : (
          <>
            <FormAlert messages={general} title="Could not cancel the booking" />
            <FormField id={`${id}-reason`} label="Reason for cancelling" messages={byField.get('reason')} hint="Kept with the booking, e.g. “Customer moved the party to next year”.">
              {(control) => <textarea {...control} rows={3} minLength={FORM_LIMITS.booking.cancelReason.minLength} maxLength={FORM_LIMITS.booking.cancelReason.maxLength} value={reason} autoFocus onChange={(e) => typeReason(e.target.value)} />}
            </FormField>
          </>
        )}
        <div className="actions actions--end">
          <button type="button" className="button" disabled={loading} onClick={() => onClose(false)}>
            {closedElsewhere ? 'Close' : 'Keep booking'}
          </button>
          {!closedElsewhere && (
            <button type="submit" className="button button--danger" disabled={loading}>
              {loading ? 'Cancelling…' : 'Cancel booking'}
            </button>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
