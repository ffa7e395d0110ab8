import type { JsonObject } from './model.js';

/** Who may do what. Roles are ordered: each one may do what the ones after it may. */
export const ROLES = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** read: see everything; run: run and stop jobs; admin: change jobs, queues, tokens. */
export type Permission = 'read' | 'run' | 'admin';

const PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['read', 'run', 'admin'],
  operator: ['read', 'run'],
  viewer: ['read'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, action: Permission): boolean {
  return PERMISSIONS[role]?.includes(action) ?? false;
}

/** An API token as it may be shown: the secret is never stored, its hash never leaves storage. */
export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  created: Date;
  lastUsed: Date | null;
  revoked: Date | null;
}

/** Who is calling, once authenticated (by a token, or by the host program in embedded mode). */
export interface Identity {
  name: string;
  role: Role;
  tokenId?: string;
  /** Set for a person signed in with their account (migration 0014). */
  userId?: string;
  /** Set when the caller came in with a sign-in session (its public id, not its secret). */
  sessionId?: string;
}

/** One recorded action. Entries keep their job id after the job is deleted. */
export interface AuditEntry {
  id: number;
  time: Date;
  /** e.g. "token:alice", "cli:bob", "system". */
  actor: string;
  /** e.g. "job.update", "queue.pause", "token.revoke". */
  action: string;
  jobId: string | null;
  runId: number | null;
  details: JsonObject | null;
  requestId: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;
