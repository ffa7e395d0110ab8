import type { ApiToken, AuditEntry, NewAuditEntry } from '../domain/access.js';
import type { Page } from './page.js';

export interface AuditFilter {
  jobId?: string | undefined;
  limit: number;
  offset: number;
}

/** API tokens and the audit log. */
export interface AccessStore {
  /** Stores a token with the hash of its secret (unique: a duplicate is a ConflictError). */
  tokenCreate(token: ApiToken & { tokenHash: string }): Promise<ApiToken>;
  /**
   * The non-revoked token whose secret has this hash. Records the use in `lastUsed`, at most
   * once a minute so that authenticating stays a read.
   */
  tokenByHash(hash: string): Promise<ApiToken | undefined>;
  /** The non-revoked token with this id, without recording a use. */
  tokenGet(id: string): Promise<ApiToken | undefined>;
  /** All tokens, revoked ones included, oldest first. */
  tokenList(): Promise<ApiToken[]>;
  /** Marks the token revoked (a second revocation keeps the first time); undefined if missing. */
  tokenRevoke(id: string): Promise<ApiToken | undefined>;
  /** The number of non-revoked tokens. */
  tokenCount(): Promise<number>;

  auditAppend(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries, newest first. */
  auditList(filter: AuditFilter): Promise<Page<AuditEntry>>;
}
