import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { LiveIndicator } from '../components/live-indicator';
import { logoutMutation, meQuery } from '../graphql/operations';
import { ExtensionsPage } from '../pages/extensions/extensions-page';
import { toSessionUser, useSessionStore } from './console-context';
import type { LiveStatusStore } from './live-status';
import type { Session } from './session-store';

/** Console areas by hash route (#/extensions); more join as they are built. */
const AREAS = [{ path: 'extensions', title: 'Extensions' }] as const;
type AreaPath = (typeof AREAS)[number]['path'];

function currentArea(): AreaPath {
  const path = window.location.hash.replace(/^#\/?/, '');
  return AREAS.find((area) => area.path === path)?.path ?? 'extensions';
}

function useHashArea(): AreaPath {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('hashchange', listener);
      return () => window.removeEventListener('hashchange', listener);
    },
    currentArea,
  );
}

const ROLE_LABELS = { ADMIN: 'Admin', STAFF: 'Staff' } as const;

export function ConsoleShell({ session, live }: { session: Session; live: LiveStatusStore }) {
  const sessions = useSessionStore();
  const area = useHashArea();
  const user = session.user;

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
          {AREAS.map((item) => (
            <a key={item.path} href={`#/${item.path}`} aria-current={item.path === area ? 'page' : undefined}>
              {item.title}
            </a>
          ))}
        </nav>
        <LiveIndicator live={live} />
        <div className="topbar__user" data-testid="signed-in-user">
          Signed in as <strong>{user.displayName}</strong> <span className="muted">({user.email})</span>{' '}
          <span className="badge">{ROLE_LABELS[user.role]}</span>
        </div>
        <button type="button" className="button button--small" onClick={() => void signOut()} disabled={signingOut}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </header>
      <main className="shell__main">{area === 'extensions' && <ExtensionsPage me={user} />}</main>
    </div>
  );
}
