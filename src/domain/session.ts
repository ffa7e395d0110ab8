/**
 * Sign-in sessions: the admin's cookie holds a random session secret, never an API token. The
 * server keeps the session (only the secret's hash) so it can expire and be revoked.
 *
 * A session belongs to a subject: today an API token that was exchanged for it; later a person's
 * account or an OpenID Connect identity (`kind: 'user'`). The store, expiry and revocation do not
 * care which; only turning a subject back into an Identity does.
 */
/** @public (the list the type is derived from) */
export const SESSION_SUBJECT_KINDS = ['token', 'user'] as const;
export type SessionSubjectKind = (typeof SESSION_SUBJECT_KINDS)[number];

export interface SessionSubject {
  kind: SessionSubjectKind;
  /** The token's id (kind token), the account's id (kind user). */
  id: string;
}

/** A session as it may be shown: its secret is never stored, its hash never leaves storage. */
export interface Session {
  /** Public id, for listing and revoking; not the secret. */
  id: string;
  subject: SessionSubject;
  created: Date;
  /** Last request made with it (written at most once a minute). */
  lastSeen: Date;
  /** Absolute end, however active the session is. */
  expires: Date;
  revoked: Date | null;
  /** The browser's User-Agent at sign-in (cut to USER_AGENT_MAX), to tell sessions apart. */
  userAgent: string | null;
}

export const USER_AGENT_MAX = 200;

/** How long sessions last; defaults documented in docs/security.md. */
export interface SessionPolicy {
  /** A session unused for this long ends. Default 12 h. */
  idleMs: number;
  /** A session ends this long after sign-in, whatever its use. Default 7 days. */
  maxMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 12 * 3600_000, maxMs: 7 * 24 * 3600_000 };

/** Why a session no longer lets anyone in, or null while it does. */
export function sessionEnded(session: Session, policy: SessionPolicy, now: number): string | null {
  if (session.revoked) return 'The session was ended (signed out or revoked); sign in again.';
  if (now >= session.expires.getTime()) return 'The session has expired; sign in again.';
  if (now - session.lastSeen.getTime() >= policy.idleMs)
    return 'The session expired after a time unused; sign in again.';
  return null;
}
