import type { PendingEvents, Tx } from '../../shared/db/unit-of-work';
import type { Booking } from '../bookings/booking.entity';
import type { ModuleServices } from '../../app/module';
import type { TermsRepository } from './terms.repository';

/**
 * What the terms module needs of bookings: the booking locked for the rest of the transaction,
 * and the one transition accepted terms cause (PENDING_TERMS to CONFIRMED, with its event and
 * the confirmation text, owned by the bookings module).
 */
export interface TermsBookingsPort {
  lockById(tx: Tx, bookingId: string): Promise<Booking | null>;
  confirmAfterTerms(tx: Tx, events: PendingEvents, booking: Booking): Promise<void>;
}

/** BookingsService when it offers the port, else the stand-in below. */
export function termsBookingsPort(bookings: ModuleServices['bookings'], repository: TermsRepository): TermsBookingsPort {
  const offered = bookings as unknown as Partial<TermsBookingsPort>;
  if (typeof offered.lockById === 'function' && typeof offered.confirmAfterTerms === 'function') return offered as TermsBookingsPort;
  return temporaryBookingsAdapter(repository);
}

// TEMPORARY until BookingsService.confirmAfterTerms lands: locks and confirms the booking row
// directly; it publishes nothing and sends no confirmation text (bookings will).
function temporaryBookingsAdapter(repository: TermsRepository): TermsBookingsPort {
  return {
    lockById: (tx, bookingId) => repository.lockBooking(tx, bookingId),
    confirmAfterTerms: async (tx, _events, booking) => {
      await repository.confirmBooking(tx, booking.id);
    },
  };
}
