import { useMemo, useSyncExternalStore } from 'react';
import { createHashRouter, useLocation, type DataRouter, type RouteObject } from 'react-router';
import type { StaffRole } from '../graphql/generated/graphql';

/**
 * Console routes live in the URL hash (#/escalations, #/conversations/<id>), so the server
 * only ever serves one page and a reload or a shared link opens the same view. react-router
 * owns the location; the page table is in route-table.tsx, the links to pages are here.
 */

interface NavArea {
  path: string;
  title: string;
  /** Shown to admins only; the API refuses the area's queries to anyone else. */
  adminOnly?: boolean;
}

const NAV_AREAS: readonly NavArea[] = [
  { path: 'dashboard', title: 'Dashboard' },
  { path: 'escalations', title: 'Escalations' },
  { path: 'conversations', title: 'Conversations' },
  { path: 'bookings', title: 'Bookings' },
  { path: 'payments', title: 'Payments' },
  { path: 'reviews', title: 'Reviews' },
  { path: 'tasks', title: 'Tasks' },
  { path: 'route', title: 'Day route' },
  { path: 'travel', title: 'Travel' },
  { path: 'terms', title: 'Terms' },
  { path: 'extensions', title: 'Extensions' },
  { path: 'canned-replies', title: 'Canned replies' },
  { path: 'alerts', title: 'Alerts' },
  { path: 'channels', title: 'Channels', adminOnly: true },
  { path: 'staff', title: 'Staff', adminOnly: true },
  { path: 'bank', title: 'Bank', adminOnly: true },
  { path: 'outbox', title: 'Outbox', adminOnly: true },
];

export function navAreasFor(role: StaffRole): readonly NavArea[] {
  return NAV_AREAS.filter((area) => !area.adminOnly || role === 'ADMIN');
}

export function conversationHref(conversationId: string): string {
  return `#/conversations/${encodeURIComponent(conversationId)}`;
}

export function bookingHref(bookingId: string): string {
  return `#/bookings/${encodeURIComponent(bookingId)}`;
}

export const NEW_BOOKING_HREF = '#/bookings/new';

export function customerHref(customerId: string): string {
  return `#/customers/${encodeURIComponent(customerId)}`;
}

/** The search page with its query (the words stay in the URL, so a reload or a link repeats the search). */
export function searchHref(query: string): string {
  return query ? `#/search?q=${encodeURIComponent(query)}` : '#/search';
}

/** The route page on a given day (YYYY-MM-DD). */
export function dayRouteHref(date: string): string {
  return `#/route?date=${encodeURIComponent(date)}`;
}

/** Which page a location shows, for code that needs to know (for example whether a thread is open). */
export type Route =
  | { area: 'dashboard' }
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
  | { area: 'channels' }
  | { area: 'staff' }
  | { area: 'customer'; customerId: string }
  | { area: 'search' }
  | { area: 'cannedReplies' }
  | { area: 'alerts' }
  | { area: 'reviews' }
  | { area: 'tasks' }
  | { area: 'payments' }
  | { area: 'bank' }
  | { area: 'outbox' };

/** Reads a hash ("#/bookings/<id>?...") or a router path ("/bookings/<id>"); what renders is route-table.tsx's. */
export function parseRoute(hash: string): Route {
  const [first, second] = hash.replace(/^#?\/?/, '').split('?')[0].split('/');
  if (first === 'conversations' && second) return { area: 'conversation', conversationId: decodeURIComponent(second) };
  if (first === 'conversations') return { area: 'conversations' };
  if (first === 'bookings' && second === 'new') return { area: 'newBooking' };
  if (first === 'bookings' && second) return { area: 'booking', bookingId: decodeURIComponent(second) };
  if (first === 'bookings') return { area: 'bookings' };
  if (first === 'customers' && second) return { area: 'customer', customerId: decodeURIComponent(second) };
  if (first === 'search') return { area: 'search' };
  if (first === 'canned-replies') return { area: 'cannedReplies' };
  if (first === 'dashboard') return { area: 'dashboard' };
  if (first === 'alerts' || first === 'payments' || first === 'bank' || first === 'reviews' || first === 'tasks' || first === 'outbox') return { area: first };
  if (first === 'route' || first === 'travel' || first === 'terms' || first === 'extensions' || first === 'channels' || first === 'staff') return { area: first };
  return { area: 'escalations' };
}

/**
 * The token of a one-time set-password link (#/set-password/<token>), or null. The page it opens
 * stands outside the console's router: whoever follows the link is usually not signed in.
 */
export function useSetPasswordToken(): string | null {
  const hash = useSyncExternalStore(
    (listener) => {
      window.addEventListener('hashchange', listener);
      return () => window.removeEventListener('hashchange', listener);
    },
    () => window.location.hash,
  );
  const match = /^#\/set-password\/([^/?]+)/.exec(hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/** The page the router is on (the same object while only a list's filters change). */
export function useRoute(): Route {
  const { pathname } = useLocation();
  return useMemo(() => parseRoute(pathname), [pathname]);
}

let consoleRouter: DataRouter | null = null;

/**
 * The console's one router, over the URL hash. Plain functions (replaceHashQuery, called from
 * event handlers) navigate through it, so the router is the only owner of the location.
 */
export function createConsoleRouter(routes: RouteObject[]): DataRouter {
  consoleRouter?.dispose();
  consoleRouter = createHashRouter(routes);
  return consoleRouter;
}

/** What follows "?" in the hash: a list page's filters, changed by the page or by navigation. */
export function useHashQuery(): string {
  return useLocation().search.replace(/^\?/, '');
}

/** Rewrites the hash's filters in place: no history entry per keystroke or click, but a reload keeps them. */
export function replaceHashQuery(query: string): void {
  if (!consoleRouter) throw new Error('replaceHashQuery needs the console router (createConsoleRouter)');
  const { pathname, search } = consoleRouter.state.location;
  const next = query ? `?${query}` : '';
  if (next === search) return;
  void consoleRouter.navigate({ pathname, search: next }, { replace: true, preventScrollReset: true });
}
