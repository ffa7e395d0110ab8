import { randomBytes, randomUUID } from 'node:crypto';
import type { Identity } from '../domain/access.js';
import { NotFoundError } from '../domain/errors.js';
import {
  DEFAULT_SESSION_POLICY,
  USER_AGENT_MAX,
  sessionEnded,
  type Session,
  type SessionPolicy,
  type SessionSubject,
} from '../domain/session.js';
import type { Store } from '../storage/store.js';
import type { AuditService } from './audit-service.js';
import { hashSecret } from './token-service.js';

/** Longer than any session secret this service makes: not worth hashing. */
const SECRET_MAX = 200;
/** Ended sessions are kept this long (listing shows live ones only), then deleted at a sign-in. */
const KEEP_ENDED_MS = 24 * 3600_000;

export type SessionCheck = { identity: Identity; session: Session } | { refused: string };

/**
 * Sign-in sessions (domain/session.ts): made at sign-in from a credential already checked (an
 * API token or a person's account), looked up by their secret, ended at sign-out,
 * listed and revoked by admins. Turning a subject back into an Identity is the only part that
 * knows about the kind of subject.
 */
export class SessionService {
  readonly policy: SessionPolicy;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: () => number = Date.now,
    policy: Partial<SessionPolicy> = {},
  ) {
    this.policy = { ...DEFAULT_SESSION_POLICY, ...policy };
  }

  /** A new session for the subject; the secret (for the cookie) is returned once, never stored. */
  async start(subject: SessionSubject, userAgent?: string | null): Promise<{ session: Session; secret: string }> {
    const now = this.clock();
    await this.store.sessionPrune(now - KEEP_ENDED_MS);
    const secret = `jds_${randomBytes(32).toString('base64url')}`;
    const session = await this.store.sessionCreate({
      id: randomUUID(),
      subject,
      created: new Date(now),
      lastSeen: new Date(now),
      expires: new Date(now + this.policy.maxMs),
      revoked: null,
      userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null,
      secretHash: hashSecret(secret),
    });
    return { session, secret };
  }

  /**
   * Who the secret's session stands for, or why it does not count (ended, expired, its token
   * revoked); null for a secret that names no session at all.
   */
  async authenticate(secret: string): Promise<SessionCheck | null> {
    if (!secret || secret.length > SECRET_MAX) return null;
    const session = await this.store.sessionByHash(hashSecret(secret));
    if (!session) return null;
    const ended = sessionEnded(session, this.policy, this.clock());
    if (ended) return { refused: ended };
    const identity = await this.#identityOf(session.subject);
    if (!identity) return { refused: 'The credential this session was opened with was revoked; sign in again.' };
    await this.store.sessionTouch(session);
    return { identity: { ...identity, sessionId: session.id }, session };
  }

  /** Sign-out: the secret's session ends now (nothing happens for an unknown secret). */
  async end(secret: string): Promise<void> {
    if (!secret || secret.length > SECRET_MAX) return;
    const session = await this.store.sessionByHash(hashSecret(secret));
    if (session) await this.store.sessionRevoke({ id: session.id });
  }

  /** Live sessions, newest first (at most 1000). */
  list(subject?: SessionSubject): Promise<Session[]> {
    return this.store.sessionList(subject);
  }

  async revoke(id: string, actor = 'system', requestId?: string): Promise<void> {
    const [ended] = await this.store.sessionRevoke({ id });
    if (!ended) throw new NotFoundError(`No live session ${id}.`);
    await this.audit.record(actor, 'session.revoke', {
      details: { id, subject_kind: ended.subject.kind, subject_id: ended.subject.id },
      ...(requestId !== undefined && { requestId }),
    });
  }

  /** Ends every session of a subject (its token was revoked, say). */
  async revokeAll(subject: SessionSubject): Promise<number> {
    return (await this.store.sessionRevoke({ subject })).length;
  }

  async #identityOf(subject: SessionSubject): Promise<Identity | null> {
    switch (subject.kind) {
      case 'token': {
        const token = await this.store.tokenGet(subject.id);
        return token ? { name: token.name, role: token.role, tokenId: token.id } : null;
      }
      case 'user': {
        // A disabled account's sessions stop working at once, whether or not they were revoked.
        const user = await this.store.userGet(subject.id);
        return user && !user.disabled ? { name: user.email, role: user.role, userId: user.id } : null;
      }
    }
  }
}
