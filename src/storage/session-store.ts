import type { Session, SessionSubject } from '../domain/session.js';

/** Sign-in sessions, kept by the hash of their secret. */
export interface SessionStore {
  /** Stores a new sign-in session with the hash of its secret. */
  sessionCreate(session: Session & { secretHash: string }): Promise<Session>;
  /** The session whose secret has this hash, ended or not. */
  sessionByHash(hash: string): Promise<Session | undefined>;
  /** Records a use of the session (at most once a minute: a read otherwise). */
  sessionTouch(session: Session): Promise<void>;
  /** Live sessions (not revoked, before their absolute end), of one subject or all, newest first. */
  sessionList(subject?: SessionSubject): Promise<Session[]>;
  /** Ends one session or all of a subject; returns those ended now. */
  sessionRevoke(which: { id: string } | { subject: SessionSubject }): Promise<Session[]>;
  /** Deletes sessions that ended before this time. */
  sessionPrune(before: number): Promise<number>;
}
