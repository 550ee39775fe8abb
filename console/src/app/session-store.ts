import type { StaffRole } from '../graphql/generated/graphql';

/** The staff member a session belongs to, as `login` and `me` return it. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
}

export interface Session {
  token: string;
  /** ISO date-time after which the server stops accepting the token. */
  expiresAt: string | null;
  user: SessionUser;
}

export interface SessionState {
  session: Session | null;
  /** Why the person is looking at the sign-in page, e.g. "Your session has ended". */
  notice: string | null;
}

export interface SessionStore {
  get(): SessionState;
  subscribe(listener: () => void): () => void;
  signIn(session: Session): void;
  /** Signs out; with `onlyIfToken`, only when that token is still the current one. */
  signOut(options?: { notice?: string; onlyIfToken?: string }): void;
  updateUser(user: SessionUser): void;
}

const STORAGE_KEY = 'hibachi.console.session';
// setTimeout cannot wait longer than this (about 24.8 days).
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function readStored(storage: Storage): Session | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.token !== 'string' || !value.user || typeof value.user.id !== 'string') return null;
    return { token: value.token, expiresAt: value.expiresAt ?? null, user: value.user };
  } catch {
    return null;
  }
}

function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt !== null && Date.parse(session.expiresAt) <= now;
}

/**
 * The signed-in session, kept in localStorage so a reload stays signed in. Tabs of one
 * browser share it: signing out (or in as someone else) in one tab does the same in the others.
 */
export function createSessionStore(storage: Storage = window.localStorage): SessionStore {
  const listeners = new Set<() => void>();
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let state: SessionState = initialState();

  function initialState(): SessionState {
    const stored = readStored(storage);
    if (stored && isExpired(stored)) {
      storage.removeItem(STORAGE_KEY);
      return { session: null, notice: 'Your session has expired. Sign in again.' };
    }
    return { session: stored, notice: null };
  }

  function set(next: SessionState): void {
    state = next;
    scheduleExpiry();
    for (const listener of [...listeners]) listener();
  }

  function scheduleExpiry(): void {
    clearTimeout(expiryTimer);
    const expiresAt = state.session?.expiresAt;
    if (!expiresAt) return;
    const token = state.session?.token;
    const wait = Math.min(Math.max(Date.parse(expiresAt) - Date.now(), 0), MAX_TIMEOUT_MS);
    expiryTimer = setTimeout(() => {
      if (state.session?.token !== token) return;
      if (state.session && isExpired(state.session)) store.signOut({ notice: 'Your session has expired. Sign in again.' });
      else scheduleExpiry();
    }, wait);
  }

  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const stored = readStored(storage);
    if (stored?.token === state.session?.token) {
      if (stored) set({ session: stored, notice: state.notice });
      return;
    }
    set({ session: stored, notice: stored ? null : 'You signed out in another tab.' });
  });

  const store: SessionStore = {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn(session) {
      storage.setItem(STORAGE_KEY, JSON.stringify(session));
      set({ session, notice: null });
    },
    signOut(options = {}) {
      if (options.onlyIfToken !== undefined && state.session?.token !== options.onlyIfToken) return;
      if (!state.session && !options.notice) return;
      storage.removeItem(STORAGE_KEY);
      set({ session: null, notice: options.notice ?? null });
    },
    updateUser(user) {
      const session = state.session;
      if (!session) return;
      const same = JSON.stringify(session.user) === JSON.stringify(user);
      if (same) return;
      const next = { ...session, user };
      storage.setItem(STORAGE_KEY, JSON.stringify(next));
      set({ session: next, notice: state.notice });
    },
  };
  scheduleExpiry();
  return store;
}
