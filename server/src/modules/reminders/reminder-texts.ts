import { formatLongDay, formatTime } from '../assistant/phrasebook';
import type { ReplyLanguage } from '../conversations/conversation.entity';
import type { Booking } from '../bookings/booking.entity';
import { formatClock, formatDay } from '../bookings/booking-texts';
import { formatDollars, priceBreakdown } from '../bookings/pricing';
import { ScheduledMessageKind } from './schedule';

export interface ReminderTextSettings {
  businessName: string;
  /** Where a happy customer leaves a review (the Google review link); null: they are asked to reply instead. */
  reviewLink: string | null;
}

type Writer = (booking: Booking, settings: ReminderTextSettings) => string;

const ENGLISH: Record<ScheduledMessageKind, Writer> = {
  [ScheduledMessageKind.DAY_BEFORE_REMINDER]: (booking, { businessName }) =>
    `${businessName}: a reminder that your hibachi party for ${booking.adults + booking.kids} is tomorrow, ${formatDay(booking.eventDate)} at ${formatClock(booking.startTime)}, at ${booking.address}. ` +
    `Reply here with any questions or changes.`,
  [ScheduledMessageKind.PAYMENT_REMINDER]: (booking, { businessName }) =>
    `${businessName}: your hibachi party on ${formatDay(booking.eventDate)} has a balance of ${formatDollars(priceBreakdown(booking).balanceCents)} still open. ` +
    `Reply here and we will send you a way to pay.`,
  [ScheduledMessageKind.REVIEW_REQUEST]: (_booking, { businessName, reviewLink }) =>
    `Thank you for celebrating with ${businessName}! ` + (reviewLink ? `If you enjoyed your party, would you leave us a review? ${reviewLink}` : 'Reply here and tell us how your party went.'),
};

const SPANISH: Record<ScheduledMessageKind, Writer> = {
  [ScheduledMessageKind.DAY_BEFORE_REMINDER]: (booking, { businessName }) =>
    `${businessName}: le recordamos que su fiesta de hibachi para ${booking.adults + booking.kids} es mañana, ${formatLongDay(booking.eventDate, 'es')} a las ${formatTime(booking.startTime, 'es')}, en ${booking.address}. ` +
    `Responda aquí con cualquier pregunta o cambio.`,
  [ScheduledMessageKind.PAYMENT_REMINDER]: (booking, { businessName }) =>
    `${businessName}: su fiesta de hibachi del ${formatLongDay(booking.eventDate, 'es')} tiene un saldo pendiente de ${formatDollars(priceBreakdown(booking).balanceCents)}. ` +
    `Responda aquí y le enviaremos cómo pagar.`,
  [ScheduledMessageKind.REVIEW_REQUEST]: (_booking, { businessName, reviewLink }) =>
    `¡Gracias por celebrar con ${businessName}! ` + (reviewLink ? `Si disfrutó su fiesta, ¿nos dejaría una reseña? ${reviewLink}` : 'Responda aquí y cuéntenos cómo estuvo su fiesta.'),
};

/** A scheduled message's text, in the language of the thread it goes to (English while it has none). */
export function reminderText(kind: ScheduledMessageKind, booking: Booking, language: ReplyLanguage | null, settings: ReminderTextSettings): string {
  return (language === 'es' ? SPANISH : ENGLISH)[kind](booking, settings);
}
