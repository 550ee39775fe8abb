import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { bookingHref, dayRouteHref, replaceHashQuery, useHashQuery } from '../../app/routes';
import { clockTime, customerLabel, dayAfter, dollars, driveTime, eventDay, localToday, miles } from '../../components/labels';
import { Notice, type NoticeMessage } from '../../components/notice';
import { LoadFailed, Loading } from '../../components/query-status';
import type { DayRouteFieldsFragment } from '../../graphql/generated/graphql';
import { dayRouteQuery, nextConfirmedEventQuery } from '../../graphql/operations';
import { useBookingUpdates } from '../bookings/use-booking-updates';
import { EstimateMarker } from '../travel/travel-quote-facts';
import { ApplyDiscountsDialog, feeChanges, type FeeChange } from './apply-discounts-dialog';

type Stop = DayRouteFieldsFragment['stops'][number];

const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * A day's confirmed events as one drive from the base: the order, each leg, each event's travel
 * fee now and under the clustering rule, and the totals; staff apply the cluster discounts from
 * here. The day is in the URL (#/route?date=2026-12-20); without one the page opens on the next
 * day with a confirmed event, or today.
 */
export function DayRoutePage() {
  const query = useHashQuery();
  const requested = new URLSearchParams(query).get('date');
  const [today] = useState(localToday);
  const next = useQuery(nextConfirmedEventQuery, { variables: { from: today }, skip: isDay(requested), fetchPolicy: 'network-only' });

  useEffect(() => {
    if (isDay(requested) || next.loading) return;
    // The day the page opened on goes into the URL, so a reload or a shared link shows the same day.
    replaceHashQuery(`date=${next.data?.bookings.edges[0]?.node.eventDate ?? today}`);
  }, [requested, next.loading, next.data, today]);

  if (!isDay(requested)) {
    if (next.error) return <DayRoute key={today} date={today} />;
    return <Loading what="the next day with events" />;
  }
  return <DayRoute key={requested} date={requested} />;
}

function DayRoute({ date }: { date: string }) {
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(dayRouteQuery, { variables: { date }, fetchPolicy: 'cache-and-network' });
  const route = data?.dayRoute;
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [applied, setApplied] = useState<readonly FeeChange[]>([]);
  const [confirming, setConfirming] = useState(false);

  // A booking of this day made, confirmed, moved or cancelled anywhere changes the route: it is read again.
  const routed = useRef(new Set<string>());
  useEffect(() => {
    routed.current = new Set([...(route?.stops.map((stop) => stop.booking.id) ?? []), ...(route?.unreachable.map((booking) => booking.id) ?? [])]);
  }, [route]);
  useBookingUpdates(undefined, (booking) => {
    if (booking.eventDate === date || routed.current.has(booking.id)) void refetch().catch(() => undefined);
  });

  const changes = useMemo(() => (route ? feeChanges(route.stops) : []), [route]);

  return (
    <section className="page day-route" aria-labelledby={headingId}>
      <header className="page__header day-route__header">
        <div>
          <h1 id={headingId}>Day route</h1>
          <p className="muted">Confirmed events of one day, in the order to drive to them from the base.</p>
        </div>
        <DayPicker date={date} />
      </header>

      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}

      {error && !route ? (
        <LoadFailed what="the route" error={error} onRetry={() => void refetch()} />
      ) : loading && !route ? (
        <Loading what="the route" />
      ) : !route ? null : route.stops.length === 0 && route.unreachable.length === 0 ? (
        <EmptyDay date={date} />
      ) : (
        <>
          <RouteSummary route={route} />
          <RouteTable route={route} applied={applied} />
          <div className="actions day-route__actions">
            <button type="button" className="button button--primary" disabled={changes.length === 0} onClick={() => setConfirming(true)}>
              Apply cluster discounts
            </button>
            <span className="hint actions__note" data-testid="cluster-state">
              {changes.length === 0
                ? 'Every fee already matches the clustering rule.'
                : `${changes.length === 1 ? '1 booking’s' : `${changes.length} bookings’`} travel fee would change.`}
            </span>
          </div>
          <p className="hint">
            An event within {route.clusterRadiusMiles} mi of another that day gets {route.clusterDiscountPercent}% off its quoted travel fee; one that no longer clusters goes back to its
            quoted fee.
          </p>
          {route.unreachable.length > 0 && (
            <section className="card day-route__unreachable" aria-labelledby={`${headingId}-unreachable`}>
              <h2 id={`${headingId}-unreachable`}>Not on the route</h2>
              <p className="muted">No road reaches these events from the base: plan their drive by hand.</p>
              <ul>
                {route.unreachable.map((booking) => (
                  <li key={booking.id}>
                    <a href={bookingHref(booking.id)}>{customerLabel(booking.customer)}</a>, {clockTime(booking.startTime)}, {booking.address}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      {confirming && route && (
        <ApplyDiscountsDialog
          date={date}
          stops={route.stops}
          onClose={(result) => {
            setConfirming(false);
            if (!result) return;
            setApplied(result.changed);
            setNotice(result.notice);
          }}
        />
      )}
    </section>
  );
}

/** The day shown, with the days either side one click away. */
function DayPicker({ date }: { date: string }) {
  const id = useId();
  return (
    <div className="day-picker" role="group" aria-label="Day">
      <a className="button" href={dayRouteHref(dayBefore(date))} aria-label="Previous day">
        ←
      </a>
      <label htmlFor={id} className="visually-hidden">
        Day
      </label>
      <input id={id} type="date" value={date} onChange={(event) => isDay(event.target.value) && replaceHashQuery(`date=${event.target.value}`)} />
      <a className="button" href={dayRouteHref(dayAfter(date))} aria-label="Next day">
        →
      </a>
    </div>
  );
}

function RouteSummary({ route }: { route: DayRouteFieldsFragment }) {
  const count = route.stops.length;
  return (
    <div className="route-summary" data-testid="route-summary">
      <p className="route-summary__day">{eventDay(route.date, 'long')}</p>
      <dl className="route-summary__totals">
        <div>
          <dt>Events</dt>
          <dd>{count}</dd>
        </div>
        <div>
          <dt>Driving</dt>
          <dd data-testid="route-total-miles">
            {miles(route.totalMiles)} · {driveTime(route.totalMinutes)} {route.estimate && <EstimateMarker />}
          </dd>
        </div>
        <div>
          <dt>Travel fees now</dt>
          <dd data-testid="route-total-fees">{dollars(route.stops.reduce((sum, stop) => sum + stop.travelFeeCents, 0))}</dd>
        </div>
        <div>
          <dt>With clustering</dt>
          <dd data-testid="route-total-clustered">{dollars(route.stops.reduce((sum, stop) => sum + stop.clusteredTravelFeeCents, 0))}</dd>
        </div>
      </dl>
    </div>
  );
}

function RouteTable({ route, applied }: { route: DayRouteFieldsFragment; applied: readonly FeeChange[] }) {
  const names = new Map(route.stops.map((stop) => [stop.booking.id, customerLabel(stop.booking.customer)]));
  const changedNow = new Set(applied.map((change) => change.bookingId));
  return (
    <div className="table-wrap">
      <table className="table table--route table--stack">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Customer</th>
            <th scope="col">Address</th>
            <th scope="col">Drive</th>
            <th scope="col" className="money">
              Fee now
            </th>
            <th scope="col" className="money">
              With clustering
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="route-base">
            <td data-label="#">
              <span aria-hidden="true">⌂</span>
            </td>
            <td data-label="Time" className="muted">
              Start
            </td>
            <th scope="row" data-label="From">
              Base
            </th>
            <td data-label="Address">{route.baseAddress}</td>
            <td data-label="Drive" />
            <td data-label="Fee now" />
            <td data-label="With clustering" />
          </tr>
          {route.stops.map((stop) => (
            <StopRow key={stop.booking.id} stop={stop} names={names} changed={changedNow.has(stop.booking.id)} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4} data-label="">
              Total
            </th>
            <td className="nowrap numeric" data-label="Drive">
              {miles(route.totalMiles)} · {driveTime(route.totalMinutes)}
            </td>
            <td className="numeric money" data-label="Fee now">
              {dollars(route.stops.reduce((sum, stop) => sum + stop.travelFeeCents, 0))}
            </td>
            <td className="numeric money" data-label="With clustering">
              {dollars(route.stops.reduce((sum, stop) => sum + stop.clusteredTravelFeeCents, 0))}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function StopRow({ stop, names, changed }: { stop: Stop; names: ReadonlyMap<string, string>; changed: boolean }) {
  const differs = stop.clusteredTravelFeeCents !== stop.travelFeeCents;
  const near = stop.clusteredWith.map((id) => names.get(id) ?? 'another event');
  return (
    <tr data-testid="route-stop" data-booking-id={stop.booking.id} className={changed ? 'is-changed' : undefined}>
      <td data-label="#" className="numeric" data-testid="stop-position">
        {stop.position}
      </td>
      <td data-label="Time" className="nowrap numeric">
        {clockTime(stop.booking.startTime)}
      </td>
      <th scope="row" data-label="Customer">
        <a href={bookingHref(stop.booking.id)}>{customerLabel(stop.booking.customer)}</a>
        <div className="hint">{stop.booking.partySize} guests</div>
      </th>
      <td data-label="Address" className="route-address">
        {stop.booking.address}
      </td>
      <td data-label="Drive" className="nowrap numeric" data-testid="stop-leg">
        {miles(stop.milesFromPrevious)} · {driveTime(stop.minutesFromPrevious)}
        <div className="hint">from {stop.position === 1 ? 'the base' : 'the previous event'}</div>
      </td>
      <td data-label="Fee now" className="numeric money" data-testid="stop-fee">
        {dollars(stop.travelFeeCents)}
        {changed && (
          <div>
            <span className="badge badge--changed">Changed</span>
          </div>
        )}
      </td>
      <td data-label="With clustering" className="numeric money" data-testid="stop-clustered-fee">
        <span className={differs ? 'fee--differs' : undefined}>{dollars(stop.clusteredTravelFeeCents)}</span>
        {stop.clusterDiscountCents > 0 && <div className="hint">−{dollars(stop.clusterDiscountCents)}, near {near.join(', ')}</div>}
      </td>
    </tr>
  );
}

/** A day without confirmed events: what is routed, and where the events are. */
function EmptyDay({ date }: { date: string }) {
  const next = useQuery(nextConfirmedEventQuery, { variables: { from: dayAfter(date) }, fetchPolicy: 'cache-and-network' });
  const nextDay = next.data?.bookings.edges[0]?.node.eventDate;
  return (
    <div className="empty" role="status" data-testid="route-empty">
      <p>No confirmed events on {eventDay(date, 'long')}.</p>
      <p className="muted">Only confirmed bookings are routed; one waiting for the terms joins the route once the customer accepts them.</p>
      <div className="actions actions--center">
        {nextDay && (
          <a className="button button--primary" href={dayRouteHref(nextDay)}>
            Next day with events: {eventDay(nextDay)}
          </a>
        )}
        <a className="button" href={`#/bookings?from=${date}&to=${date}`}>
          This day’s bookings
        </a>
      </div>
    </div>
  );
}
