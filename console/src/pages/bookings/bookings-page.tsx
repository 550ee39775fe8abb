import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { bookingHref, NEW_BOOKING_HREF, replaceHashQuery, useHashQuery } from '../../app/routes';
import { FilterSelect } from '../../components/filter-select';
import { BOOKING_STATUS_LABELS, BOOKING_STATUSES, CHANNEL_LABELS, clockTime, customerLabel, dollars, eventDay, localToday, partyMakeup, phoneNumber } from '../../components/labels';
import { LoadFailed, Loading } from '../../components/query-status';
import { DataTable, listColumns } from '../../components/data-table';
import { describeError } from '../../components/user-errors';
import type { BookingStatus, BookingsQuery, Channel } from '../../graphql/generated/graphql';
import { bookingsQuery } from '../../graphql/operations';
import { defaultFilters, filtersFromQuery, filtersToQuery, isUnfiltered, variablesOf, type BookingFilters } from './booking-filters';
import { appendPage, sortEdges } from './bookings-cache';
import { rememberListHref } from './list-href';
import { StatusChip } from './status-chip';
import { useBookingUpdates } from './use-booking-updates';

function matchCount(count: number): string {
  if (count === 0) return 'None match.';
  return count === 1 ? '1 booking matches.' : `${count} bookings match.`;
}

type BookingRow = BookingsQuery['bookings']['edges'][number]['node'];
const column = listColumns<BookingRow>();
const BOOKING_COLUMNS = column.columns([
  column.display({
    id: 'event',
    header: 'Event',
    meta: { className: 'nowrap' },
    cell: ({ row }) => (
      <>
        <span className="numeric">{eventDay(row.original.eventDate)}</span>
        <div className="hint numeric">{clockTime(row.original.startTime)}</div>
      </>
    ),
  }),
  column.display({
    id: 'customer',
    header: 'Customer',
    meta: { rowHeader: true, className: 'booking-customer' },
    cell: ({ row: { original: booking } }) => (
      <>
        <a href={bookingHref(booking.id)}>{customerLabel(booking.customer)}</a>
        {booking.customer.phone ? (
          <div className="hint nowrap numeric">{phoneNumber(booking.customer.phone)}</div>
        ) : (
          booking.customer.email && booking.customer.name && <div className="hint">{booking.customer.email}</div>
        )}
      </>
    ),
  }),
  column.display({
    id: 'party',
    header: 'Party',
    meta: { className: 'nowrap' },
    cell: ({ row: { original: booking } }) => (
      <>
        <span className="numeric">{booking.partySize}</span>
        <div className="hint">{partyMakeup(booking.adults, booking.kids)}</div>
      </>
    ),
  }),
  column.accessor((booking) => booking.price.totalCents, { id: 'total', header: 'Total', meta: { className: 'numeric money' }, cell: ({ getValue }) => dollars(getValue()) }),
  column.accessor('status', { header: 'Status', cell: ({ getValue }) => <StatusChip status={getValue()} /> }),
  column.accessor('sourceChannel', { header: 'Source', cell: ({ getValue }) => CHANNEL_LABELS[getValue()] }),
]);

/** How long typing in the search box pauses before the list is asked for. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * Every booking, soonest event first, narrowed by status, event days, source channel and a
 * search on the customer's name or phone. The filters live in the URL; the list is live
 * (`bookingUpdated`), and pages on with "Load more".
 */
export function BookingsPage() {
  const headingId = useId();
  // The day the page opened: "upcoming" does not move under someone who leaves it open overnight.
  const [today] = useState(localToday);
  const query = useHashQuery();
  const filters = useMemo(() => filtersFromQuery(new URLSearchParams(query), today), [query, today]);
  const variables = useMemo(() => variablesOf(filters), [filters]);
  const setFilters = (next: BookingFilters) => replaceHashQuery(filtersToQuery(next, today));

  useEffect(() => rememberListHref(query ? `#/bookings?${query}` : '#/bookings'), [query]);

  // The search box answers each keystroke; the list follows once typing pauses.
  const [searchText, setSearchText] = useState(filters.search);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestFilters = useRef(filters);
  useEffect(() => {
    latestFilters.current = filters;
    // Navigation (the Bookings link, Back) changed the search: the box shows it. (What the
    // person typed stays as typed, trailing space included, while it means the same search.)
    if (searchTimer.current === undefined) setSearchText((typed) => (typed.trim() === filters.search.trim() ? typed : filters.search));
  }, [filters]);
  useEffect(() => () => clearTimeout(searchTimer.current), []);
  function applySearch(text: string) {
    clearTimeout(searchTimer.current);
    searchTimer.current = undefined;
    if (text.trim() !== latestFilters.current.search.trim()) setFilters({ ...latestFilters.current, search: text });
  }
  function typeSearch(text: string) {
    setSearchText(text);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => applySearch(text), SEARCH_DEBOUNCE_MS);
  }

  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(bookingsQuery, { variables, fetchPolicy: 'cache-and-network' });
  useBookingUpdates(variables);
  // While other filters load, the previous rows stay (dimmed) rather than the page jumping;
  // if they cannot be loaded, the failure is shown instead of rows for other filters.
  const shown = data ?? (loading ? previousData : undefined);
  const connection = shown?.bookings;
  const stale = data === undefined && previousData !== undefined;
  const bookings = useMemo(() => sortEdges(connection?.edges ?? []).map((edge) => edge.node), [connection]);

  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  async function loadMore() {
    const after = data?.bookings.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after }, updateQuery: (previous, { fetchMoreResult }) => appendPage(previous, fetchMoreResult) });
    } catch (failure) {
      setLoadMoreError(describeError(failure));
    } finally {
      setLoadingMore(false);
    }
  }

  const toggleStatus = (status: BookingStatus) =>
    setFilters({ ...filters, statuses: filters.statuses.includes(status) ? filters.statuses.filter((s) => s !== status) : [...filters.statuses, status] });
  const clearFilters = () => {
    clearTimeout(searchTimer.current);
    searchTimer.current = undefined;
    setSearchText('');
    setFilters({ ...defaultFilters(today), from: '' });
  };
  const onlyUpcoming = filtersToQuery(filters, today) === '';
  const unfiltered = isUnfiltered(filters);

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Bookings</h1>
          <p className="muted">
            {filters.from === today ? 'Upcoming events' : filters.from ? `Events from ${eventDay(filters.from)}` : 'All events'}, soonest first.
            {connection && ` ${matchCount(connection.totalCount)}`}
          </p>
        </div>
        <a className="button button--primary" href={NEW_BOOKING_HREF}>
          New booking
        </a>
      </header>

      <form
        className="filter-bar"
        aria-label="Filter bookings"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          applySearch(searchText);
        }}
      >
        <div className="filter-bar__row">
          <div className="field field--inline field--search">
            <label htmlFor={`${headingId}-search`}>Search</label>
            <input
              id={`${headingId}-search`}
              type="search"
              value={searchText}
              placeholder="Customer name or phone"
              autoComplete="off"
              onChange={(event) => typeSearch(event.target.value)}
            />
          </div>
          <div className="field field--inline" role="group" aria-labelledby={`${headingId}-dates`}>
            <span id={`${headingId}-dates`} className="field__label">
              Event date
            </span>
            <div className="date-range">
              <label htmlFor={`${headingId}-from`} className="visually-hidden">
                Event date from
              </label>
              <input id={`${headingId}-from`} type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => setFilters({ ...filters, from: event.target.value })} />
              <span aria-hidden="true">to</span>
              <label htmlFor={`${headingId}-to`} className="visually-hidden">
                Event date to
              </label>
              <input id={`${headingId}-to`} type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => setFilters({ ...filters, to: event.target.value })} />
            </div>
          </div>
          <FilterSelect
            label="Source"
            value={filters.channel}
            onChange={(channel) => setFilters({ ...filters, channel })}
            options={[['', 'Any source'], ...Object.entries(CHANNEL_LABELS)] as Array<[Channel | '', string]>}
          />
          {!unfiltered && (
            <button type="button" className="button button--small filter-bar__clear" onClick={clearFilters}>
              {onlyUpcoming ? 'Show past events too' : 'Clear filters'}
            </button>
          )}
        </div>
        <div className="filter-bar__row chips" role="group" aria-labelledby={`${headingId}-status`}>
          <span id={`${headingId}-status`} className="field__label">
            Status
          </span>
          {BOOKING_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={`chip-toggle chip--${status.toLowerCase()}`}
              aria-pressed={filters.statuses.includes(status)}
              onClick={() => toggleStatus(status)}
            >
              {BOOKING_STATUS_LABELS[status]}
            </button>
          ))}
          {filters.statuses.length === 0 && <span className="hint">All statuses shown</span>}
        </div>
      </form>

      {error && !connection ? (
        <LoadFailed what="bookings" error={error} onRetry={() => void refetch()} />
      ) : loading && !connection ? (
        <Loading what="bookings" />
      ) : bookings.length === 0 ? (
        <div className="empty" role="status">
          {unfiltered ? (
            <p>No bookings yet. Bookings made here, by the assistant or through the API appear as soon as they are made.</p>
          ) : onlyUpcoming ? (
            <p>No upcoming bookings.</p>
          ) : (
            <p>No bookings match these filters.</p>
          )}
          {!unfiltered && (
            <button type="button" className="button" onClick={clearFilters}>
              {onlyUpcoming ? 'Show past events too' : 'Clear filters'}
            </button>
          )}
        </div>
      ) : (
        <DataTable
          columns={BOOKING_COLUMNS}
          data={bookings}
          getRowId={(booking) => booking.id}
          rowAttributes={(booking) => ({ 'data-testid': 'booking-row', 'data-booking-id': booking.id })}
          className={`table--bookings${stale ? ' is-stale' : ''}`}
          label={{ labelledBy: headingId }}
          busy={stale}
          note={
            error && (
              <p role="alert" className="table-note table-note--error">
                Could not refresh the list: {describeError(error)}{' '}
                <button type="button" className="button button--small" onClick={() => void refetch()}>
                  Try again
                </button>
              </p>
            )
          }
        />
      )}
      {connection?.pageInfo.hasNextPage && (
        <div className="load-more">
          <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore || stale}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
          <span className="muted">
            {bookings.length} of {connection.totalCount} shown
          </span>
          {loadMoreError && (
            <span role="alert" className="field-error">
              Could not load more: {loadMoreError}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
