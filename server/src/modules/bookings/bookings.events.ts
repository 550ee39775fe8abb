import type { Channel } from '../conversations/channel';
import type { BookingStatus } from './booking.entity';

/** A booking as it crosses Redis: primitives and ISO strings, enough to render it without a read. */
export interface BookingSnapshot {
  id: string;
  customerId: string;
  conversationId: string | null;
  eventDate: string;
  startTime: string;
  startsAt: string;
  address: string;
  adults: number;
  kids: number;
  dietaryNotes: string | null;
  sourceChannel: Channel;
  status: BookingStatus;
  smsConsent: boolean;
  travelQuoteId: string | null;
  pricePerAdultCents: number;
  pricePerKidCents: number;
  minimumSpendCents: number;
  travelFeeCents: number;
  depositCents: number;
  paidCents: number;
  confirmedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type BookingChange = 'CREATED' | 'UPDATED' | 'STATUS_CHANGED';

export interface BookingUpdatedPayload {
  change: BookingChange;
  booking: BookingSnapshot;
  occurredAt: string;
}

export const BookingTopic = {
  UPDATED: 'BOOKING_UPDATED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    BOOKING_UPDATED: BookingUpdatedPayload;
  }
}
