import type { PendingChange } from '../conversations/conversation.entity';
import type { MessageAnalysis } from './assistant.port';
import type { StaffReason } from './phrasebook';

/**
 * The rules for changes and cancellations the assistant finishes without staff (issue 15). Pure,
 * so each rule is table-tested here; the self-service module reads the bookings and applies what
 * these decide.
 */
export interface ChangePolicySettings {
  /** Events one day can hold: a move to a day that already has this many goes to staff. */
  chefCount: number;
  /** A change closer than this many days to the event (its day now or the new one) goes to staff. */
  changeMinDays: number;
  /** A change asked for at or below this sentiment goes to staff. */
  upsetSentiment: number;
  /** Cancelled at least this many days before the event, the deposit is refunded; closer, it is kept. */
  refundMinDays: number;
  /** The most guests one booking may have (BOOKING_MAX_GUESTS). */
  maxGuests: number;
}

/** What the rules need of a booking. */
export interface BookingFacts {
  id: string;
  status: 'INQUIRY' | 'PENDING_TERMS' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED';
  eventDate: string;
  startTime: string;
  adults: number;
  kids: number;
  paidCents: number;
  /** The deposit the booking asks for. */
  depositCents: number;
}

export type Requested = PendingChange['changes'];

/** The new details a message asks for, those read with enough confidence. */
export function requestedChanges(analysis: MessageAnalysis, confidenceThreshold: number): Requested {
  const sure = <T>(found: { value: T; confidence: number } | undefined): T | undefined => (found && found.confidence >= confidenceThreshold ? found.value : undefined);
  const changes: Requested = {};
  const eventDate = sure(analysis.details.eventDate);
  const startTime = sure(analysis.details.startTime);
  const address = sure(analysis.details.address);
  const partySize = sure(analysis.details.partySize);
  if (eventDate) changes.eventDate = eventDate;
  if (startTime) changes.startTime = startTime;
  if (address) changes.address = address;
  if (partySize !== undefined) changes.partySize = partySize;
  return changes;
}

export function hasChanges(changes: Requested): boolean {
  return Object.values(changes).some((value) => value !== undefined);
}

/** A new total of guests as adults and kids: the kids stay kids while the party still has room for them. */
export function newParty(booking: Pick<BookingFacts, 'adults' | 'kids'>, partySize: number): { adults: number; kids: number } {
  if (partySize > booking.kids) return { adults: partySize - booking.kids, kids: booking.kids };
  return { adults: partySize, kids: 0 };
}

/** Whole days from `today` to `date`, both YYYY-MM-DD calendar days. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function isUpset(sentiment: number, settings: Pick<ChangePolicySettings, 'upsetSentiment'>): boolean {
  return sentiment <= settings.upsetSentiment;
}

export type ChangeReview = { ok: true } | { ok: false; reason: StaffReason; explanation: string };

/**
 * Whether the assistant may make this change itself. `eventsOnNewDay`: events holding a chef on
 * the new day, this booking left out (only read when the day changes).
 */
export function reviewChange(booking: BookingFacts, changes: Requested, context: { today: string; eventsOnNewDay: number; settings: ChangePolicySettings }): ChangeReview {
  const { today, settings } = context;
  if (booking.status === 'COMPLETED' || booking.status === 'CANCELLED') return refuse('CLOSED', `The booking is ${booking.status.toLowerCase()}.`);
  const daysToEvent = daysBetween(today, booking.eventDate);
  if (daysToEvent <= 0) return refuse('EVENT_TODAY', 'The event is today.');
  if (daysToEvent < settings.changeMinDays) {
    return refuse('TOO_CLOSE', `The event is ${daysToEvent} day(s) away; the assistant changes bookings at least ${settings.changeMinDays} days ahead.`);
  }
  if (changes.eventDate !== undefined && changes.eventDate !== booking.eventDate) {
    const daysToNewDay = daysBetween(today, changes.eventDate);
    if (daysToNewDay < settings.changeMinDays) {
      return refuse('TOO_CLOSE', `The new day ${changes.eventDate} is ${daysToNewDay} day(s) away; the assistant moves parties at least ${settings.changeMinDays} days ahead.`);
    }
    if (context.eventsOnNewDay >= settings.chefCount) {
      return refuse('DATE_FULL', `${changes.eventDate} already has ${context.eventsOnNewDay} event(s) for ${settings.chefCount} chef(s).`);
    }
  }
  if (changes.partySize !== undefined && (changes.partySize < 1 || changes.partySize > settings.maxGuests)) {
    return refuse('PARTY_SIZE', `The customer asked for ${changes.partySize} guests; the assistant changes parties to 1-${settings.maxGuests} guests.`);
  }
  return { ok: true };
}

/** Whether the assistant may cancel this booking itself: not on the day of the event, nor one already over. */
export function reviewCancellation(booking: BookingFacts, today: string): ChangeReview {
  if (booking.status === 'COMPLETED' || booking.status === 'CANCELLED') return refuse('CLOSED', `The booking is ${booking.status.toLowerCase()}.`);
  if (daysBetween(today, booking.eventDate) <= 0) return refuse('EVENT_TODAY', 'The event is today: the chef may be on the way.');
  return { ok: true };
}

export interface CancellationMoney {
  daysBefore: number;
  /** The deposit is refunded (cancelled at least `refundMinDays` ahead). */
  depositRefunded: boolean;
  /** What the customer is owed back: everything paid, or all but the deposit. */
  refundCents: number;
  /** What the business keeps: the paid part of the deposit when cancelled late. */
  keptCents: number;
}

/** The cancellation rule (CANCELLATION_REFUND_MIN_DAYS): early, all paid is refunded; late, the deposit is kept and the rest refunded. */
export function cancellationMoney(booking: BookingFacts, today: string, settings: Pick<ChangePolicySettings, 'refundMinDays'>): CancellationMoney {
  const daysBefore = daysBetween(today, booking.eventDate);
  const depositRefunded = daysBefore >= settings.refundMinDays;
  const paid = Math.max(0, booking.paidCents);
  const keptCents = depositRefunded ? 0 : Math.min(paid, booking.depositCents);
  return { daysBefore, depositRefunded, refundCents: paid - keptCents, keptCents };
}

// Ordinals only: "one" or "dos" may as well be a count of guests or part of "the one on the 19th".
const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, primera: 1, primero: 1,
  second: 2, '2nd': 2, segunda: 2, segundo: 2,
  third: 3, '3rd': 3, tercera: 3, tercero: 3,
  fourth: 4, '4th': 4, cuarta: 4, cuarto: 4,
  last: -1, 'última': -1, ultima: -1, 'último': -1, ultimo: -1,
};

/**
 * Which of the listed bookings a reply picks: its number ("2", "#2", "the second one") or a day
 * only one of them is on ("the Dec 19 one"). Null when the reply picks none, or more than one.
 */
export function pickBooking(text: string, analysis: MessageAnalysis, choices: ReadonlyArray<Pick<BookingFacts, 'id' | 'eventDate'>>): string | null {
  const lowered = text.toLowerCase().trim();
  const number = /^(?:#|no\.?\s*|number\s+|n[uú]mero\s+)?(\d{1,2})[.)!]?$/.exec(lowered);
  const ordinal = lowered.split(/[^\p{L}\p{N}]+/u).map((word) => ORDINALS[word]).find((value) => value !== undefined);
  const index = number ? Number(number[1]) : ordinal === -1 ? choices.length : ordinal;
  if (index !== undefined && index >= 1 && index <= choices.length) return choices[index - 1].id;
  const day = analysis.details.eventDate?.value;
  if (day) {
    const onThatDay = choices.filter((choice) => choice.eventDate === day);
    if (onThatDay.length === 1) return onThatDay[0].id;
  }
  return null;
}

function refuse(reason: StaffReason, explanation: string): ChangeReview {
  return { ok: false, reason, explanation };
}
