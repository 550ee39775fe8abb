import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flash } from '../../app/flash';
import { bookingHref } from '../../app/routes';
import { CheckboxField, FormField } from '../../components/form-field';
import { CHANNEL_LABELS, localToday, phoneNumber } from '../../components/labels';
import { describeError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import type { BookingFieldsFragment, Channel, CreateBookingInput } from '../../graphql/generated/graphql';
import { createBookingMutation } from '../../graphql/operations';
import { applyBooking } from './bookings-cache';
import { EMPTY_EVENT, EVENT_FIELDS, EventDetailsFields, eventValues, type EventDraft } from './event-details-fields';
import { bookingsListHref } from './list-href';
import { FORM_LIMITS } from '../../components/form-limits';

interface CustomerDraft {
  name: string;
  phone: string;
  email: string;
  sourceChannel: Channel;
  requestTerms: boolean;
}

/** The API's path of a customer field -> the form's field. */
const CUSTOMER_FIELDS: Record<string, string> = { 'customer.name': 'name', 'customer.phone': 'phone', 'customer.email': 'email' };
const OWN_FIELDS = new Set<string>([...EVENT_FIELDS, 'sourceChannel', 'requestTerms']);

/** What happened to the terms, said once the booking page opens. */
function createdNotice(booking: BookingFieldsFragment): string {
  const phone = booking.customer.phone;
  const texted = phone && (['PHONE', 'SMS', 'WHATSAPP'].includes(booking.sourceChannel) || booking.smsConsent);
  if (booking.status === 'PENDING_TERMS') {
    return texted ? `Booking created. The terms were texted to ${phoneNumber(phone)}; it is confirmed when the customer accepts them.` : 'Booking created. It waits for the customer to accept the terms.';
  }
  return 'Booking created as an inquiry. Send the terms when the customer is ready.';
}

/** A booking taken by staff (on the phone, from an email): the customer, the event, and whether to send the terms now. */
export function NewBookingPage() {
  const id = useId();
  const headingId = `${id}-title`;
  const [customer, setCustomer] = useState<CustomerDraft>({ name: '', phone: '', email: '', sourceChannel: 'PHONE', requestTerms: true });
  const [event, setEvent] = useState<EventDraft>(EMPTY_EVENT);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [createBooking, { loading }] = useMutation(createBookingMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const [today] = useState(localToday);

  const { byField, general } = indexUserErrors(errors, (field) => CUSTOMER_FIELDS[field] ?? (OWN_FIELDS.has(field) ? field : undefined));

  // After a refused submit, take the person to the first field at fault (its error is read with it).
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-alert');
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [attempt]);

  const set = <K extends keyof CustomerDraft>(key: K, value: CustomerDraft[K]) => setCustomer((c) => ({ ...c, [key]: value }));

  function refuse(found: UserErrorLike[]) {
    setErrors(found);
    setAttempt((n) => n + 1);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { values, errors: local } = eventValues(event);
    if (local.length) return refuse(local);
    setErrors([]);
    const input: CreateBookingInput = {
      ...values,
      customer: {
        name: customer.name.trim() || undefined,
        phone: customer.phone.trim() || undefined,
        email: customer.email.trim() || undefined,
      },
      sourceChannel: customer.sourceChannel,
      requestTerms: customer.requestTerms,
    };
    try {
      const { data } = await createBooking({
        variables: { input },
        update: (cache, { data: result }) => {
          if (result?.createBooking.booking) applyBooking(cache, result.createBooking.booking);
        },
      });
      const payload = data?.createBooking;
      // The server answers every problem of the form at once, the customer's and the event's.
      if (payload?.userErrors.length) return refuse(payload.userErrors);
      if (payload?.booking) {
        flash.set(payload.booking.id, { kind: 'success', text: createdNotice(payload.booking) });
        window.location.hash = bookingHref(payload.booking.id);
      }
    } catch (failure) {
      refuse([{ field: null, message: describeError(failure) }]);
    }
  }

  const field = (name: 'name' | 'phone' | 'email') => `${id}-${name}`;
  return (
    <section className="page" aria-labelledby={headingId}>
      <p>
        <a href={bookingsListHref()}>← Bookings</a>
      </p>
      <form ref={formRef} className="card booking-form" aria-labelledby={headingId} noValidate onSubmit={submit}>
        <h1 id={headingId}>New booking</h1>
        <FormAlert messages={general} title="Could not create the booking" />

        <fieldset className="form-section">
          <legend>Customer</legend>
          <div className="form-grid">
            <FormField id={field('name')} label="Customer name" messages={byField.get('name')}>
              {(control) => <input {...control} value={customer.name} maxLength={FORM_LIMITS.booking.customerName.maxLength} autoComplete="off" onChange={(e) => set('name', e.target.value)} />}
            </FormField>
            <FormField id={field('phone')} label="Phone" messages={byField.get('phone')} hint="Any US format, e.g. (916) 555-0100.">
              {(control) => <input {...control} type="tel" value={customer.phone} maxLength={FORM_LIMITS.booking.customerPhone.maxLength} autoComplete="off" onChange={(e) => set('phone', e.target.value)} />}
            </FormField>
            <FormField id={field('email')} label="Email" messages={byField.get('email')} hint="Optional when there is a phone number.">
              {(control) => <input {...control} type="email" value={customer.email} maxLength={FORM_LIMITS.booking.customerEmail.maxLength} autoComplete="off" onChange={(e) => set('email', e.target.value)} />}
            </FormField>
            <FormField id={`${id}-sourceChannel`} label="Source channel" messages={byField.get('sourceChannel')} hint="Where the customer reached us.">
              {(control) => (
                <select {...control} value={customer.sourceChannel} onChange={(e) => set('sourceChannel', e.target.value as Channel)}>
                  {Object.entries(CHANNEL_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Event</legend>
          <EventDetailsFields idPrefix={id} draft={event} onChange={setEvent} errors={byField} minDate={today} />
        </fieldset>

        <fieldset className="form-section">
          <legend>Terms</legend>
          <CheckboxField
            id={`${id}-requestTerms`}
            label="Send terms now"
            checked={customer.requestTerms}
            onChange={(checked) => set('requestTerms', checked)}
            messages={byField.get('requestTerms')}
            hint="The booking then waits for the customer to accept the terms; they get the link by text when booked by phone, SMS or WhatsApp, or when they agree to texts. Off: it stays an inquiry until you send them."
          />
        </fieldset>

        <div className="actions">
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create booking'}
          </button>
          <a className="button" href={bookingsListHref()}>
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}
