import type { Tx } from '../../shared/db/unit-of-work';
import type { Channel } from '../conversations/channel';
import { Booking, BookingStatus } from './booking.entity';
import type { BookingsRepository } from './bookings.repository';

export interface NewBooking {
  customerId: string;
  conversationId: string | null;
  eventDate: string;
  startTime: string;
  address: string;
  partySize: number;
  dietaryNotes: string | null;
  sourceChannel: Channel;
}

/**
 * Booking use cases. The assistant creates inquiries here; pricing, terms and payments
 * extend this service in later modules. Methods take the caller's transaction so a booking
 * commits together with the conversation step that made it.
 */
export class BookingsService {
  constructor(private readonly repository: BookingsRepository) {}

  createInquiry(tx: Tx, booking: NewBooking): Promise<Booking> {
    return this.repository.insert(tx, { ...booking, status: BookingStatus.INQUIRY });
  }

  findByIds(ids: readonly string[]): Promise<Booking[]> {
    return this.repository.findByIds(ids);
  }
}
