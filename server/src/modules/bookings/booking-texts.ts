import { DateTime } from 'luxon';
import { formatLongDay, formatTime } from '../assistant/phrasebook';
import type { ReplyLanguage } from '../conversations/conversation.entity';
import type { Booking } from './booking.entity';
import { bookingReference } from './booking-reference';
import { formatDollars, priceBreakdown } from './pricing';

type Writer = (booking: Booking, businessName: string) => string;

const english: Writer = (booking, businessName) => {
  const price = priceBreakdown(booking);
  const guests = [`${booking.adults} adult${booking.adults === 1 ? '' : 's'}`, booking.kids > 0 ? `${booking.kids} kid${booking.kids === 1 ? '' : 's'}` : null].filter(Boolean).join(' and ');
  return [
    `Your hibachi party is confirmed: ${formatDay(booking.eventDate)} at ${formatClock(booking.startTime)}, ${booking.address}, ${guests}.`,
    `Booking reference ${bookingReference(booking.id)}.`,
    `Price: ${formatDollars(price.foodCents + price.minimumTopUpCents)} food${price.minimumTopUpCents > 0 ? ' (minimum spend)' : ''}` +
      `${price.travelFeeCents > 0 ? ` + ${formatDollars(price.travelFeeCents)} travel` : ''} = ${formatDollars(price.totalCents)}.`,
    `Deposit ${formatDollars(price.depositCents)}; balance ${formatDollars(price.balanceCents)} due on the day. Thank you for choosing ${businessName}!`,
  ].join(' ');
};

const spanish: Writer = (booking, businessName) => {
  const price = priceBreakdown(booking);
  const guests = [`${booking.adults} adulto${booking.adults === 1 ? '' : 's'}`, booking.kids > 0 ? `${booking.kids} niño${booking.kids === 1 ? '' : 's'}` : null].filter(Boolean).join(' y ');
  return [
    `Su fiesta de hibachi está confirmada: ${formatLongDay(booking.eventDate, 'es')} a las ${formatTime(booking.startTime, 'es')}, ${booking.address}, ${guests}.`,
    `Referencia de la reserva ${bookingReference(booking.id)}.`,
    `Precio: ${formatDollars(price.foodCents + price.minimumTopUpCents)} de comida${price.minimumTopUpCents > 0 ? ' (gasto mínimo)' : ''}` +
      `${price.travelFeeCents > 0 ? ` + ${formatDollars(price.travelFeeCents)} de traslado` : ''} = ${formatDollars(price.totalCents)}.`,
    `Depósito ${formatDollars(price.depositCents)}; saldo de ${formatDollars(price.balanceCents)} a pagar el día del evento. ¡Gracias por elegir ${businessName}!`,
  ].join(' ');
};

const WRITERS: Record<ReplyLanguage, Writer> = { en: english, es: spanish };

/**
 * The text that tells the customer their booking is confirmed, with its reference and price, in
 * the language of the thread it goes to (English while the thread has none). Both languages are
 * here, so a change of wording is made in one place.
 */
export function confirmationText(booking: Booking, language: ReplyLanguage | null, businessName: string): string {
  return WRITERS[language ?? 'en'](booking, businessName);
}

/** "Sunday, December 20" for a YYYY-MM-DD day (no time zone: it is a calendar day). */
export function formatDay(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('cccc, LLLL d');
}

/** "6:00 PM" for "18:00". */
export function formatClock(time: string): string {
  return DateTime.fromFormat(time, 'HH:mm', { zone: 'UTC' }).toFormat('h:mm a');
}
