import { CheckboxField, FormField } from '../../components/form-field';
import type { UserErrorLike } from '../../components/user-errors';
import type { BookingFieldsFragment } from '../../graphql/generated/graphql';
import { FORM_LIMITS } from '../../components/form-limits';

/** The event's details as the form holds them (numbers as typed). */
export interface EventDraft {
  eventDate: string;
  startTime: string;
  address: string;
  adults: string;
  kids: string;
  dietaryNotes: string;
  smsConsent: boolean;
}

export const EVENT_FIELDS = ['eventDate', 'startTime', 'address', 'adults', 'kids', 'dietaryNotes', 'smsConsent'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export const EMPTY_EVENT: EventDraft = { eventDate: '', startTime: '', address: '', adults: '', kids: '0', dietaryNotes: '', smsConsent: false };

export function eventDraftOf(booking: BookingFieldsFragment): EventDraft {
  return {
    eventDate: booking.eventDate,
    startTime: booking.startTime,
    address: booking.address,
    adults: String(booking.adults),
    kids: String(booking.kids),
    dietaryNotes: booking.dietaryNotes ?? '',
    smsConsent: booking.smsConsent,
  };
}

export interface EventValues {
  eventDate?: string;
  startTime?: string;
  address?: string;
  adults?: number;
  kids?: number;
  dietaryNotes?: string;
  smsConsent?: boolean;
}

const COUNT_LABELS = { adults: 'Adults', kids: 'Kids' } as const;

/**
 * The draft as the API takes it. Only a count that is not a whole number is refused here (the
 * API's Int would reject the whole request); everything else, blanks included, is the server's
 * to judge, so its messages are the ones shown. `only` limits the values to the fields named.
 */
export function eventValues(draft: EventDraft, only?: ReadonlySet<EventField>): { values: EventValues; errors: UserErrorLike[] } {
  const values: EventValues = {};
  const errors: UserErrorLike[] = [];
  const wanted = (field: EventField) => !only || only.has(field);
  if (wanted('eventDate') && draft.eventDate) values.eventDate = draft.eventDate;
  if (wanted('startTime') && draft.startTime) values.startTime = draft.startTime;
  if (wanted('address') && draft.address.trim()) values.address = draft.address.trim();
  for (const field of ['adults', 'kids'] as const) {
    const typed = draft[field].trim();
    if (!wanted(field) || typed === '') continue;
    if (!/^\d+$/.test(typed)) errors.push({ field, message: `${COUNT_LABELS[field]}: enter a whole number, 0 or more.` });
    else values[field] = Number(typed);
  }
  if (wanted('dietaryNotes')) values.dietaryNotes = draft.dietaryNotes;
  if (wanted('smsConsent')) values.smsConsent = draft.smsConsent;
  return { values, errors };
}

/** Whether two drafts hold the same value for a field, as the server would store it. */
export function sameValue(field: EventField, a: EventDraft, b: EventDraft): boolean {
  const [x, y] = [a[field], b[field]];
  if (typeof x === 'boolean' || typeof y === 'boolean') return x === y;
  if (field === 'adults' || field === 'kids') return x.trim() === y.trim() || (/^\d+$/.test(x.trim()) && Number(x) === Number(y));
  return x.trim() === y.trim();
}

/** Fields whose value differs from `initial`. */
export function changedFields(initial: EventDraft, draft: EventDraft): Set<EventField> {
  return new Set(EVENT_FIELDS.filter((field) => !sameValue(field, initial, draft)));
}

/** The event's fields, shared by the new-booking form and a booking's page. */
export function EventDetailsFields(props: {
  idPrefix: string;
  draft: EventDraft;
  onChange: (draft: EventDraft) => void;
  errors: Map<string, string[]>;
  disabled?: boolean;
  /** The earliest day the date picker offers (past days can still be typed; the server refuses them). */
  minDate?: string;
}) {
  const { idPrefix, draft, onChange, errors, disabled, minDate } = props;
  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => onChange({ ...draft, [key]: value });
  const id = (field: EventField) => `${idPrefix}-${field}`;
  return (
    <div className="form-grid">
      <FormField id={id('eventDate')} label="Event date" messages={errors.get('eventDate')}>
        {(control) => <input {...control} type="date" value={draft.eventDate} min={minDate} disabled={disabled} onChange={(e) => set('eventDate', e.target.value)} />}
      </FormField>
      <FormField id={id('startTime')} label="Start time" messages={errors.get('startTime')}>
        {(control) => <input {...control} type="time" value={draft.startTime} step={900} disabled={disabled} onChange={(e) => set('startTime', e.target.value)} />}
      </FormField>
      <FormField id={id('address')} label="Address" className="form-grid__wide" messages={errors.get('address')} hint="Where the chef cooks: street, city and ZIP code.">
        {(control) => <input {...control} value={draft.address} minLength={FORM_LIMITS.booking.address.minLength} maxLength={FORM_LIMITS.booking.address.maxLength} autoComplete="off" disabled={disabled} onChange={(e) => set('address', e.target.value)} />}
      </FormField>
      <FormField id={id('adults')} label="Adults" messages={errors.get('adults')}>
        {(control) => (
          <input {...control} type="number" min={FORM_LIMITS.booking.guests.min} step={1} inputMode="numeric" className="input--short" value={draft.adults} disabled={disabled} onChange={(e) => set('adults', e.target.value)} />
        )}
      </FormField>
      <FormField id={id('kids')} label="Kids" messages={errors.get('kids')}>
        {(control) => (
          <input {...control} type="number" min={FORM_LIMITS.booking.guests.min} step={1} inputMode="numeric" className="input--short" value={draft.kids} disabled={disabled} onChange={(e) => set('kids', e.target.value)} />
        )}
      </FormField>
      <FormField id={id('dietaryNotes')} label="Dietary notes" className="form-grid__wide" messages={errors.get('dietaryNotes')} hint="Allergies, vegetarian guests, anything the chef must know.">
        {(control) => <textarea {...control} rows={2} maxLength={FORM_LIMITS.booking.dietaryNotes.maxLength} value={draft.dietaryNotes} disabled={disabled} onChange={(e) => set('dietaryNotes', e.target.value)} />}
      </FormField>
      <div className="form-grid__wide">
        <CheckboxField
          id={id('smsConsent')}
          label="The customer agrees to receive texts about this booking"
          checked={draft.smsConsent}
          disabled={disabled}
          onChange={(checked) => set('smsConsent', checked)}
          messages={errors.get('smsConsent')}
        />
      </div>
    </div>
  );
}
