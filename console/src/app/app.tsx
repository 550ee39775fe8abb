import { ApolloProvider } from '@apollo/client/react';
import { useSyncExternalStore } from 'react';
import { ConsoleShell } from './console-shell';
import { SessionStoreContext } from './console-context';
import type { SessionClients } from './session-client';
import type { SessionStore } from './session-store';
import { LoginPage } from '../pages/login/login-page';
import { SetPasswordPage } from '../pages/set-password/set-password-page';
import { useRoute } from './routes';

/**
 * Signed out: the sign-in page. Signed in: the console. Each session has its own Apollo
 * Client; keying the tree on the token remounts every hook (queries, the live subscription)
 * against the new one.
 */
export function App({ sessions, clients }: { sessions: SessionStore; clients: SessionClients }) {
  const { session, notice } = useSyncExternalStore(sessions.subscribe, sessions.get);
  const client = useSyncExternalStore(clients.subscribe, clients.get);
  const signedIn = session !== null && client.token === session.token;
  const route = useRoute();

  return (
    <SessionStoreContext.Provider value={sessions}>
      <ApolloProvider client={client.apollo} key={client.token ?? 'signed-out'}>
        {route.area === 'setPassword' ? (
          <SetPasswordPage token={route.token} />
        ) : signedIn ? (
          <ConsoleShell session={session} live={client.live} />
        ) : (
          <LoginPage notice={notice} />
        )}
      </ApolloProvider>
    </SessionStoreContext.Provider>
  );
}
