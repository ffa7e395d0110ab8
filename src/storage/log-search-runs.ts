import { sql, type RawBuilder } from 'kysely';
import type { QueryContext } from './job-queries.js';
import { COLUMNS, cursorOf, hitFromRow, lineBounds, ORDER, warningsOnly, type HitRow } from './log-search-sql.js';
import type { LogSearchPage, LogSearchQuery } from './log-search-store.js';

/**
 * A page of warnings or errors of a job's or a run's lines, read run by run (migration 0028,
 * docs/logs.md) instead of by walking the warnings of all runs newest first.
 *
 * The walk (log-search-queries.ts) costs what it reads of the newest warnings of every run: when
 * none of the job's lines are among them, a whole window for no hit, and one lookup of the line's
 * run per warning (3.5 s at 10,000,000 lines on PostgreSQL). Here the job's runs come first
 * (runs_job), then each run's newest warnings from run_logs_run_warnings (run_id, time, seq, level),
 * index only: at most a page plus one per run. The page is then always full unless the runs have
 * no more lines, so its cursor is its last hit, and the hits, their order and the cursor's meaning
 * are those of the walk.
 *
 * Each run's page is bounded by a floor rather than a LIMIT in a lateral join, which SQLite lacks:
 * the time of the run's (limit + 1)-th newest line, so the lines at or after it include the run's
 * share of the page whatever the other runs hold.
 */

/** Up to this many runs, a level search of a job reads run by run; more: the walk. */
export const MAX_RUNS = 2_000;
/** Searches a single run (or family) this small read run by run at once, without trying the walk. */
export const FEW_RUNS = 50;

/** Whether this search can go run by run: no words, warnings or errors only, a job or a run. */
export function byRunsApplies(query: LogSearchQuery): boolean {
  return query.words.length === 0 && warningsOnly(query) && (query.jobId !== undefined || query.runId !== undefined);
}

/** The runs searched, as conditions on alias `r` of runs. */
function runsOf(query: LogSearchQuery): RawBuilder<unknown> {
  const terms: RawBuilder<unknown>[] = [];
  if (query.jobId !== undefined) terms.push(sql`r.job_id = ${query.jobId}`);
  if (query.runId !== undefined) {
    terms.push(
      query.withSubRuns ? sql`(r.id = ${query.runId} or r.parent_run_id = ${query.runId})` : sql`r.id = ${query.runId}`,
    );
  }
  return sql.join(terms, sql` and `);
}

/** How many runs the search covers, counted up to MAX_RUNS + 1 (index only on runs_job). */
export async function runsCount(ctx: QueryContext, query: LogSearchQuery): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from (select 1 from ${ctx.table('runs')} r
      where ${runsOf(query)} limit ${MAX_RUNS + 1}) c`.execute(ctx.db);
  return Number(rows[0]?.n ?? 0);
}

export async function byRuns(ctx: QueryContext, query: LogSearchQuery): Promise<LogSearchPage> {
  const { table } = ctx;
  const limit = query.limit + 1;
  // The line bounds on alias l, plus the cursor's time alone: the row comparison on (time, run_id,
  // seq) is exact but does not follow this index's column order, the time bound is its range.
  const bounds = (alias: string) => {
    const terms = [lineBounds(query, query.after)];
    if (query.after) terms.push(sql`l.time <= ${query.after.time}`);
    return sql`${sql.join(terms, sql` and `)} and l.run_id = ${sql.ref(alias)}.id`;
  };
  const { rows } = await sql<HitRow>`with f as materialized (
        select r.id, (select l.time from ${table('run_logs')} l where ${bounds('r')}
          order by l.time desc, l.seq desc limit 1 offset ${query.limit}) as floor_time
        from ${table('runs')} r where ${runsOf(query)}
      ), k as materialized (
        select l.run_id, l.seq from f cross join ${table('run_logs')} l
        where ${bounds('f')} and l.time >= coalesce(f.floor_time, ${Number.MIN_SAFE_INTEGER})
        ${ORDER} limit ${limit}
      )
      select ${COLUMNS} from k cross join ${table('run_logs')} l cross join ${table('runs')} r
      where l.run_id = k.run_id and l.seq = k.seq and r.id = l.run_id ${ORDER}`.execute(ctx.db);
  const hits = rows.slice(0, query.limit).map(hitFromRow);
  return { hits, next: rows.length > query.limit ? cursorOf(hits.at(-1)!) : null };
}
