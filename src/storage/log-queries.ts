import { sql, type RawBuilder } from 'kysely';
import type pg from 'pg';
import type { LogLine } from '../domain/model.js';
import { copyLogLines } from './log-copy.js';
import type { QueryContext } from './job-queries.js';
import { jsonText, logFromRow } from './rows.js';
import { withoutNul } from '../domain/run-result.js';
import type { LogHolder, LogQuery } from './store.js';
import { HELD_STATUSES } from '../domain/run-status.js';
import { containsText } from './text-match.js';

/** Rows per INSERT on SQLite (6 parameters each, well under its 32,766-parameter limit). */
const INSERT_CHUNK = 2000;
/** Lines per INSERT on PostgreSQL, where a batch is six array parameters whatever its size. */
const UNNEST_CHUNK = 20_000;

/**
 * Stores lines in as few statements as possible. PostgreSQL gets `COPY` when the store has its
 * pool at hand (see log-copy.ts), else one array per column expanded with unnest: the statement
 * and its plan stay the same for any batch size, and binding six arrays is far cheaper than
 * binding 6 × n parameters. SQLite gets multi-row inserts
 * of 2,000 lines, each its own commit (cheap in WAL mode), and gives the event loop back between
 * them: its writes are synchronous, so a 10,000-line batch in one go would hold up every task of
 * the process for a tenth of a second or more. A line already stored is skipped rather than
 * failing the batch, which holds other runs' lines too. With `heldBy`, lines of runs the worker
 * no longer holds in that attempt are refused (see LogHolder), checked in the same statement or
 * transaction as the write on PostgreSQL, where hosts can be cut off and answer late.
 */
export async function logAppend(
  ctx: QueryContext,
  all: LogLine[],
  copyTo?: { pool: pg.Pool; schema: string },
  heldBy?: LogHolder,
): Promise<void> {
  const { db, traits } = ctx;
  if (all.length === 0) return;
  if (traits.name === 'postgres') {
    for (let i = 0; i < all.length; i += UNNEST_CHUNK) {
      const chunk = all.slice(i, i + UNNEST_CHUNK);
      if (copyTo) {
        await onceOnly(
          () => copyLogLines(copyTo.pool, copyTo.schema, chunk, heldBy),
          () => appendUnnest(ctx, chunk, true, heldBy),
        );
      } else await appendUnnest(ctx, chunk, false, heldBy);
    }
    return;
  }
  // SQLite has one host and one writer at a time: checking just before the insert is enough.
  const lines = heldBy ? await linesOfHeldRuns(db, all, heldBy) : all;
  for (let i = 0; i < lines.length; i += INSERT_CHUNK) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const rows = lines.slice(i, i + INSERT_CHUNK).map((line) => ({
      run_id: line.runId,
      seq: line.seq,
      time: line.time.getTime(),
      level: line.level,
      message: withoutNul(line.message),
      fields: jsonText(line.fields),
    }));
    await onceOnly(
      () => db.insertInto('run_logs').values(rows).execute(),
      () =>
        db
          .insertInto('run_logs')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute(),
    );
  }
}

/** The lines whose run `heldBy` still holds in the line's attempt. */
async function linesOfHeldRuns(db: QueryContext['db'], lines: LogLine[], heldBy: LogHolder): Promise<LogLine[]> {
  const rows = await db
    .selectFrom('runs')
    .select(['id', 'attempt'])
    .where('id', 'in', [...heldBy.attempts.keys()])
    .where('worker_id', '=', heldBy.workerId)
    .where('status', 'in', HELD_STATUSES)
    .execute();
  const held = new Set(rows.filter((r) => heldBy.attempts.get(Number(r.id)) === r.attempt).map((r) => Number(r.id)));
  return lines.filter((line) => held.has(line.runId));
}

async function appendUnnest(
  { db, table }: QueryContext,
  lines: LogLine[],
  skipStored = false,
  heldBy?: LogHolder,
): Promise<void> {
  const n = lines.length;
  const runIds = new Array<number>(n);
  const seqs = new Array<number>(n);
  const times = new Array<number>(n);
  const levels = new Array<string>(n);
  const messages = new Array<string>(n);
  const fields = new Array<string | null>(n);
  for (let i = 0; i < n; i += 1) {
    const line = lines[i]!;
    runIds[i] = line.runId;
    seqs[i] = line.seq;
    times[i] = line.time.getTime();
    levels[i] = line.level;
    messages[i] = withoutNul(line.message);
    fields[i] = jsonText(line.fields);
  }
  const held = heldBy
    ? sql`where u.run_id in (select r.id from ${table('runs')} r
        join unnest(${[...heldBy.attempts.keys()]}::bigint[], ${[...heldBy.attempts.values()]}::int[]) as h(id, attempt)
          on r.id = h.id and r.attempt = h.attempt
        where r.worker_id = ${heldBy.workerId} and r.status = any(${[...HELD_STATUSES]}::text[]))`
    : sql``;
  const insert = (onConflict: RawBuilder<unknown>) =>
    sql`insert into ${table('run_logs')} (run_id, seq, time, level, message, fields)
      select * from unnest(${runIds}::bigint[], ${seqs}::int[], ${times}::bigint[], ${levels}::text[],
        ${messages}::text[], ${fields}::jsonb[]) as u(run_id, seq, time, level, message, fields) ${held} ${onConflict}`.execute(
      db,
    );
  if (skipStored) await insert(sql`on conflict do nothing`);
  else
    await onceOnly(
      () => insert(sql``),
      () => insert(sql`on conflict do nothing`),
    );
}

/**
 * Runs the plain insert; if some lines are already stored (same run and sequence number: a
 * retried write whose first try did commit), runs the variant that skips them. The skipping
 * variant costs about a third more on PostgreSQL, so it is kept for that rare case.
 */
async function onceOnly(plain: () => Promise<unknown>, skippingStored: () => Promise<unknown>): Promise<void> {
  try {
    await plain();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
    await skippingStored();
  }
}

export async function logList({ db, traits }: QueryContext, runId: number, query: LogQuery): Promise<LogLine[]> {
  let select = db
    .selectFrom('run_logs')
    .selectAll()
    .where('run_id', '=', runId)
    .where('seq', '>', query.after ?? 0);
  if (query.through !== undefined) select = select.where('seq', '<=', query.through);
  if (query.levels?.length) select = select.where('level', 'in', query.levels);
  if (query.q) select = select.where(containsText(traits, 'message', query.q));
  const rows = await select.orderBy('seq').limit(query.limit).execute();
  return rows.map(logFromRow);
}

export async function logMaxSeq({ db }: QueryContext, runId: number): Promise<number> {
  const row = await db
    .selectFrom('run_logs')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('run_id', '=', runId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
