import { isDeepStrictEqual } from 'node:util';
import type { AuditEntry } from '../domain/access.js';
import type { JsonObject, JsonValue } from '../domain/model.js';
import type { Page, Store } from '../storage/store.js';
import { pageSize } from '../domain/paging.js';

export interface AuditRefs {
  jobId?: string | undefined;
  runId?: number | undefined;
  details?: JsonObject | undefined;
  requestId?: string | undefined;
}

export interface AuditListQuery {
  jobId?: string | undefined;
  page?: number | undefined;
  size?: number | undefined;
}

/** The audit log: who did what, when, to which job or run. */
export class AuditService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The same service over another store (a store bound to a host's transaction). */
  withStore(store: Store): AuditService {
    return new AuditService(store, this.clock);
  }

  record(actor: string, action: string, refs: AuditRefs = {}): Promise<AuditEntry> {
    return this.store.auditAppend({
      time: new Date(this.clock()),
      actor,
      action,
      jobId: refs.jobId ?? null,
      runId: refs.runId ?? null,
      details: refs.details ?? null,
      requestId: refs.requestId ?? null,
    });
  }

  /** Entries, newest first. */
  async list(query: AuditListQuery = {}): Promise<Page<AuditEntry> & { page: number; size: number }> {
    const page = Math.max(1, Math.trunc(query.page ?? 1));
    const size = pageSize(query.size);
    const result = await this.store.auditList({ jobId: query.jobId, limit: size, offset: (page - 1) * size });
    return { ...result, page, size };
  }
}

/**
 * `{ field: { from, to } }` for each top-level field whose value differs, for an audit entry's
 * details. Values are given as JSON would show them (dates as ISO text, missing as null).
 */
export function fieldDiff(before: object, after: object): JsonObject {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  const diff: JsonObject = {};
  for (const key of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (isDeepStrictEqual(was[key], is[key])) continue;
    diff[key] = { from: asJson(was[key]), to: asJson(is[key]) };
  }
  return diff;
}

function asJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value) ?? 'null') as JsonValue;
}
