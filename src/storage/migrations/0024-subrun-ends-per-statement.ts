import { sql, type Migration } from 'kysely';

/**
 * PostgreSQL: a parent counts its ended sub-runs once per statement instead of once per child.
 *
 * The row trigger of migrations 0012/0016 updated the parent's row for every child that ended:
 * 10,000 sub-runs made 10,000 versions of one row, each through the primary key past the dead
 * versions before it (a hot row). `bench:subruns` drained sub-runs at 0.17× the rate of as many
 * top-level runs on the same worker (402 against 2,378 runs/s, load 17). A worker ends its runs
 * in batches, one statement each (runsFinish); this statement-level trigger reads that
 * statement's ended children from its transition tables and updates each parent once, with the
 * sums, by the same rule as before (the last child ends a WAITING parent, docs/subruns.md).
 *
 * Ordering: row triggers fire before statement triggers, so when a parent's own end and its last
 * children's ends are in one statement, `runs_parent_ended` first makes it WAITING and this one
 * then ends it, as the two row triggers did. Concurrency is unchanged: the update locks the
 * parent's row. An UPDATE trigger with transition tables cannot name columns, so this one runs
 * after every UPDATE of runs (but not the updates of triggers: those end no child); without an
 * ended child its query finds nothing to update.
 *
 * SQLite keeps its row trigger: it has no statement triggers, and its single writer updates the
 * parent's row in place (sub-runs drained at 0.86× top-level runs there, same bench).
 */

/** Whether `failed` sub-runs (an SQL expression) fail the parent by its rule (as in 0016). */
const byRule = (failed: string) =>
  `(subrun_fail_ratio IS NOT NULL AND ${failed} > 0 AND ${failed} >= subrun_fail_ratio * total_subruns)`;

function subrunsEndedUpdate(runs: string): string {
  const failed = `(failed_subruns + e.failed)`;
  const last = `(status = 'WAITING' AND completed_subruns + e.n >= total_subruns)`;
  const final = `CASE WHEN pending_status = 'FAILED' THEN 'FAILED'
    WHEN ${byRule(failed)} THEN 'FAILED'
    WHEN ${failed} > 0 OR pending_status = 'PARTIAL_SUCCESS' THEN 'PARTIAL_SUCCESS'
    ELSE coalesce(pending_status, 'SUCCESS') END`;
  return `UPDATE ${runs} SET
    completed_subruns = completed_subruns + e.n,
    failed_subruns = failed_subruns + e.failed,
    sub_total_entries = sub_total_entries + e.total,
    sub_inserted_entries = sub_inserted_entries + e.inserted,
    sub_updated_entries = sub_updated_entries + e.updated,
    sub_errored_entries = sub_errored_entries + e.errored,
    status = CASE WHEN ${last} THEN ${final} ELSE status END,
    finished_at = CASE WHEN ${last} THEN coalesce(e.ended_at, finished_at) ELSE finished_at END,
    message = CASE WHEN ${last} AND ${failed} > 0 AND coalesce(pending_status, '') <> 'FAILED'
                   THEN ${failed} || ' of ' || total_subruns || ' sub-runs failed.' ELSE message END
  FROM (
    SELECT n.parent_run_id AS parent_id, count(*) AS n,
      count(*) FILTER (WHERE n.status IN ('FAILED', 'CANCELLED')) AS failed,
      coalesce(sum(n.total_entries), 0) AS total, coalesce(sum(n.inserted_entries), 0) AS inserted,
      coalesce(sum(n.updated_entries), 0) AS updated, coalesce(sum(n.errored_entries), 0) AS errored,
      max(n.finished_at) AS ended_at
    FROM ended_new n JOIN ended_old o ON o.id = n.id
    WHERE n.parent_run_id IS NOT NULL AND o.status IN ('QUEUED', 'RUNNING', 'CANCELLING')
      AND n.status IN ('SUCCESS', 'PARTIAL_SUCCESS', 'WARNING', 'FAILED', 'CANCELLED')
    GROUP BY n.parent_run_id
    -- Parents in id order: two statements ending children of the same parents lock them alike.
    ORDER BY n.parent_run_id
  ) e
  WHERE ${runs}.id = e.parent_id`;
}

export const postgres: Migration = {
  async up(db) {
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
    const runs = `"${(rows[0]?.schema ?? 'public').replaceAll('"', '""')}".runs`;
    await sql`DROP TRIGGER runs_subrun_ended ON runs`.execute(db);
    await sql`DROP FUNCTION jobdeck_subrun_ended()`.execute(db);
    await sql
      .raw(
        `CREATE FUNCTION jobdeck_subruns_ended() RETURNS trigger LANGUAGE plpgsql AS $body$
         BEGIN
           -- Its own update of the parents (and the parent trigger's) end no child: not again.
           IF pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
           ${subrunsEndedUpdate(runs)};
           RETURN NULL;
         END $body$`,
      )
      .execute(db);
    await sql`CREATE TRIGGER runs_subruns_ended AFTER UPDATE ON runs
      REFERENCING OLD TABLE AS ended_old NEW TABLE AS ended_new
      FOR EACH STATEMENT EXECUTE FUNCTION jobdeck_subruns_ended()`.execute(db);
  },
};

export const sqlite: Migration = {
  async up() {
    // Nothing: see above.
  },
};
