import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveStatus, LiveStatusStore } from './live-status';
import type { SessionStore, SessionUser } from './session-store';

export const SessionStoreContext = createContext<SessionStore | null>(null);

export function useSessionStore(): SessionStore {
  const store = useContext(SessionStoreContext);
  if (!store) throw new Error('useSessionStore needs <SessionStoreContext.Provider>');
  return store;
}

/** The signed-in session the console's pages run under: who is signed in, and the live connection. */
export interface SignedIn {
  user: SessionUser;
  live: LiveStatusStore;
}

export const SignedInContext = createContext<SignedIn | null>(null);

export function useSignedIn(): SignedIn {
  const signedIn = useContext(SignedInContext);
  if (!signedIn) throw new Error('useSignedIn needs <SignedInContext.Provider>');
  return signedIn;
}

export function useLiveStatus(live: LiveStatusStore): LiveStatus {
  return useSyncExternalStore(live.subscribe, live.get);
}

/** The API's StaffUser without Apollo's __typename, as the session stores it. */
export function toSessionUser(user: { id: string; email: string; displayName: string; role: SessionUser['role'] }): SessionUser {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}
