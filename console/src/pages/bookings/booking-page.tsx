import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { flash } from '../../app/flash';
import { customerHref } from '../../app/routes';
import { CHANNEL_LABELS, clockTime, customerLabel, dateTime, eventDay, partyMakeup, phoneNumber } from '../../components/labels';
import { Notice } from '../../components/notice';
import { LoadFailed, Loading } from '../../components/query-status';
import { bookingQuery } from '../../graphql/operations';
import { PaymentHistory } from '../payments/payment-history';
import { BookingMessages } from './booking-messages';
import { DepositLinkSection } from './deposit-link-section';
import { EventDetailsForm } from './event-details-form';
import { bookingsListHref } from './list-href';
import { PriceBreakdown } from './price-breakdown';
import { ScheduledMessagesSection } from './scheduled-messages-section';
import { StatusChip } from './status-chip';
import { StatusPanel } from './status-panel';
import { TermsSection } from './terms-section';
import { TravelSection } from './travel-section';
import { useBookingUpdates } from './use-booking-updates';

/**
 * One booking: who and when, its event details (editable while it is open), its terms and the
 * evidence of their acceptance, its latest messages, where it stands and what moves it on, the
 * price line by line and the drive. Live: a change made anywhere shows here at once.
 */
export function BookingPage({ bookingId }: { bookingId: string }) {
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(bookingQuery, { variables: { id: bookingId }, fetchPolicy: 'cache-and-network' });
  useBookingUpdates();
  const [notice, setNotice] = useState(() => flash.peek(bookingId));
  useEffect(() => flash.clear(bookingId), [bookingId]);
  const booking = data?.booking;

  const back = (
    <p>
      <a href={bookingsListHref()}>← Bookings</a>
    </p>
  );
  if (error && !booking) {
    return (
      <section className="page">
        {back}
        <LoadFailed what="the booking" error={error} onRetry={() => void refetch()} />
      </section>
    );
  }
  if (loading && !booking) return <Loading what="the booking" />;
  if (!booking) {
    return (
      <div className="empty">
        <p>This booking does not exist.</p>
        <a href={bookingsListHref()}>Back to bookings</a>
      </div>
    );
  }

  const customer = booking.customer;
  return (
    <section className="page booking" aria-labelledby={headingId}>
      {back}
      <header className="page__header booking__header">
        <div>
          <h1 id={headingId}>
            {customerLabel(customer)} <StatusChip status={booking.status} />
          </h1>
          <p className="booking__when" data-testid="booking-when">
            {eventDay(booking.eventDate, 'long')} at {clockTime(booking.startTime)} · {booking.partySize} guests ({partyMakeup(booking.adults, booking.kids)})
          </p>
          <p className="muted">
            {[customer.phone && phoneNumber(customer.phone), customer.email, `Booked via ${CHANNEL_LABELS[booking.sourceChannel]}`, `created ${dateTime(booking.createdAt)}`].filter(Boolean).join(' · ')}
            {' · '}
            <a href={customerHref(customer.id)}>Customer page</a>
          </p>
        </div>
      </header>

      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}

      <div className="booking__layout">
        <div className="booking__main">
          <EventDetailsForm booking={booking} />
          <TermsSection booking={booking} />
          <BookingMessages conversation={booking.conversation} />
        </div>
        <aside className="booking__side">
          <StatusPanel booking={booking} />
          <PriceBreakdown price={booking.price} cancelled={booking.status === 'CANCELLED'} />
          <PaymentHistory bookingId={booking.id} paidCents={booking.price.paidCents} />
          <DepositLinkSection booking={booking} />
          <ScheduledMessagesSection bookingId={booking.id} version={`${booking.status}:${booking.eventDate}:${booking.startTime}:${booking.address}:${booking.price.paidCents}`} />
          <TravelSection booking={booking} />
        </aside>
      </div>
    </section>
  );
}
