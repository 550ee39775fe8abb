import { useMutation, useQuery } from '@apollo/client/react';
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { DesktopAlertsButton } from '../components/desktop-alerts-button';
import { LiveIndicator } from '../components/live-indicator';
import { UnreadBadge } from '../components/unread-badge';
import { logoutMutation, meQuery } from '../graphql/operations';
import { HandoverAlerts } from '../pages/escalations/handover-alerts';
import { useEscalationFeed } from '../pages/escalations/use-escalation-feed';
import { toSessionUser, useSessionStore, useSignedIn } from './console-context';
import { navAreasFor } from './routes';
import type { SessionUser } from './session-store';
import { PresenceToggle } from './presence-toggle';
import { useInboxFeed } from './use-inbox-feed';
import { useCustomerUpdates } from '../pages/customers/use-customer-updates';
import { SearchBox } from '../pages/search/search-box';
import { useOpenAlerts } from '../pages/alerts/use-open-alerts';

const ROLE_LABELS = { ADMIN: 'Admin', STAFF: 'Staff' } as const;

/** Below this width the areas and the signed-in user move behind the Menu button (see styles.css). */
const NARROW_SHELL_QUERY = '(max-width: 860px)';

/** The console's areas, as links; the current one is marked (NavLink sets aria-current). */
function ConsoleNav({ user, waiting, unread, openAlerts, onNavigate, className }: { user: SessionUser; waiting: number; unread: number; openAlerts: number; onNavigate?: () => void; className: string }) {
  return (
    <nav aria-label="Console areas" className={className}>
      {navAreasFor(user.role).map((item) => (
        <NavLink key={item.path} to={`/${item.path}`} onClick={onNavigate}>
          {item.title}
          {item.path === 'escalations' && waiting > 0 && (
            <span className="badge badge--alert" data-testid="waiting-count" aria-label={`${waiting} waiting`}>
              {waiting}
            </span>
          )}
          {item.path === 'conversations' && <UnreadBadge count={unread} testId="unread-held-count" />}
          {item.path === 'alerts' && openAlerts > 0 && (
            <span className="badge badge--alert" data-testid="open-alerts-count" aria-label={`${openAlerts} open`}>
              {openAlerts}
            </span>
          )}
        </NavLink>
      ))}
    </nav>
  );
}

function SignedInUser({ user }: { user: SessionUser }) {
  return (
    <div className="topbar__user" data-testid="signed-in-user" title={user.email}>
      Signed in as <strong>{user.displayName}</strong> <span className="muted topbar__email">({user.email})</span>{' '}
      <span className="badge">{ROLE_LABELS[user.role]}</span>
    </div>
  );
}

/**
 * The signed-in console: the top bar (areas, live status, who is signed in) over the current
 * page. On a phone the areas open from a Menu button as a side panel (a modal dialog: focus
 * stays in it, Escape or a link closes it).
 */
export function ConsoleShell() {
  const sessions = useSessionStore();
  const { user, live } = useSignedIn();
  const location = useLocation();
  const { waiting } = useEscalationFeed();
  const { unreadInHeldThreads } = useInboxFeed({ meId: user.id, waiting });
  useCustomerUpdates();
  const { count: openAlerts } = useOpenAlerts();

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
  const signOutButton = (
    <button type="button" className="button button--small topbar__sign-out" onClick={() => void signOut()} disabled={signingOut}>
      {signingOut ? 'Signing out…' : 'Sign out'}
    </button>
  );

  // The menu is open for the page it was opened on: any navigation (a link, Back) closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === location.key;
  // Widening the window past the phone layout shows the areas in the bar again; the panel goes.
  useEffect(() => {
    const narrow = window.matchMedia(NARROW_SHELL_QUERY);
    const closeWhenWide = () => !narrow.matches && setMenuOpenAt(null);
    narrow.addEventListener('change', closeWhenWide);
    return () => narrow.removeEventListener('change', closeWhenWide);
  }, []);

  return (
    <div className="shell">
      <header className="topbar">
        <Dialog.Root open={menuOpen} onOpenChange={(open) => setMenuOpenAt(open ? location.key : null)}>
          <Dialog.Trigger className="button topbar__menu">
            <span aria-hidden="true" className="topbar__menu-icon">
              ☰
            </span>
            Menu
            {waiting > 0 && (
              <span className="badge badge--alert" aria-label={`${waiting} waiting`}>
                {waiting}
              </span>
            )}
          </Dialog.Trigger>
          <Dialog.Portal>
            <Dialog.Overlay className="nav-drawer__overlay" />
            <Dialog.Content className="nav-drawer" aria-describedby={undefined} data-testid="nav-drawer">
              <div className="nav-drawer__header">
                <Dialog.Title className="nav-drawer__title">Hibachi console</Dialog.Title>
                <Dialog.Close className="button button--quiet" aria-label="Close menu">
                  ✕
                </Dialog.Close>
              </div>
              <ConsoleNav user={user} waiting={waiting} unread={unreadInHeldThreads} openAlerts={openAlerts} className="nav-drawer__nav" onNavigate={() => setMenuOpenAt(null)} />
              <div className="nav-drawer__footer">
                <SignedInUser user={user} />
                <DesktopAlertsButton />
                {signOutButton}
              </div>
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
        <span className="topbar__brand">Hibachi console</span>
        {!menuOpen && <ConsoleNav user={user} waiting={waiting} unread={unreadInHeldThreads} openAlerts={openAlerts} className="topbar__nav" />}
        <DesktopAlertsButton className="topbar__alerts" />
        <SearchBox />
        <LiveIndicator live={live} />
        <PresenceToggle />
        {!menuOpen && <SignedInUser user={user} />}
        {!menuOpen && signOutButton}
      </header>
      <main className="shell__main">
        <HandoverAlerts me={user} />
        <Outlet />
      </main>
    </div>
  );
}
