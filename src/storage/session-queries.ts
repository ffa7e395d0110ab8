import { sql, type Selectable } from 'kysely';
import type { Session, SessionSubject, SessionSubjectKind } from '../domain/session.js';
import type { QueryContext } from './job-queries.js';
import type { SessionsTable } from './schema.js';

/** As for tokens: recording each use would make every request a write; once a minute will do. */
const TOUCH_EVERY_MS = 60_000;

function sessionFromRow(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    subject: { kind: row.subject_kind as SessionSubjectKind, id: row.subject_id },
    created: new Date(Number(row.created_at)),
    lastSeen: new Date(Number(row.last_seen_at)),
    expires: new Date(Number(row.expires_at)),
    revoked: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
    userAgent: row.user_agent,
  };
}

export async function sessionCreate({ db }: QueryContext, session: Session & { secretHash: string }): Promise<Session> {
  const row = await db
    .insertInto('sessions')
    .values({
      id: session.id,
      secret_hash: session.secretHash,
      subject_kind: session.subject.kind,
      subject_id: session.subject.id,
      created_at: session.created.getTime(),
      last_seen_at: session.lastSeen.getTime(),
      expires_at: session.expires.getTime(),
      revoked_at: null,
      user_agent: session.userAgent,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return sessionFromRow(row);
}

/**
 * The session whose secret has this hash, ended or not (the caller says why it no longer
 * counts). A session still in use has `last_seen_at` moved forward, at most once a minute.
 */
export async function sessionByHash(ctx: QueryContext, hash: string): Promise<Session | undefined> {
  const row = await ctx.db.selectFrom('sessions').selectAll().where('secret_hash', '=', hash).executeTakeFirst();
  if (!row) return undefined;
  return sessionFromRow(row);
}

/** Records a use of a live session (idle expiry counts from here). */
export async function sessionTouch(ctx: QueryContext, session: Session): Promise<void> {
  const now = ctx.now();
  if (now - session.lastSeen.getTime() < TOUCH_EVERY_MS) return;
  await ctx.db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', session.id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Sessions not revoked and not past their absolute end, of one subject or all, newest first. */
export async function sessionList(ctx: QueryContext, subject?: SessionSubject): Promise<Session[]> {
  let query = ctx.db
    .selectFrom('sessions')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', ctx.now());
  if (subject) query = query.where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(1000).execute();
  return rows.map(sessionFromRow);
}

/** Ends sessions: one by id, or every one of a subject. Returns the ones ended now. */
export async function sessionRevoke(
  ctx: QueryContext,
  which: { id: string } | { subject: SessionSubject },
): Promise<Session[]> {
  let query = ctx.db
    .updateTable('sessions')
    .set({ revoked_at: sql<number>`coalesce(revoked_at, ${ctx.now()})` })
    .where('revoked_at', 'is', null);
  query =
    'id' in which
      ? query.where('id', '=', which.id)
      : query.where('subject_kind', '=', which.subject.kind).where('subject_id', '=', which.subject.id);
  const rows = await query.returningAll().execute();
  return rows.map(sessionFromRow);
}

/** Forgets sessions that ended (revoked or past their absolute end) before `before`. */
export async function sessionPrune(ctx: QueryContext, before: number): Promise<number> {
  const result = await ctx.db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
