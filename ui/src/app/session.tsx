import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { can as roleCan } from '../../../src/domain/access.ts';
import { api, call } from '../api/client.ts';
import { mount } from './mount.ts';
import type { Permission, SessionIdentity } from '../api/types.ts';

export interface Session {
  identity: SessionIdentity;
  /** Whether the signed-in role may do this: read, run (and stop), admin (change things). */
  can(action: Permission): boolean;
}

const SessionContext = createContext<Session | null>(null);

export const sessionQueryKey = ['session'] as const;

/**
 * Remembers (not secret: the cookie itself is httpOnly) that this browser signed in, so a first
 * visit goes straight to sign-in instead of asking the API and logging a 401 in the console.
 */
const SIGNED_IN_HINT = 'jobdeck.signedIn';
export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage disabled: the API is asked every time, which also works.
  }
}
let sessionEnded = false;

/** Remembers that a session was refused (token expired or revoked), so sign-in can say why. */
export function markSessionEnded(): void {
  sessionEnded = true;
}

/** True once after markSessionEnded(). */
export function takeSessionEnded(): boolean {
  const ended = sessionEnded;
  sessionEnded = false;
  return ended;
}

function maySignedIn(): boolean {
  // The host app signs people in (its own session): only the API knows whether it did.
  if (mount.signIn.host) return true;
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return true;
  }
}

/** Who is signed in; 401 means nobody (the query then yields null). */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: () => (maySignedIn() ? call(api.GET('/session'), { ignoreUnauthorized: true }).catch(nullOn401) : null),
    staleTime: 60_000,
    retry: false,
  });
}

function nullOn401(error: unknown): null {
  if ((error as { status?: number }).status === 401) {
    markSessionEnded();
    rememberSignedIn(false);
    return null;
  }
  throw error;
}

export function SessionProvider({ identity, children }: { identity: SessionIdentity; children: ReactNode }) {
  const session: Session = { identity, can: (action) => roleCan(identity.role, action) };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of a signed-in page');
  return session;
}

/** Signs out: drops the cookie and every cached answer. */
export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await call(api.DELETE('/session'), { ignoreUnauthorized: true }).catch(() => undefined);
    rememberSignedIn(false);
    client.clear();
    client.setQueryData(sessionQueryKey, null);
  };
}
