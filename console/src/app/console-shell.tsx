import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { LiveIndicator } from '../components/live-indicator';
import { logoutMutation, meQuery } from '../graphql/operations';
import { BookingPage } from '../pages/bookings/booking-page';
import { BookingsPage } from '../pages/bookings/bookings-page';
import { NewBookingPage } from '../pages/bookings/new-booking-page';
import { DayRoutePage } from '../pages/route/day-route-page';
import { TermsPage } from '../pages/terms/terms-page';
import { TravelPage } from '../pages/travel/travel-page';
import { CannedRepliesPage } from '../pages/canned-replies/canned-replies-page';
import { ChannelsPage } from '../pages/channels/channels-page';
import { ConversationPage } from '../pages/conversations/conversation-page';
import { ConversationsPage } from '../pages/conversations/conversations-page';
import { EscalationsPage } from '../pages/escalations/escalations-page';
import { useEscalationFeed } from '../pages/escalations/use-escalation-feed';
import { ExtensionsPage } from '../pages/extensions/extensions-page';
import { toSessionUser, useSessionStore } from './console-context';
import type { LiveStatusStore } from './live-status';
import { navAreasFor, useRoute } from './routes';
import type { Session } from './session-store';

const ROLE_LABELS = { ADMIN: 'Admin', STAFF: 'Staff' } as const;

export function ConsoleShell({ session, live }: { session: Session; live: LiveStatusStore }) {
  const sessions = useSessionStore();
  const route = useRoute();
  const user = session.user;
  const { waiting } = useEscalationFeed();
  const navArea = route.area === 'conversation' ? 'conversations' : route.area === 'booking' || route.area === 'newBooking' ? 'bookings' : route.area === 'cannedReplies' ? 'canned-replies' : route.area;

  // Confirms the stored token still works (UNAUTHENTICATED signs out) and refreshes the name and role.
  const { data } = useQuery(meQuery);
  useEffect(() => {
    if (data?.me) sessions.updateUser(toSessionUser(data.me));
  }, [data, sessions]);

  const [logout] = useMutation(logoutMutation);
  const [signingOut, setSigningOut] = useState(false);
  async function signOut() {
    setSigningOut(true);
    try {
      await logout();
    } catch {
      // The session ends locally either way; the server forgets it when it expires.
    }
    sessions.signOut({ notice: 'You have signed out.' });
  }

  return (
    <div className="shell">
      <header className="topbar">
        <span className="topbar__brand">Hibachi console</span>
        <nav aria-label="Console areas" className="topbar__nav">
          {navAreasFor(user.role).map((item) => (
            <a key={item.path} href={`#/${item.path}`} aria-current={item.path === navArea ? 'page' : undefined}>
              {item.title}
              {item.path === 'escalations' && waiting > 0 && (
                <span className="badge badge--alert" data-testid="waiting-count" aria-label={`${waiting} waiting`}>
                  {waiting}
                </span>
              )}
            </a>
          ))}
        </nav>
        <LiveIndicator live={live} />
        <div className="topbar__user" data-testid="signed-in-user" title={user.email}>
          Signed in as <strong>{user.displayName}</strong> <span className="muted topbar__email">({user.email})</span>{' '}
          <span className="badge">{ROLE_LABELS[user.role]}</span>
        </div>
        <button type="button" className="button button--small" onClick={() => void signOut()} disabled={signingOut}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </header>
      <main className="shell__main">
        {route.area === 'escalations' && <EscalationsPage me={user} />}
        {route.area === 'conversations' && <ConversationsPage me={user} />}
        {route.area === 'conversation' && <ConversationPage key={route.conversationId} conversationId={route.conversationId} me={user} />}
        {route.area === 'bookings' && <BookingsPage />}
        {route.area === 'newBooking' && <NewBookingPage />}
        {route.area === 'booking' && <BookingPage key={route.bookingId} bookingId={route.bookingId} />}
        {route.area === 'route' && <DayRoutePage />}
        {route.area === 'travel' && <TravelPage />}
        {route.area === 'terms' && <TermsPage me={user} />}
        {route.area === 'extensions' && <ExtensionsPage me={user} />}
        {route.area === 'cannedReplies' && <CannedRepliesPage me={user} />}
        {route.area === 'channels' && <ChannelsPage me={user} />}
      </main>
    </div>
  );
}
