import { useSyncExternalStore } from 'react';
import type { StaffRole } from '../graphql/generated/graphql';

/**
 * Console routes live in the URL hash (#/escalations, #/conversations/<id>), so the server
 * only ever serves one page and a reload or a shared link opens the same view.
 */
export type Route =
  | { area: 'escalations' }
  | { area: 'conversations' }
  | { area: 'conversation'; conversationId: string }
  | { area: 'bookings' }
  | { area: 'newBooking' }
  | { area: 'booking'; bookingId: string }
  | { area: 'route' }
  | { area: 'travel' }
  | { area: 'terms' }
  | { area: 'extensions' }
  | { area: 'cannedReplies' }
  | { area: 'channels' };

interface NavArea {
  path: string;
  title: string;
  /** Shown to admins only; the API refuses the area's queries to anyone else. */
  adminOnly?: boolean;
}

const NAV_AREAS: readonly NavArea[] = [
  { path: 'escalations', title: 'Escalations' },
  { path: 'conversations', title: 'Conversations' },
  { path: 'bookings', title: 'Bookings' },
  { path: 'route', title: 'Day route' },
  { path: 'travel', title: 'Travel' },
  { path: 'terms', title: 'Terms' },
  { path: 'extensions', title: 'Extensions' },
  { path: 'canned-replies', title: 'Canned replies' },
  { path: 'channels', title: 'Channels', adminOnly: true },
];

export function navAreasFor(role: StaffRole): readonly NavArea[] {
  return NAV_AREAS.filter((area) => !area.adminOnly || role === 'ADMIN');
}

export function parseRoute(hash: string): Route {
  // A list keeps its filters after "?" (#/bookings?status=INQUIRY); the page reads them itself.
  const [first, second] = hash.replace(/^#\/?/, '').split('?')[0].split('/');
  if (first === 'conversations' && second) return { area: 'conversation', conversationId: decodeURIComponent(second) };
  if (first === 'conversations') return { area: 'conversations' };
  if (first === 'bookings' && second === 'new') return { area: 'newBooking' };
  if (first === 'bookings' && second) return { area: 'booking', bookingId: decodeURIComponent(second) };
  if (first === 'bookings') return { area: 'bookings' };
  if (first === 'route') return { area: 'route' };
  if (first === 'travel') return { area: 'travel' };
  if (first === 'terms') return { area: 'terms' };
  if (first === 'extensions') return { area: 'extensions' };
  if (first === 'canned-replies') return { area: 'cannedReplies' };
  if (first === 'channels') return { area: 'channels' };
  // The queue is what staff keep open, so it is also where an unknown link lands.
  return { area: 'escalations' };
}

export function conversationHref(conversationId: string): string {
  return `#/conversations/${encodeURIComponent(conversationId)}`;
}

export function bookingHref(bookingId: string): string {
  return `#/bookings/${encodeURIComponent(bookingId)}`;
}

export const NEW_BOOKING_HREF = '#/bookings/new';

/** The route page on a given day (YYYY-MM-DD). */
export function dayRouteHref(date: string): string {
  return `#/route?date=${encodeURIComponent(date)}`;
}

/** Raised when a page rewrites its filters in place (history.replaceState raises no hashchange). */
const QUERY_CHANGED = 'console:hash-query';

function currentHashQuery(): string {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

/** What follows "?" in the hash: a list page's filters, changed by the page or by navigation. */
export function useHashQuery(): string {
  return useSyncExternalStore((listener) => {
    window.addEventListener('hashchange', listener);
    window.addEventListener(QUERY_CHANGED, listener);
    return () => {
      window.removeEventListener('hashchange', listener);
      window.removeEventListener(QUERY_CHANGED, listener);
    };
  }, currentHashQuery);
}

/** Rewrites the hash's filters in place: no history entry per keystroke or click, but a reload keeps them. */
export function replaceHashQuery(query: string): void {
  const path = window.location.hash.split('?')[0] || '#/';
  window.history.replaceState(window.history.state, '', query ? `${path}?${query}` : path);
  window.dispatchEvent(new Event(QUERY_CHANGED));
}

let cachedPath: string | null = null;
let cachedRoute: Route = { area: 'escalations' };
function currentRoute(): Route {
  // useSyncExternalStore needs the same object while the route is unchanged; a list's filters
  // (after "?") change without making it another route.
  const path = window.location.hash.split('?')[0];
  if (path !== cachedPath) {
    cachedPath = path;
    cachedRoute = parseRoute(path);
  }
  return cachedRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore((listener) => {
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, currentRoute);
}
