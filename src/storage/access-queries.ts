import { sql } from 'kysely';
import type { ApiToken, AuditEntry, NewAuditEntry } from '../domain/access.js';
import { ConflictError } from '../domain/errors.js';
import type { QueryContext } from './job-queries.js';
import { auditFromRow, jsonText, tokenFromRow } from './rows.js';
import type { AuditFilter, Page } from './store.js';

/**
 * Recording every use of a token would turn each authenticated request into a write (on SQLite,
 * a wait for the one write lock); once a minute is enough to tell live tokens from dead ones.
 */
const TOUCH_EVERY_MS = 60_000;

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export async function tokenCreate({ db }: QueryContext, token: ApiToken & { tokenHash: string }): Promise<ApiToken> {
  try {
    const row = await db
      .insertInto('api_tokens')
      .values({
        id: token.id,
        name: token.name,
        role: token.role,
        token_hash: token.tokenHash,
        created_at: token.created.getTime(),
        last_used_at: token.lastUsed?.getTime() ?? null,
        revoked_at: token.revoked?.getTime() ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return tokenFromRow(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('A token with this secret (or id) already exists.');
    throw error;
  }
}

export async function tokenByHash(ctx: QueryContext, hash: string): Promise<ApiToken | undefined> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = ctx.now();
  if (row.last_used_at !== null && now - Number(row.last_used_at) < TOUCH_EVERY_MS) return tokenFromRow(row);
  await ctx.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return tokenFromRow({ ...row, last_used_at: now });
}

/** The non-revoked token with this id (a session's subject), without recording a use. */
export async function tokenGet({ db }: QueryContext, id: string): Promise<ApiToken | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && tokenFromRow(row);
}

export async function tokenList({ db }: QueryContext): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(tokenFromRow);
}

export async function tokenRevoke(ctx: QueryContext, id: string): Promise<ApiToken | undefined> {
  // Revoking twice keeps the first revocation time.
  const row = await ctx.db
    .updateTable('api_tokens')
    .set({ revoked_at: sql<number>`coalesce(revoked_at, ${ctx.now()})` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && tokenFromRow(row);
}

export async function tokenCount({ db }: QueryContext): Promise<number> {
  const row = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function auditAppend({ db }: QueryContext, entry: NewAuditEntry): Promise<AuditEntry> {
  const row = await db
    .insertInto('audit_log')
    .values({
      time: entry.time.getTime(),
      actor: entry.actor,
      action: entry.action,
      job_id: entry.jobId,
      run_id: entry.runId,
      details: jsonText(entry.details),
      request_id: entry.requestId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return auditFromRow(row);
}

export async function auditList({ db }: QueryContext, filter: AuditFilter): Promise<Page<AuditEntry>> {
  let query = db.selectFrom('audit_log');
  if (filter.jobId) query = query.where('job_id', '=', filter.jobId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(auditFromRow), total: Number(count.n) };
}

export async function queueSetPaused(ctx: QueryContext, name: string, paused: boolean): Promise<void> {
  const values = { paused: ctx.traits.bool(paused), updated_at: ctx.now() };
  await ctx.db
    .insertInto('queue_states')
    .values({ name, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .execute();
}

export async function queuesPaused({ db, traits }: QueryContext): Promise<string[]> {
  const rows = await db
    .selectFrom('queue_states')
    .select('name')
    .where('paused', '=', sql.lit(traits.bool(true)))
    .orderBy('name')
    .execute();
  return rows.map((row) => row.name);
}
