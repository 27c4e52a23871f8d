import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { completeNewPassword, isNewPasswordChallenge, isTokenExpired, login, type Credentials, type NewPasswordChallenge } from '../../api/auth.ts';
import { createApiClient, type ApiClient } from '../../api/client.ts';
import type { UserView } from '@cc/shared/tenancy/model';
import type { RuntimeConfig } from '../../api/types.ts';

const STORAGE_KEY = 'cc.session';

/** A signed-in user and the bearer token the API accepts for them. */
export interface Session {
  token: string;
  user: UserView;
}

/** Why the login form is shown again, if not by choice. */
export type SignOutReason = 'expired';

interface SessionState {
  config: RuntimeConfig;
  session: Session | undefined;
  /** Present when signed in. */
  api: ApiClient | undefined;
  signOutReason: SignOutReason | undefined;
  /** Signs in, or answers the new-password step the first sign-in stops at. @throws whatever `login` throws; the form turns it into a message. */
  signIn(credentials: Credentials): Promise<NewPasswordChallenge | undefined>;
  /** Answers that step and signs in. @throws whatever `completeNewPassword` throws. */
  setNewPassword(challenge: NewPasswordChallenge, newPassword: string): Promise<void>;
  signOut(reason?: SignOutReason): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** The stored session, unless absent, unreadable or past its token's expiry. */
function readStoredSession(): Session | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as Partial<Session>;
    if (typeof stored.token !== 'string' || typeof stored.user !== 'object' || !stored.user) return undefined;
    return isTokenExpired(stored.token) ? undefined : (stored as Session);
  } catch {
    return undefined;
  }
}

function storeSession(session: Session | undefined) {
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the session lasts until the tab closes.
  }
}

/** Owns sign-in and sign-out, keeps the session across reloads and drops it on any 401. */
export function SessionProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(readStoredSession);
  const [signOutReason, setSignOutReason] = useState<SignOutReason | undefined>();

  const signOut = useCallback((reason?: SignOutReason) => {
    storeSession(undefined);
    setSession(undefined);
    setSignOutReason(reason);
  }, []);

  const start = useCallback((result: Session) => {
    const next = { token: result.token, user: result.user };
    storeSession(next);
    setSignOutReason(undefined);
    setSession(next);
  }, []);

  const signIn = useCallback(
    async (credentials: Credentials) => {
      const result = await login(config, credentials);
      if (isNewPasswordChallenge(result)) return result;
      start(result);
      return undefined;
    },
    [config, start],
  );

  const setNewPassword = useCallback(async (challenge: NewPasswordChallenge, newPassword: string) => start(await completeNewPassword(config, challenge, newPassword)), [config, start]);

  const api = useMemo(
    () => (session ? createApiClient({ baseUrl: config.apiBaseUrl, token: session.token, onUnauthorized: () => signOut('expired') }) : undefined),
    [config.apiBaseUrl, session, signOut],
  );

  const value = useMemo<SessionState>(() => ({ config, session, api, signOutReason, signIn, setNewPassword, signOut }), [config, session, api, signOutReason, signIn, setNewPassword, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state. @throws Error outside `SessionProvider`. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The API client of a signed-in view. @throws Error when nobody is signed in. */
export function useApi(): ApiClient {
  const { api } = useSession();
  if (!api) throw new Error('useApi needs a signed-in session');
  return api;
}
