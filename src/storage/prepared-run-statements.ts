import type pg from 'pg';
import type { Run } from '../domain/model.js';
import { FINAL_STATUSES, statusesLeadingTo } from '../domain/run-status.js';
import { notifyChannel } from './notifier.js';
import { jsonText, RUN_COLUMNS, runFromRow, runFromValues, toJson } from './rows.js';
import type { Selectable } from 'kysely';
import type { RunsTable } from './schema.js';
import type { ClaimRequest, JobBasis, NewRun, RunOutcome } from './store.js';
import { newRunRow } from './run-queries.js';

/**
 * The worker's hot path on PostgreSQL as named (prepared) statements (and the single enqueue,
 * whose round trips are most of enqueue → start latency): claiming and finishing runs
 * is most of what a busy database does for Jobdeck, and through Kysely every batch was planned
 * again (6 ms of planning for 2 ms of execution per 100-run completion, measured under load).
 * Named statements need text that never changes, so batches travel as typed arrays (`unnest`)
 * rather than as one placeholder per value.
 *
 * Behind a transaction pooler (`named: false`) the same texts go unnamed: a named statement lives
 * on one server connection, which the pooler hands to other clients ("prepared statement
 * already exists" there, "does not exist" here).
 */
export class PreparedRunStatements {
  readonly #pool: pg.Pool;
  readonly #named: boolean;
  readonly #schema: string;
  readonly #claimTexts = new Map<number, string>();
  readonly #finishText: string;
  readonly #createText: string;
  readonly #createFromJobText: string;

  constructor(pool: pg.Pool, { schema, named }: { schema: string; named: boolean }) {
    this.#pool = pool;
    this.#named = named;
    this.#schema = `"${schema}"`;
    const channel = notifyChannel(schema);
    this.#finishText = finishText(this.#schema, channel);
    this.#createText = createText(this.#schema, channel);
    this.#createFromJobText = createFromJobText(this.#schema, channel);
  }

  /** The statement: named where that is allowed, so it is planned once per connection. */
  #statement(name: string, text: string, values: unknown[]): pg.QueryConfig {
    return this.#named ? { name, text, values } : { text, values };
  }

  #claimText(queueCount: number, lookAhead: boolean): string {
    const key = lookAhead ? -queueCount : queueCount;
    let text = this.#claimTexts.get(key);
    if (!text) {
      text = lookAhead ? claimAheadText(this.#schema, queueCount) : claimText(this.#schema, queueCount);
      this.#claimTexts.set(key, text);
    }
    return text;
  }

  async #claim(request: ClaimRequest, now: number, lookAhead: boolean) {
    const name = `jobdeck_claim${lookAhead ? '_ahead' : ''}_${request.queues.length}`;
    const { rows } = await this.#pool.query<{ run: string | null; next?: string | null }>(
      this.#statement(name, this.#claimText(request.queues.length, lookAhead), [
        now,
        request.workerId,
        request.limit,
        ...request.queues,
      ]),
    );
    const runs: Run[] = [];
    for (const row of rows) if (row.run !== null) runs.push(runFromValues(row.run));
    runs.sort((a, b) => a.priority - b.priority || a.id - b.id);
    const next = rows[0]?.next;
    return { runs, next: next == null ? undefined : new Date(Number(next)) };
  }

  async claim(request: ClaimRequest, now: number): Promise<Run[]> {
    if (request.limit <= 0 || request.queues.length === 0) return [];
    return (await this.#claim(request, now, false)).runs;
  }

  /** `claim`, with the next delayed run's available_at when it claimed fewer than the limit. */
  async claimLookingAhead(request: ClaimRequest, now: number): Promise<{ runs: Run[]; next: Date | undefined }> {
    if (request.limit <= 0 || request.queues.length === 0) return { runs: [], next: undefined };
    return this.#claim(request, now, true);
  }

  /**
   * One run enqueued, its job's last run raised and the run announced, in one statement: one
   * round trip and one commit where a transaction took five (BEGIN, INSERT, UPDATE, COMMIT) plus
   * the NOTIFY after it. Enqueue → start latency is mostly such round trips.
   */
  async create(run: NewRun, now: number): Promise<Run> {
    const { rows } = await this.#pool.query<Selectable<RunsTable>>(
      this.#statement('jobdeck_create', this.#createText, insertValues(run, now)),
    );
    return runFromRow(rows[0]!);
  }

  /**
   * `create` for run creation (`runCreateFromJob`): inserts only while the job still has the
   * values the run was prepared from, with `since` defaulted to the last success in the same
   * statement, so the enqueue needs no read round trip before it.
   */
  async createFromJob(run: NewRun, basis: JobBasis, now: number): Promise<Run | undefined> {
    const { rows } = await this.#pool.query<Selectable<RunsTable>>(
      this.#statement('jobdeck_create_from_job', this.#createFromJobText, [
        ...insertValues(run, now),
        basis.task,
        basis.defaultQueue,
        toJson(basis.args),
        jsonText(basis.customArgs),
        basis.maxAttempts,
      ]),
    );
    return rows[0] && runFromRow(rows[0]);
  }

  /**
   * Final states of many runs, guarded as the state machine says, announced in the same
   * statement (no separate NOTIFY round trip). Returns the ids whose final state was written.
   */
  async finish(outcomes: RunOutcome[], now: number): Promise<number[]> {
    if (outcomes.length === 0) return [];
    const column = <T>(pick: (o: RunOutcome) => T) => outcomes.map(pick);
    const { rows } = await this.#pool.query<{ ids: (number | string)[] | null }>(
      this.#statement('jobdeck_finish', this.#finishText, [
        now,
        column((o) => o.id),
        column((o) => o.workerId),
        column((o) => o.attempt),
        column((o) => o.status),
        column((o) => o.message),
        column((o) => jsonText(o.result)),
        column((o) => o.progress.total ?? null),
        column((o) => o.progress.inserted ?? null),
        column((o) => o.progress.updated ?? null),
        column((o) => o.progress.errored ?? null),
        column((o) => o.errorStack ?? null),
      ]),
    );
    return (rows[0]?.ids ?? []).map(Number);
  }
}

/**
 * One text per number of queues: with a single queue the planner walks the claim index in order
 * and stops at the limit; an array parameter would hide that there is one queue and make a generic
 * plan sort every queued run.
 */
function claimText(schema: string, queueCount: number): string {
  return `${claimUpdate(schema, queueCount)}
      RETURNING ${CLAIMED_RUN}`;
}

/**
 * `claimText` and, when it claimed fewer runs than the limit, the earliest future available_at
 * among queued runs of the queues (as `runsNextAvailable` in idle-queries.ts: at most 1,000 of
 * them looked at), on every row; one row with a null run when nothing was claimed. The look-ahead
 * reads the statement's snapshot, where the claimed runs are still queued but due (not > $1).
 */
function claimAheadText(schema: string, queueCount: number): string {
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
const createText = (schema: string, channel: string) => `
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
const createFromJobText = (schema: string, channel: string) => `
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
const finishText = (schema: string, channel: string) => `
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

/** $1…$14 of both insert statements: the new run's columns, in the order of their INSERT. */
function insertValues(run: NewRun, now: number): unknown[] {
  const row = newRunRow(run, now);
  return [
    row.job_id,
    row.task,
    row.title,
    row.queue,
    row.priority,
    row.args,
    row.custom_args,
    row.since,
    row.started_by,
    row.created_at,
    row.available_at,
    row.max_attempts,
    row.parent_run_id,
    row.scheduled_for,
  ];
}
