import { FINAL_STATUSES, statusesLeadingTo } from '../domain/run-status.js';
import { RUN_COLUMNS } from './rows.js';

// The SQL texts of PreparedRunStatements (prepared-run-statements.ts): fixed per schema, channel
// and number of queues, so each is planned once per connection.

/**
 * One text per number of queues: with a single queue the planner walks the claim index in order
 * and stops at the limit; an array parameter would hide that there is one queue and make a generic
 * plan sort every queued run.
 */
export function claimText(schema: string, queueCount: number): string {
  return `${claimUpdate(schema, queueCount)}
      RETURNING ${CLAIMED_RUN}`;
}

/**
 * `claimText` and, when it claimed fewer runs than the limit, the earliest future available_at
 * among queued runs of the queues (as `runsNextAvailable` in idle-queries.ts: at most 1,000 of
 * them looked at), on every row; one row with a null run when nothing was claimed. The look-ahead
 * reads the statement's snapshot, where the claimed runs are still queued but due (not > $1).
 */
export function claimAheadText(schema: string, queueCount: number): string {
  return `
    WITH claimed AS (${claimUpdate(schema, queueCount)}
      RETURNING ${CLAIMED_RUN}
    ), ahead AS (
      SELECT CASE WHEN (SELECT count(*) FROM claimed) < $3 THEN (
        SELECT min(available_at) FROM (
          SELECT available_at FROM ${schema}.runs
          WHERE status = 'QUEUED' AND queue IN (${queueParams(queueCount)}) AND available_at > $1
          LIMIT 1000) AS delayed) END AS next
    )
    SELECT claimed.run, ahead.next FROM ahead LEFT JOIN claimed ON true`;
}

const queueParams = (queueCount: number) => Array.from({ length: queueCount }, (_, i) => `$${i + 4}`).join(', ');

function claimUpdate(schema: string, queueCount: number): string {
  const queues = queueParams(queueCount);
  return `
      UPDATE ${schema}.runs SET status = 'RUNNING', started_at = $1, heartbeat_at = $1, worker_id = $2, attempt = attempt + 1
      WHERE id IN (
        SELECT id FROM ${schema}.runs
        WHERE status = 'QUEUED' AND queue IN (${queues}) AND available_at <= $1
          -- Pausing keeps runs queued; only claiming stops.
          AND queue NOT IN (SELECT name FROM ${schema}.queue_states WHERE paused)
        ORDER BY priority, id
        LIMIT $3
        FOR UPDATE SKIP LOCKED)`;
}

/**
 * A claimed run as one JSON array text (RUN_COLUMNS' order, read by runFromValues): one field for
 * the driver to parse per row rather than 37, most of a claimed run's decoding cost in the worker.
 * JSON columns go as their text, so a JSON string value is never mistaken for the text of one.
 */
const CLAIMED_RUN = `cast(json_build_array(${RUN_COLUMNS.map((c) =>
  ['args', 'custom_args', 'result'].includes(c) ? `cast(${c} AS text)` : c,
).join(', ')}) AS text) AS run`;

/**
 * The insert of `runCreate` (run-queries.ts) with the job's `last_run_id` raise and the `queued`
 * announcement (delivered at commit, as the separate NOTIFY after the commit was) as CTEs. The
 * announcement's JSON is the `StoreEvent` that `PgNotifier.publish` would send.
 */
export const createText = (schema: string, channel: string) => `
  WITH inserted AS (
    INSERT INTO ${schema}.runs (job_id, task, title, status, queue, priority, args, custom_args, since, started_by,
                                created_at, available_at, attempt, max_attempts, parent_run_id, scheduled_for)
    VALUES ($1, $2, $3, 'QUEUED', $4, $5, cast($6 AS jsonb), cast($7 AS jsonb), $8, $9, $10, $11, 0, $12, $13, $14)
    RETURNING *
  ), raised AS (
    UPDATE ${schema}.jobs AS jobs SET last_run_id = inserted.id FROM inserted
    WHERE jobs.id = inserted.job_id AND jobs.last_run_id < inserted.id
  )
  SELECT inserted.*, pg_notify('${channel}', json_build_object('type', 'queued', 'queue', inserted.queue,
           'runId', inserted.id, 'jobId', inserted.job_id)::text) AS announced
  FROM inserted`;

/**
 * `createText` fed by the job's row, which must still hold the values the run was prepared from
 * (no row: no insert). INSERT … SELECT does not type its parameters from the columns: casts.
 */
export const createFromJobText = (schema: string, channel: string) => `
  WITH job AS (
    SELECT id FROM ${schema}.jobs
    WHERE id = $1 AND task = $15 AND default_queue = $16 AND args = cast($17 AS jsonb)
      AND custom_args IS NOT DISTINCT FROM cast($18 AS jsonb) AND max_attempts = cast($19 AS integer)
  ), inserted AS (
    INSERT INTO ${schema}.runs (job_id, task, title, status, queue, priority, args, custom_args, since, started_by,
                                created_at, available_at, attempt, max_attempts, parent_run_id, scheduled_for)
    SELECT job.id, cast($2 AS text), cast($3 AS text), 'QUEUED', cast($4 AS text), cast($5 AS integer),
           cast($6 AS jsonb), cast($7 AS jsonb),
           coalesce(cast($8 AS bigint), (
             SELECT r.started_at FROM ${schema}.runs AS r
             WHERE r.job_id = job.id AND r.status = 'SUCCESS' AND r.parent_run_id IS NULL
             ORDER BY r.started_at DESC LIMIT 1)),
           cast($9 AS text), cast($10 AS bigint), cast($11 AS bigint), 0, cast($12 AS integer),
           cast($13 AS bigint), cast($14 AS bigint)
    FROM job
    RETURNING *
  ), raised AS (
    UPDATE ${schema}.jobs AS jobs SET last_run_id = inserted.id FROM inserted
    WHERE jobs.id = inserted.job_id AND jobs.last_run_id < inserted.id
  )
  SELECT inserted.*, pg_notify('${channel}', json_build_object('type', 'queued', 'queue', inserted.queue,
           'runId', inserted.id, 'jobId', inserted.job_id)::text) AS announced
  FROM inserted`;

/** `(i.status = 'X' AND runs.status IN (...)) OR ...`, derived from the state machine. */
const FINAL_GUARD = FINAL_STATUSES.map(
  (to) => `(i.status = '${to}' AND runs.status IN (${statusesLeadingTo(to).map((from) => `'${from}'`)}))`,
).join(' OR ');

/**
 * The `changed` event carries the ids while they fit NOTIFY's 8 kB payload; listeners that get
 * none refetch what they show.
 */
export const finishText = (schema: string, channel: string) => `
  WITH i AS (
    SELECT * FROM unnest($2::bigint[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
                         $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::text[])
      AS t(id, worker_id, attempt, status, message, result, total, inserted, updated, errored, error_stack)
  ), finished AS (
    UPDATE ${schema}.runs AS runs SET
      status = i.status,
      message = i.message,
      error_stack = i.error_stack,
      result = cast(i.result AS jsonb),
      finished_at = $1,
      total_entries = coalesce(i.total, runs.total_entries),
      inserted_entries = coalesce(i.inserted, runs.inserted_entries),
      updated_entries = coalesce(i.updated, runs.updated_entries),
      errored_entries = coalesce(i.errored, runs.errored_entries)
    FROM i
    WHERE runs.id = i.id AND runs.worker_id = i.worker_id AND runs.attempt = i.attempt AND (${FINAL_GUARD})
    RETURNING runs.id
  ), done AS (
    SELECT array_agg(id) AS ids FROM finished
  )
  SELECT ids,
         CASE WHEN ids IS NULL THEN NULL ELSE pg_notify('${channel}',
           CASE WHEN cardinality(ids) <= 500 THEN json_build_object('type', 'changed', 'runIds', ids)
                ELSE json_build_object('type', 'changed') END::text) END AS announced
  FROM done`;
