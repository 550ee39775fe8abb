import { ApolloProvider } from '@apollo/client/react';
import { useMemo, useSyncExternalStore } from 'react';
import { RouterProvider } from 'react-router';
import { SessionStoreContext, SignedInContext } from './console-context';
import { consoleRouter } from './route-table';
import type { SessionClients } from './session-client';
import type { SessionStore } from './session-store';
import { LoginPage } from '../pages/login/login-page';
import { SetPasswordPage } from '../pages/set-password/set-password-page';
import { useSetPasswordToken } from './routes';

/**
 * Signed out: the sign-in page. Signed in: the console, its pages chosen by the router from
 * the URL hash (kept while signed out, so signing in opens the link that was followed). Each
 * session has its own Apollo Client; keying the tree on the token remounts every hook
 * (queries, the live subscription) against the new one.
 */
export function App({ sessions, clients }: { sessions: SessionStore; clients: SessionClients }) {
  const { session, notice } = useSyncExternalStore(sessions.subscribe, sessions.get);
  const client = useSyncExternalStore(clients.subscribe, clients.get);
  const signedIn = session !== null && client.token === session.token;
  const setPasswordToken = useSetPasswordToken();
  const user = session?.user;
  const live = client.live;
  const signedInValue = useMemo(() => (user ? { user, live } : null), [user, live]);

  return (
    <SessionStoreContext.Provider value={sessions}>
      <ApolloProvider client={client.apollo} key={client.token ?? 'signed-out'}>
        {setPasswordToken ? (
          <SetPasswordPage token={setPasswordToken} />
        ) : signedIn && signedInValue ? (
          <SignedInContext.Provider value={signedInValue}>
            <RouterProvider router={consoleRouter} />
          </SignedInContext.Provider>
        ) : (
          <LoginPage notice={notice} />
        )}
      </ApolloProvider>
    </SessionStoreContext.Provider>
  );
}
