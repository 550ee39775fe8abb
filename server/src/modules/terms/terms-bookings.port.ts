import type { PendingEvents, Tx } from '../../shared/db/unit-of-work';
import type { Booking } from '../bookings/booking.entity';

/**
 * What the terms module needs of bookings: the booking locked for the rest of the transaction,
 * and the one transition accepted terms cause (PENDING_TERMS to CONFIRMED, with its event and
 * the confirmation text, owned by the bookings module).
 */
export interface TermsBookingsPort {
  lockById(tx: Tx, bookingId: string): Promise<Booking | null>;
  /** `answersCustomer`: the customer accepted just now themselves, so the confirmation is their answer (sent at any hour). */
  confirmAfterTerms(tx: Tx, events: PendingEvents, booking: Booking, how: { answersCustomer: boolean }): Promise<void>;
}
