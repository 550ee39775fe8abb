import { BOOKING_STATUSES, CHANNEL_LABELS } from '../../components/labels';
import type { BookingFieldsFragment, BookingsQueryVariables, BookingStatus, Channel } from '../../graphql/generated/graphql';

/** Rows the list asks for at a time; "Load more" asks for the next as many. */
export const BOOKINGS_PAGE_SIZE = 50;

/** What the bookings list is narrowed to, as the filter controls hold it. */
export interface BookingFilters {
  statuses: BookingStatus[];
  /** YYYY-MM-DD or '' for no bound. */
  from: string;
  to: string;
  channel: Channel | '';
  search: string;
}

const isStatus = (value: string): value is BookingStatus => (BOOKING_STATUSES as readonly string[]).includes(value);
const isChannel = (value: string): value is Channel => value in CHANNEL_LABELS;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The filters kept in the list's URL (#/bookings?status=INQUIRY,CONFIRMED&q=lee), so a reload,
 * the Back button and a shared link show the same list. Without `from` the list starts today
 * (upcoming events); `from=` with nothing shows past events too.
 */
export function filtersFromQuery(params: URLSearchParams, today: string): BookingFilters {
  const from = params.get('from');
  const to = params.get('to') ?? '';
  const channel = params.get('channel') ?? '';
  return {
    statuses: (params.get('status') ?? '').split(',').filter(isStatus),
    from: from === null ? today : isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    channel: isChannel(channel) ? channel : '',
    search: params.get('q') ?? '',
  };
}

export function filtersToQuery(filters: BookingFilters, today: string): string {
  const params = new URLSearchParams();
  if (filters.statuses.length) params.set('status', BOOKING_STATUSES.filter((s) => filters.statuses.includes(s)).join(','));
  if (filters.from !== today) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.search.trim()) params.set('q', filters.search.trim());
  return params.toString();
}

export function defaultFilters(today: string): BookingFilters {
  return { statuses: [], from: today, to: '', channel: '', search: '' };
}

/** Nothing narrows the list at all (past events included). */
export function isUnfiltered(filters: BookingFilters): boolean {
  return !filters.statuses.length && !filters.from && !filters.to && !filters.channel && !filters.search.trim();
}

/** The query's variables; absent filters are left out so equal filters share one cached list. */
export function variablesOf(filters: BookingFilters): BookingsQueryVariables {
  const variables: BookingsQueryVariables = { first: BOOKINGS_PAGE_SIZE };
  if (filters.statuses.length) variables.status = BOOKING_STATUSES.filter((s) => filters.statuses.includes(s));
  if (filters.from) variables.eventDateFrom = filters.from;
  if (filters.to) variables.eventDateTo = filters.to;
  if (filters.channel) variables.sourceChannel = filters.channel;
  if (filters.search.trim()) variables.search = filters.search.trim();
  return variables;
}

/**
 * Whether a booking belongs in the list these variables ask for: the same tests the server
 * applies (status, event day, channel, part of the name or at least three digits of the phone).
 */
export function matchesVariables(booking: BookingFieldsFragment, variables: BookingsQueryVariables): boolean {
  const status = variables.status;
  if (status && (Array.isArray(status) ? status.length > 0 && !status.includes(booking.status) : status !== booking.status)) return false;
  if (variables.eventDateFrom && booking.eventDate < variables.eventDateFrom) return false;
  if (variables.eventDateTo && booking.eventDate > variables.eventDateTo) return false;
  if (variables.sourceChannel && booking.sourceChannel !== variables.sourceChannel) return false;
  const search = variables.search?.trim();
  if (search) {
    const inName = (booking.customer.name ?? '').toLowerCase().includes(search.toLowerCase());
    const digits = search.replace(/\D/g, '');
    const inPhone = digits.length >= 3 && (booking.customer.phone ?? '').includes(digits);
    if (!inName && !inPhone) return false;
  }
  return true;
}

/** Soonest event first, and within a day by start time. */
export function compareBookings(a: Pick<BookingFieldsFragment, 'eventDate' | 'startTime' | 'id'>, b: Pick<BookingFieldsFragment, 'eventDate' | 'startTime' | 'id'>): number {
  return a.eventDate.localeCompare(b.eventDate) || a.startTime.localeCompare(b.startTime) || a.id.localeCompare(b.id);
}
