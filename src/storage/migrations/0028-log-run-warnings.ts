import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Cross-run log search by level within a job or a run (docs/logs.md, log-search-runs.ts).
 *
 * - `run_logs_run_warnings`: each run's warnings and errors in time order. Without it,
 *   `level=error&job=…` walked the warnings of all runs newest first and looked up each line's
 *   run: a job none of whose lines are among the newest read its whole 20,000-line window for no
 *   hit (3.5 s at 10,000,000 lines on PostgreSQL, quiet machine). With it, the search reads at
 *   most a page of lines per run of the job, from the index alone (`level` is in it).
 * - `run_logs_warnings` of 0016 is rebuilt with `level` in it too. Else PostgreSQL found the new
 *   index cheaper for the walk of `level=error` alone (index only, where the old one needs the
 *   line to check its level): it read all 500,000 entries and sorted them (10 M lines: 20 ms became 115–666 ms, load 17).
 *   Both being index only, the walk in time order wins again, and reads no line to find its end.
 *
 * Partial, as before: storing a line adds entries only for warnings and errors (5 % of the bench's
 * lines). On an existing database both are built from the stored lines: see docs/logs.md for the
 * time at 10,000,000 lines.
 */
async function up(db: Kysely<unknown>) {
  await sql`CREATE INDEX run_logs_run_warnings ON run_logs (run_id, time, seq, level)
    WHERE level IN ('warn', 'error')`.execute(db);
  await sql`DROP INDEX run_logs_warnings`.execute(db);
  await sql`CREATE INDEX run_logs_warnings ON run_logs (time, run_id, seq, level)
    WHERE level IN ('warn', 'error')`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
