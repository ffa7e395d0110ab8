import type pg from 'pg';
import type { Run } from '../domain/model.js';
import { notifyChannel } from './notifier.js';
import { jsonText, runFromRow, runFromValues, toJson } from './rows.js';
import { claimAheadText, claimText, createFromJobText, createText, finishText } from './prepared-run-texts.js';
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
