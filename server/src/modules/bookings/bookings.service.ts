import type { EntityManager } from 'typeorm';
import type { Channel } from '../conversations/channel';
import { Booking, BookingStatus } from './booking.entity';

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
 * extend this service in later modules. Methods take the caller's EntityManager so a booking
 * commits together with the conversation step that made it.
 */
export class BookingsService {
  async createInquiry(manager: EntityManager, booking: NewBooking): Promise<Booking> {
    return manager.save(manager.create(Booking, { ...booking, status: BookingStatus.INQUIRY }));
  }
}
