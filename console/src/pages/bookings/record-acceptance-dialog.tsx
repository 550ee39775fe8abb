import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormField } from '../../components/form-field';
import { clockTime, customerLabel, eventDay } from '../../components/labels';
import { describeError, describedBy, FieldError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import type { BookingDetailFieldsFragment, TermsChannel } from '../../graphql/generated/graphql';
import { currentTermsVersionQuery, recordTermsAcknowledgmentMutation } from '../../graphql/operations';
import { applyBooking } from './bookings-cache';
import { ModalDialog } from '../../components/modal-dialog';
import { FORM_LIMITS } from '../../components/form-limits';

/** The ways staff hear an acceptance themselves; the others arrive as messages and are read by the server. */
const STAFF_CHANNELS: ReadonlyArray<{ value: Extract<TermsChannel, 'IN_PERSON' | 'PHONE'>; label: string; hint: string }> = [
  { value: 'IN_PERSON', label: 'In person', hint: 'They told you face to face.' },
  { value: 'PHONE', label: 'Phone', hint: 'They told you on a call.' },
];

/**
 * Records that the customer accepted the terms in person or on the phone. The record joins the
 * evidence chain for good (it can never be changed or removed), so the dialog says so and asks
 * for their words; the server refuses words that read as a refusal. A modal <dialog>: Escape or
 * "Back" closes it.
 */
export function RecordAcceptanceDialog({ booking, onClose }: { booking: BookingDetailFieldsFragment; onClose: (recorded: boolean) => void }) {
  const id = useId();
  const [channel, setChannel] = useState<'IN_PERSON' | 'PHONE'>('IN_PERSON');
  const [replyText, setReplyText] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [asked, setAsked] = useState(false);
  const [record, { loading }] = useMutation(recordTermsAcknowledgmentMutation);
  const current = useQuery(currentTermsVersionQuery, { fetchPolicy: 'cache-and-network' });
  const version = current.data?.currentTermsVersion;
  const { byField, general } = indexUserErrors(errors, (field) => (field === 'replyText' || field === 'channel' ? field : undefined));


  // Accepted (or moved on) elsewhere while the dialog was open: nothing is left to record.
  const settledElsewhere = !asked && (booking.termsAcknowledgment !== null || booking.status !== 'PENDING_TERMS');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    setAsked(true);
    try {
      const { data } = await record({
        variables: { input: { bookingId: booking.id, channel, replyText: replyText.trim() || null } },
        update: (cache, { data: result }) => {
          const saved = result?.recordTermsAcknowledgment.acknowledgment?.booking;
          if (saved) applyBooking(cache, saved);
        },
      });
      const payload = data?.recordTermsAcknowledgment;
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

  const channelErrorId = `${id}-channel-error`;
  return (
    <ModalDialog titleId={`${id}-title`} wide busy={loading} onDismiss={() => onClose(false)}>
      <form noValidate onSubmit={submit}>
        <h2 id={`${id}-title`}>Record the customer’s acceptance</h2>
        <p>
          {customerLabel(booking.customer)}’s party on {eventDay(booking.eventDate, 'long')} at {clockTime(booking.startTime)}.
        </p>
        <p data-testid="acceptance-version">
          {version ? (
            <>
              They accept the current terms,{' '}
              <a href={version.url} target="_blank" rel="noopener noreferrer">
                {version.label} “{version.title}”
              </a>
              .
            </>
          ) : current.loading ? (
            'They accept the current terms.'
          ) : (
            'No terms are published yet: an admin must publish them first.'
          )}
        </p>
        {settledElsewhere ? (
          <p role="status" className="notice notice--info">
            {booking.termsAcknowledgment ? 'The customer’s acceptance has just been recorded.' : 'This booking is no longer waiting for terms.'}
          </p>
        ) : (
          <>
            <FormAlert messages={general} title="Could not record the acceptance" />
            <fieldset className="field choice" {...describedBy({ errorId: channelErrorId, messages: byField.get('channel') })}>
              <legend>How did they accept?</legend>
              {STAFF_CHANNELS.map((option) => (
                <label key={option.value} className="choice__option">
                  <input type="radio" name={`${id}-channel`} value={option.value} checked={channel === option.value} onChange={() => setChannel(option.value)} />
                  <span>
                    {option.label} <span className="hint">{option.hint}</span>
                  </span>
                </label>
              ))}
              <FieldError id={channelErrorId} messages={byField.get('channel')} />
            </fieldset>
            <FormField
              id={`${id}-reply`}
              label="What the customer said (optional)"
              messages={byField.get('replyText')}
              hint="Their words as exactly as you can, e.g. “Yes, I agree to the terms”. Kept in the evidence."
            >
              {(control) => <textarea {...control} rows={2} maxLength={FORM_LIMITS.terms.replyText.maxLength} value={replyText} onChange={(e) => setReplyText(e.target.value)} />}
            </FormField>
            <p className="notice notice--warning dialog__warning">
              The record joins the terms evidence for good: it can never be changed or removed. The booking becomes confirmed, and the confirmation is sent in the customer’s thread when there is one.
            </p>
          </>
        )}
        <div className="actions actions--end">
          <button type="button" className="button" disabled={loading} onClick={() => onClose(false)}>
            {settledElsewhere ? 'Close' : 'Back'}
          </button>
          {!settledElsewhere && (
            <button type="submit" className="button button--primary" disabled={loading || (!version && !current.loading)}>
              {loading ? 'Recording…' : 'Record acceptance'}
            </button>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
