import { describe, expect, it } from 'vitest';
import { BookingStatus } from './booking.entity';
import { allowedMoves, refuseMove } from './booking-status';

const { INQUIRY, PENDING_TERMS, CONFIRMED, COMPLETED, CANCELLED } = BookingStatus;

describe('the booking status machine', () => {
  it.each([
    [INQUIRY, PENDING_TERMS],
    [INQUIRY, CANCELLED],
    [PENDING_TERMS, CONFIRMED],
    [PENDING_TERMS, CANCELLED],
    [CONFIRMED, COMPLETED],
    [CONFIRMED, CANCELLED],
  ])('allows %s -> %s', (from, to) => {
    expect(refuseMove(from, to)).toBeNull();
  });

  it.each([
    [INQUIRY, CONFIRMED, 'A booking that is an inquiry cannot become confirmed; from here it can only become waiting for terms (send the terms) or cancelled.'],
    [INQUIRY, COMPLETED, 'A booking that is an inquiry cannot become completed; from here it can only become waiting for terms (send the terms) or cancelled.'],
    [PENDING_TERMS, COMPLETED, 'A booking that is waiting for terms cannot become completed; from here it can only become confirmed (when the customer accepts the terms) or cancelled.'],
    [PENDING_TERMS, INQUIRY, 'A booking that is waiting for terms cannot become an inquiry; from here it can only become confirmed (when the customer accepts the terms) or cancelled.'],
    [CONFIRMED, PENDING_TERMS, 'A booking that is confirmed cannot become waiting for terms; from here it can only become completed (the day after the event) or cancelled.'],
    [COMPLETED, CANCELLED, 'This booking is completed and can no longer change, so it cannot become cancelled.'],
    [CANCELLED, CONFIRMED, 'This booking is cancelled and can no longer change, so it cannot become confirmed.'],
    [CANCELLED, CANCELLED, 'This booking is cancelled and can no longer change, so it cannot become cancelled.'],
  ])('refuses %s -> %s and says what is allowed', (from, to, sentence) => {
    expect(refuseMove(from, to)).toBe(sentence);
  });

  it('lets every state that is not final be cancelled, and nothing leave a final state', () => {
    for (const status of Object.values(BookingStatus)) {
      const final = status === COMPLETED || status === CANCELLED;
      expect(allowedMoves(status).includes(CANCELLED)).toBe(!final);
      if (final) expect(allowedMoves(status)).toEqual([]);
    }
  });
});
