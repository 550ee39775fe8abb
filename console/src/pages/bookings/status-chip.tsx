import { BOOKING_STATUS_LABELS } from '../../components/labels';
import type { BookingStatus } from '../../graphql/generated/graphql';

/** A booking's status as a coloured chip; the colour repeats the word, never replaces it. */
export function StatusChip({ status }: { status: BookingStatus }) {
  return (
    <span className={`badge chip chip--${status.toLowerCase()}`} data-testid="booking-status" data-status={status}>
      {BOOKING_STATUS_LABELS[status]}
    </span>
  );
}
