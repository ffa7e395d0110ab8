import { sql, type RawBuilder } from 'kysely';
import type { LogSearchCursor, LogSearchHit, LogSearchQuery } from './log-search-store.js';
import { logFromRow } from './rows.js';
import type { RunLogsTable } from './schema.js';

/** SQL pieces shared by the ways to a search page (log-search-queries.ts, log-search-runs.ts). */

/** The levels of the partial indexes run_logs_warnings (0016) and run_logs_run_warnings (0028). */
const WARNINGS = ['warn', 'error'];

export type HitRow = RunLogsTable & { job_id: string; title: string; parent_run_id: number | string | null };

/** Newest first: the order of the `run_logs_time` index and of every page. */
export const ORDER = sql`order by l.time desc, l.run_id desc, l.seq desc`;
export const COLUMNS = sql`l.run_id, l.seq, l.time, l.level, l.message, l.fields, r.job_id, r.title, r.parent_run_id`;

/** Whether only warnings and errors are asked for, so the partial indexes apply. */
export function warningsOnly(query: LogSearchQuery): boolean {
  return !!query.levels?.length && query.levels.every((level) => WARNINGS.includes(level));
}

/** The conditions on the line alone (the time index's range and the level), on alias `l`. */
export function lineBounds(query: LogSearchQuery, after: LogSearchCursor | undefined): RawBuilder<unknown> {
  const terms: RawBuilder<unknown>[] = [];
  if (after) terms.push(sql`(l.time, l.run_id, l.seq) < (${after.time}, ${after.runId}, ${after.seq})`);
  if (query.since) terms.push(sql`l.time >= ${query.since.getTime()}`);
  if (query.until) terms.push(sql`l.time < ${query.until.getTime()}`);
  if (query.levels?.length) {
    // Spelled as in the partial indexes' definition, so both databases see that they apply.
    if (warningsOnly(query)) terms.push(sql`l.level IN ('warn', 'error')`);
    terms.push(sql`l.level in (${sql.join(query.levels)})`);
  }
  return terms.length ? sql.join(terms, sql` and `) : sql`true`;
}

export function hitFromRow(row: HitRow): LogSearchHit {
  return {
    ...logFromRow(row),
    jobId: row.job_id,
    runTitle: row.title,
    parentRunId: row.parent_run_id === null ? null : Number(row.parent_run_id),
  };
}

export function cursorOf(line: LogSearchHit): LogSearchCursor {
  return { time: line.time.getTime(), runId: line.runId, seq: line.seq };
}
