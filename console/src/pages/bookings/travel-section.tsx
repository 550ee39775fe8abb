import { useId } from 'react';
import { dayRouteHref } from '../../app/routes';
import type { BookingDetailFieldsFragment } from '../../graphql/generated/graphql';
import { TravelQuoteFacts } from '../travel/travel-quote-facts';

/**
 * The drive to the event as it was quoted when the booking was made or its address or time last
 * changed: distance, time, service area and fee, and where the address was placed on the map.
 */
export function TravelSection({ booking }: { booking: BookingDetailFieldsFragment }) {
  const id = useId();
  const quote = booking.travelQuote;
  return (
    <section className="card booking-section" aria-labelledby={`${id}-title`} data-testid="travel-section">
      <h2 id={`${id}-title`}>Travel</h2>
      {quote ? (
        <>
          <TravelQuoteFacts quote={quote} chargedCents={booking.price.travelFeeCents} />
          <p className="hint">
            Quoted for “{quote.address}”. A new quote is made when the address or time changes.
          </p>
        </>
      ) : (
        <p className="muted">No travel quote is stored for this booking; it is quoted when its address or time changes.</p>
      )}
      {booking.status === 'CONFIRMED' && (
        <p>
          <a href={dayRouteHref(booking.eventDate)}>See the day’s route</a>
        </p>
      )}
    </section>
  );
}
