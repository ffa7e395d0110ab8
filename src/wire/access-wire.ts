import type { ApiToken, AuditEntry } from '../domain/access.js';
import type { JsonObject } from '../domain/model.js';

/** Wire shapes of tokens and audit entries (snake_case, ISO times), for the CLI and HTTP alike. */
export interface TokenWire {
  id: string;
  name: string;
  role: string;
  created: string;
  last_used: string | null;
  revoked: string | null;
}

export interface AuditEntryWire {
  id: number;
  time: string;
  actor: string;
  action: string;
  job_id: string | null;
  run_id: number | null;
  details: JsonObject | null;
  request_id: string | null;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Never the secret nor its hash: neither is in an ApiToken. */
export function tokenToWire(token: ApiToken): TokenWire {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    created: token.created.toISOString(),
    last_used: iso(token.lastUsed),
    revoked: iso(token.revoked),
  };
}

export function auditEntryToWire(entry: AuditEntry): AuditEntryWire {
  return {
    id: entry.id,
    time: entry.time.toISOString(),
    actor: entry.actor,
    action: entry.action,
    job_id: entry.jobId,
    run_id: entry.runId,
    details: entry.details,
    request_id: entry.requestId,
  };
}
