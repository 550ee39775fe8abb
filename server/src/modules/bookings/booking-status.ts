import { BookingStatus } from './booking.entity';

/**
 * The booking's life (SPEC §4): INQUIRY -> PENDING_TERMS -> CONFIRMED -> COMPLETED, and any
 * state that is not final -> CANCELLED. Pure, so the whole table is tested in one place and
 * every path that moves a booking asks here first.
 */
const MOVES: Record<BookingStatus, readonly BookingStatus[]> = {
  [BookingStatus.INQUIRY]: [BookingStatus.PENDING_TERMS, BookingStatus.CANCELLED],
  [BookingStatus.PENDING_TERMS]: [BookingStatus.CONFIRMED, BookingStatus.CANCELLED],
  [BookingStatus.CONFIRMED]: [BookingStatus.COMPLETED, BookingStatus.CANCELLED],
  [BookingStatus.COMPLETED]: [],
  [BookingStatus.CANCELLED]: [],
};

/** How a status reads in a sentence to staff. */
export const STATUS_WORDS: Record<BookingStatus, string> = {
  [BookingStatus.INQUIRY]: 'an inquiry',
  [BookingStatus.PENDING_TERMS]: 'waiting for terms',
  [BookingStatus.CONFIRMED]: 'confirmed',
  [BookingStatus.COMPLETED]: 'completed',
  [BookingStatus.CANCELLED]: 'cancelled',
};

/** How each move happens, so the refusal can say what to do instead. */
const HOW: Partial<Record<BookingStatus, string>> = {
  [BookingStatus.PENDING_TERMS]: 'waiting for terms (send the terms)',
  [BookingStatus.CONFIRMED]: 'confirmed (when the customer accepts the terms)',
  [BookingStatus.COMPLETED]: 'completed (the day after the event)',
  [BookingStatus.CANCELLED]: 'cancelled',
};

export function allowedMoves(from: BookingStatus): readonly BookingStatus[] {
  return MOVES[from];
}

/** Null when the move is allowed; otherwise the sentence that says which moves are. */
export function refuseMove(from: BookingStatus, to: BookingStatus): string | null {
  if (MOVES[from].includes(to)) return null;
  const moves = MOVES[from];
  const target = STATUS_WORDS[to];
  if (moves.length === 0) return `This booking is ${STATUS_WORDS[from]} and can no longer change, so it cannot become ${target}.`;
  const options = moves.map((move) => HOW[move]).join(' or ');
  return `A booking that is ${STATUS_WORDS[from]} cannot become ${target}; from here it can only become ${options}.`;
}
