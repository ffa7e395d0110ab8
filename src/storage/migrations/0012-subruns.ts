import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Sub-runs (fan-out): a run's children are ordinary runs with `parent_run_id`. The parent keeps
 * counters of its children and ends when the last one does. Both are done by triggers, so that
 * every way a child can end (a worker's batched finish, a stop, a rescue, a release) counts it,
 * in the same transaction as the child's own final state, on both dialects:
 *
 * - `runs_parent_ended`: a parent whose own code ended (SUCCESS, PARTIAL_SUCCESS, WARNING,
 *   FAILED) while children are still going becomes WAITING and remembers its own outcome in
 *   `pending_status`; with all children already ended it takes its final status at once.
 * - `runs_subrun_ended`: a child's end adds to its parent's counters (and entry sums) and, if the
 *   parent is WAITING and this was the last child, ends the parent: FAILED if its own code threw,
 *   PARTIAL_SUCCESS if a child ended FAILED or CANCELLED (or its own code reported errored
 *   entries), else its own outcome.
 *
 * Concurrency: the parent's row is locked by each update, so two children ending at once, or a
 * child ending while its parent's code returns, are serialized (PostgreSQL re-evaluates the
 * second update against the row the first committed; SQLite has a single writer). Sub-runs have
 * one level: a sub-run cannot create sub-runs (SQLite does not fire a trigger from within itself).
 *
 * The status lists are literals on purpose: a migration describes the schema of its day.
 */

const PENDING_FINAL = `CASE WHEN pending_status = 'FAILED' THEN 'FAILED'
  WHEN failed_subruns + FAILED_NOW > 0 OR pending_status = 'PARTIAL_SUCCESS' THEN 'PARTIAL_SUCCESS'
  ELSE coalesce(pending_status, 'SUCCESS') END`;

/** The body shared by both dialects; NEW is the child that ended. */
function subrunEndedUpdate(runs: string): string {
  const failedNow = `(CASE WHEN NEW.status IN ('FAILED', 'CANCELLED') THEN 1 ELSE 0 END)`;
  const last = `(status = 'WAITING' AND completed_subruns + 1 >= total_subruns)`;
  const failedMessage = `(failed_subruns + ${failedNow}) || ' of ' || total_subruns || ' sub-runs failed.'`;
  return `UPDATE ${runs} SET
    completed_subruns = completed_subruns + 1,
    failed_subruns = failed_subruns + ${failedNow},
    sub_total_entries = sub_total_entries + coalesce(NEW.total_entries, 0),
    sub_inserted_entries = sub_inserted_entries + coalesce(NEW.inserted_entries, 0),
    sub_updated_entries = sub_updated_entries + coalesce(NEW.updated_entries, 0),
    sub_errored_entries = sub_errored_entries + coalesce(NEW.errored_entries, 0),
    status = CASE WHEN ${last} THEN ${PENDING_FINAL.replaceAll('FAILED_NOW', failedNow)} ELSE status END,
    finished_at = CASE WHEN ${last} THEN coalesce(NEW.finished_at, finished_at) ELSE finished_at END,
    message = CASE WHEN ${last} AND failed_subruns + ${failedNow} > 0 AND coalesce(pending_status, '') <> 'FAILED'
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

async function addColumns(db: Kysely<unknown>, bigint: string) {
  for (const column of ['total_subruns', 'completed_subruns', 'failed_subruns']) {
    await sql.raw(`ALTER TABLE runs ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0`).execute(db);
  }
  for (const column of ['sub_total_entries', 'sub_inserted_entries', 'sub_updated_entries', 'sub_errored_entries']) {
    await sql.raw(`ALTER TABLE runs ADD COLUMN ${column} ${bigint} NOT NULL DEFAULT 0`).execute(db);
  }
  await sql`ALTER TABLE runs ADD COLUMN pending_status TEXT`.execute(db);
  // A waiting parent is active (its job is busy, it can be stopped).
  await sql`DROP INDEX runs_active`.execute(db);
  await sql`CREATE INDEX runs_active ON runs (job_id, status, heartbeat_at)
    WHERE status IN ('QUEUED', 'RUNNING', 'CANCELLING', 'WAITING')`.execute(db);
}

export const sqlite: Migration = {
  async up(db) {
    await addColumns(db, 'INTEGER');
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
  },
};

export const postgres: Migration = {
  async up(db) {
    await addColumns(db, 'BIGINT');
    // The functions name the table with its schema: they run under the caller's search_path.
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
    const schema = rows[0]?.schema ?? 'public';
    const runs = `"${schema.replaceAll('"', '""')}".runs`;
    const fn = (name: string, body: string) =>
      sql
        .raw(
          `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $body$
           BEGIN ${body}; RETURN NULL; END $body$`,
        )
        .execute(db);
    await fn('jobdeck_subrun_ended', subrunEndedUpdate(runs));
    await fn('jobdeck_parent_ended', parentEndedUpdate(runs));
    await sql
      .raw(
        `CREATE TRIGGER runs_subrun_ended AFTER UPDATE OF status ON runs FOR EACH ROW
         WHEN (${CHILD_ENDED_WHEN}) EXECUTE FUNCTION jobdeck_subrun_ended()`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER runs_parent_ended AFTER UPDATE OF status ON runs FOR EACH ROW
         WHEN (${PARENT_ENDED_WHEN}) EXECUTE FUNCTION jobdeck_parent_ended()`,
      )
      .execute(db);
  },
};
