import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Notice, type NoticeMessage } from '../../components/notice';
import { describeError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import type { BookingFieldsFragment } from '../../graphql/generated/graphql';
import { updateBookingMutation } from '../../graphql/operations';
import { changedFields, EVENT_FIELDS, sameValue, EventDetailsFields, eventDraftOf, eventValues, type EventDraft, type EventField } from './event-details-fields';

const FIELD_LABELS: Record<EventField, string> = {
  eventDate: 'Event date',
  startTime: 'Start time',
  address: 'Address',
  adults: 'Adults',
  kids: 'Kids',
  dietaryNotes: 'Dietary notes',
  smsConsent: 'Consent to texts',
};
const OWN_FIELDS = new Set<string>(EVENT_FIELDS);

const sameDraft = (a: EventDraft, b: EventDraft) => changedFields(a, b).size === 0;

/**
 * The event's details, editable while the booking is open. Saving sends only the fields the
 * person changed, so it never undoes what someone else changed meanwhile; a live change to a
 * field they have not touched shows at once, and one to a field they have is pointed out.
 */
export function EventDetailsForm({ booking }: { booking: BookingFieldsFragment }) {
  const id = useId();
  const closed = booking.status === 'COMPLETED' || booking.status === 'CANCELLED';
  const server = eventDraftOf(booking);
  // `base` is what the person started from; `draft` is what they see.
  const [base, setBase] = useState<EventDraft>(server);
  const [draft, setDraft] = useState<EventDraft>(server);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [updateBooking, { loading }] = useMutation(updateBookingMutation);

  const serverKey = JSON.stringify(server);
  useEffect(() => {
    const next = JSON.parse(serverKey) as EventDraft;
    if (sameDraft(base, next)) return;
    const touched = changedFields(base, draft);
    const elsewhere = changedFields(base, next);
    const conflicts = [...elsewhere].filter((field) => touched.has(field) && !sameValue(field, draft, next));
    // Untouched fields follow the booking; touched ones keep what the person typed.
    const merged = { ...draft };
    for (const field of elsewhere) if (!touched.has(field)) Object.assign(merged, { [field]: next[field] });
    setBase(next);
    setDraft(merged);
    if (conflicts.length) {
      setNotice({
        kind: 'error',
        text: `Someone else changed ${conflicts.map((field) => FIELD_LABELS[field].toLowerCase()).join(', ')} while you were editing. Saving replaces their change with yours; Undo changes shows theirs.`,
      });
    }
    // Only a change on the server starts this; base and draft are read as they are then.
  }, [serverKey]);

  const { byField, general } = indexUserErrors(errors, (field) => (OWN_FIELDS.has(field) ? field : undefined));
  const changed = changedFields(base, draft);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    if (changed.size === 0) return;
    const { values, errors: local } = eventValues(draft, changed);
    if (local.length) return setErrors(local);
    setErrors([]);
    try {
      const { data } = await updateBooking({ variables: { input: { id: booking.id, ...values } } });
      const payload = data?.updateBooking;
      if (payload?.userErrors.length) return setErrors(payload.userErrors);
      if (payload?.booking) {
        const saved = eventDraftOf(payload.booking);
        setBase(saved);
        setDraft(saved);
        setNotice({ kind: 'success', text: 'Event details saved.' });
      }
    } catch (failure) {
      setErrors([{ field: null, message: describeError(failure) }]);
    }
  }

  function undo() {
    setDraft(base);
    setErrors([]);
    setNotice(null);
  }

  return (
    <form className="card booking-section" aria-labelledby={`${id}-title`} noValidate onSubmit={save}>
      <h2 id={`${id}-title`}>Event details</h2>
      {closed && <p className="muted">This booking is {booking.status === 'CANCELLED' ? 'cancelled' : 'completed'}; its details can no longer change.</p>}
      <FormAlert messages={general} />
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <EventDetailsFields idPrefix={id} draft={draft} onChange={setDraft} errors={byField} disabled={closed || loading} />
      {!closed && (
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={loading || changed.size === 0}>
            {loading ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={undo} disabled={loading || changed.size === 0}>
            Undo changes
          </button>
          {changed.size > 0 && <span className="hint actions__note">Not saved yet: {[...changed].map((field) => FIELD_LABELS[field].toLowerCase()).join(', ')}.</span>}
        </div>
      )}
    </form>
  );
}
