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
  | { area: 'extensions' }
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
  { path: 'extensions', title: 'Extensions' },
  { path: 'channels', title: 'Channels', adminOnly: true },
];

export function navAreasFor(role: StaffRole): readonly NavArea[] {
  return NAV_AREAS.filter((area) => !area.adminOnly || role === 'ADMIN');
}

export function parseRoute(hash: string): Route {
  const [first, second] = hash.replace(/^#\/?/, '').split('/');
  if (first === 'conversations' && second) return { area: 'conversation', conversationId: decodeURIComponent(second) };
  if (first === 'conversations') return { area: 'conversations' };
  if (first === 'extensions') return { area: 'extensions' };
  if (first === 'channels') return { area: 'channels' };
  // The queue is what staff keep open, so it is also where an unknown link lands.
  return { area: 'escalations' };
}

export function conversationHref(conversationId: string): string {
  return `#/conversations/${encodeURIComponent(conversationId)}`;
}

let cachedHash: string | null = null;
let cachedRoute: Route = { area: 'escalations' };
function currentRoute(): Route {
  // useSyncExternalStore needs the same object while the hash is unchanged.
  if (window.location.hash !== cachedHash) {
    cachedHash = window.location.hash;
    cachedRoute = parseRoute(cachedHash);
  }
  return cachedRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore((listener) => {
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, currentRoute);
}
