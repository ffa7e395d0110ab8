import { sql, type Kysely } from 'kysely';

/**
 * Part of migration 0016: a parent's failure rule for its sub-runs (docs/subruns.md).
 * `runs.subrun_fail_ratio` is set from the parent's task (`subRuns.failWhen`) when it creates
 * sub-runs: the parent ends FAILED instead of PARTIAL_SUCCESS once at least that share of its
 * sub-runs failed (0: any, 1: all). NULL, the default, keeps the rule of migration 0012.
 *
 * The two trigger bodies of 0012 are replaced by the same ones with the rule added. The status
 * lists are literals on purpose: a migration describes the schema of its day.
 */

/** Whether `failed` sub-runs (an SQL expression) fail the parent by its rule. */
const byRule = (failed: string) =>
  `(subrun_fail_ratio IS NOT NULL AND ${failed} > 0 AND ${failed} >= subrun_fail_ratio * total_subruns)`;

/** The body shared by both dialects; NEW is the child that ended. */
function subrunEndedUpdate(runs: string): string {
  const failedNow = `(CASE WHEN NEW.status IN ('FAILED', 'CANCELLED') THEN 1 ELSE 0 END)`;
  const failed = `(failed_subruns + ${failedNow})`;
  const last = `(status = 'WAITING' AND completed_subruns + 1 >= total_subruns)`;
  const failedMessage = `${failed} || ' of ' || total_subruns || ' sub-runs failed.'`;
  const final = `CASE WHEN pending_status = 'FAILED' THEN 'FAILED'
    WHEN ${byRule(failed)} THEN 'FAILED'
    WHEN ${failed} > 0 OR pending_status = 'PARTIAL_SUCCESS' THEN 'PARTIAL_SUCCESS'
    ELSE coalesce(pending_status, 'SUCCESS') END`;
  return `UPDATE ${runs} SET
    completed_subruns = completed_subruns + 1,
    failed_subruns = failed_subruns + ${failedNow},
    sub_total_entries = sub_total_entries + coalesce(NEW.total_entries, 0),
    sub_inserted_entries = sub_inserted_entries + coalesce(NEW.inserted_entries, 0),
    sub_updated_entries = sub_updated_entries + coalesce(NEW.updated_entries, 0),
    sub_errored_entries = sub_errored_entries + coalesce(NEW.errored_entries, 0),
    status = CASE WHEN ${last} THEN ${final} ELSE status END,
    finished_at = CASE WHEN ${last} THEN coalesce(NEW.finished_at, finished_at) ELSE finished_at END,
    message = CASE WHEN ${last} AND ${failed} > 0 AND coalesce(pending_status, '') <> 'FAILED'
                   THEN ${failedMessage} ELSE message END
  WHERE id = NEW.parent_run_id`;
}

/** The body shared by both dialects; NEW is the parent whose own code ended. */
function parentEndedUpdate(runs: string): string {
  const waiting = `completed_subruns < total_subruns`;
  return `UPDATE ${runs} SET
    pending_status = NEW.status,
    status = CASE WHEN ${waiting} THEN 'WAITING'
                  WHEN NEW.status = 'FAILED' THEN 'FAILED'
                  WHEN ${byRule('failed_subruns')} THEN 'FAILED'
                  WHEN failed_subruns > 0 THEN 'PARTIAL_SUCCESS'
                  ELSE NEW.status END,
    finished_at = CASE WHEN ${waiting} THEN NULL ELSE finished_at END,
    -- No worker holds a waiting run: a repeated final write of its code's outcome cannot apply.
    worker_id = CASE WHEN ${waiting} THEN NULL ELSE worker_id END,
    heartbeat_at = NULL,
    message = CASE WHEN NOT (${waiting}) AND NEW.status <> 'FAILED' AND failed_subruns > 0 AND message IS NULL
                   THEN failed_subruns || ' of ' || total_subruns || ' sub-runs failed.' ELSE message END
  WHERE id = NEW.id`;
}

const CHILD_ENDED_WHEN = `NEW.parent_run_id IS NOT NULL AND OLD.status IN ('QUEUED', 'RUNNING', 'CANCELLING')
  AND NEW.status IN ('SUCCESS', 'PARTIAL_SUCCESS', 'WARNING', 'FAILED', 'CANCELLED')`;
const PARENT_ENDED_WHEN = `NEW.total_subruns > 0 AND OLD.status IN ('RUNNING', 'CANCELLING')
  AND NEW.status IN ('SUCCESS', 'PARTIAL_SUCCESS', 'WARNING', 'FAILED')`;

export async function subrunFailRuleSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE runs ADD COLUMN subrun_fail_ratio REAL`.execute(db);
  await sql`DROP TRIGGER runs_subrun_ended`.execute(db);
  await sql`DROP TRIGGER runs_parent_ended`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER runs_subrun_ended AFTER UPDATE OF status ON runs WHEN ${CHILD_ENDED_WHEN}
       BEGIN ${subrunEndedUpdate('runs')}; END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER runs_parent_ended AFTER UPDATE OF status ON runs WHEN ${PARENT_ENDED_WHEN}
       BEGIN ${parentEndedUpdate('runs')}; END`,
    )
    .execute(db);
}

export async function subrunFailRulePostgres(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE runs ADD COLUMN subrun_fail_ratio DOUBLE PRECISION`.execute(db);
  // The functions name the table with its schema: they run under the caller's search_path.
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const runs = `"${(rows[0]?.schema ?? 'public').replaceAll('"', '""')}".runs`;
  const fn = (name: string, body: string) =>
    sql
      .raw(
        `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $body$
         BEGIN ${body}; RETURN NULL; END $body$`,
      )
      .execute(db);
  await fn('jobdeck_subrun_ended', subrunEndedUpdate(runs));
  await fn('jobdeck_parent_ended', parentEndedUpdate(runs));
}
