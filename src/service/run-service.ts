import { ConflictError, InvalidStateError, NotFoundError, ValidationError, fieldError } from '../domain/errors.js';
import { LOG_LEVELS, type Job, type JsonObject, type LogLevel, type LogLine, type Run } from '../domain/model.js';
import { changedArgFields, checkOperatorChanges } from '../domain/arg-rights.js';
import { maskSecretArgs, restoreSecretArgs } from '../domain/secret-args.js';
import type { AnyTask } from '../domain/task.js';
import { parseJsonObject, resolveRunArgs } from '../domain/run-args.js';
import { liftSince, refuseUnknownFields } from '../domain/seed-args.js';
import { parseDateTime } from '../domain/date-time.js';
import { RUN_STATUSES, isFinalStatus, isRunStatus, type RunStatus } from '../domain/run-status.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { Page, Store } from '../storage/store.js';
import { pageSize } from '../domain/paging.js';
import type { ActorContext, JobService } from './job-service.js';
import { TITLE_MAX } from '../domain/job-contract.js';
import type { AuditService } from './audit-service.js';
import type { QueueRegistry } from './queue-registry.js';
import type { HostTransaction } from '../storage/host-connection.js';

export interface RunInput {
  /** Default "Manual run". */
  title?: string | undefined;
  /** Default: the job's queue. */
  queue?: string | undefined;
  /** Form arguments, laid over the job's saved ones: an object or JSON text. */
  args?: unknown;
  /** Process only what changed after this time; default: start of the last successful run. */
  since?: Date | string | null | undefined;
  /** Replace the arguments verbatim: an object or JSON text; null ignores the job's saved ones. */
  customArgs?: unknown;
  /** Who asked: a user name, or "system" for the scheduler. */
  startedBy?: string | undefined;
  /**
   * The host program's open transaction (PostgreSQL): the run is created in it, so workers see it
   * only if the host commits. A `pg` client after BEGIN, or a Kysely transaction.
   */
  tx?: HostTransaction | undefined;
}

export interface RunListQuery {
  jobId?: string | undefined;
  /** Case-insensitive match on title or message. */
  q?: string | undefined;
  status?: string | string[] | undefined;
  queue?: string | undefined;
  task?: string | undefined;
  /** Only the sub-runs of this run, oldest first. */
  parentRunId?: number | undefined;
  /** Sub-runs too (lists show top-level runs by default). */
  includeSubRuns?: boolean | undefined;
  page?: number | undefined;
  size?: number | undefined;
}

export interface LogListQuery {
  after?: number | undefined;
  /** Only lines up to this sequence number (a follow stream scans what exists, then moves on). */
  through?: number | undefined;
  size?: number | undefined;
  /** The lowest level shown. */
  level?: string | undefined;
  /** Case-insensitive match on the message. */
  q?: string | undefined;
}

const LOG_PAGE_MAX = 1000;

/** Runs: creation with the since and custom-args rules, reading, stopping and waiting. */
export class RunService {
  constructor(
    private readonly store: Store,
    private readonly jobs: JobService,
    private readonly tasks: TaskRegistry,
    private readonly queues: QueueRegistry,
    private readonly audit?: AuditService,
  ) {}

  /** The same service over another store (a store bound to a host's transaction). */
  withStore(store: Store): RunService {
    return new RunService(store, this.jobs.withStore(store), this.tasks, this.queues, this.audit?.withStore(store));
  }

  async create(jobId: string, input: RunInput = {}, by?: ActorContext): Promise<Run> {
    if (input.tx) {
      const { tx, ...rest } = input;
      return this.withStore(await this.store.within(tx)).create(jobId, rest, by);
    }
    const job = await this.jobs.get(jobId);
    const task = this.tasks.get(job.task);
    const queue = this.queues.check(input.queue ?? job.defaultQueue);
    const title = input.title?.trim() || 'Manual run';
    if (title.length > TITLE_MAX) {
      throw new ValidationError('The run is not valid.', [fieldError('title', `At most ${TITLE_MAX} characters.`)]);
    }
    const saved = job.customArgs ?? job.args;
    // A seed-shaped client may put `since` inside args; fields the task does not declare are refused.
    const lifted = liftSince(task, input.args === undefined ? undefined : parseJsonObject(input.args, 'args'));
    const customArgs =
      input.customArgs === undefined
        ? undefined
        : input.customArgs === null || input.customArgs === ''
          ? null
          : parseJsonObject(input.customArgs, 'custom_args');
    refuseUnknownFields(task, lifted.args, 'args');
    refuseUnknownFields(task, customArgs, 'custom_args');
    const overrides = this.#overrides(task, job, lifted.args, customArgs);
    const resolved = resolveRunArgs({
      task,
      jobArgs: {},
      jobCustomArgs: job.customArgs,
      args: overrides.args,
      customArgs: overrides.customArgs,
    });
    const defaultSince = (await this.store.runLastSuccess(job.id))?.startedAt ?? null;
    const since = parseSince(input.since ?? lifted.since) ?? defaultSince;
    if (by?.role !== undefined && by.role !== 'admin') {
      // An operator may run what an admin saved, changing only what the task allows.
      const changed = changedArgFields(task, saved, resolved.args);
      if (since?.getTime() !== defaultSince?.getTime()) changed.push('since');
      checkOperatorChanges(task, changed);
    }
    const run = await this.store.runCreate({
      jobId: job.id,
      task: task.id,
      title,
      queue,
      args: resolved.args,
      customArgs: resolved.customArgs,
      since,
      startedBy: input.startedBy ?? by?.actor ?? 'cli',
      maxAttempts: job.maxAttempts ?? 1,
    });
    await this.audit?.record(by?.actor ?? run.startedBy, 'run.create', {
      jobId: job.id,
      runId: run.id,
      requestId: by?.requestId,
      details: {
        title: run.title,
        queue: run.queue,
        args: maskSecretArgs(task, run.args),
        custom_args: maskSecretArgs(task, run.customArgs),
        since: run.since?.toISOString() ?? null,
        ...(overrides.dropped.length && { secrets_dropped: overrides.dropped }),
      },
    });
    return run;
  }

  /**
   * The run's arguments as given, made whole: form args laid over the saved ones, with secrets
   * ("set", or inherited from the saved args) kept only while their destination is unchanged.
   */
  #overrides(
    task: AnyTask,
    job: Job,
    args: JsonObject | undefined,
    custom: JsonObject | null | undefined,
  ): { args: JsonObject | undefined; customArgs: JsonObject | null | undefined; dropped: string[] } {
    const saved = job.customArgs ?? job.args;
    const dropped: string[] = [];
    const restore = (value: JsonObject) => {
      const restored = restoreSecretArgs(task, value, saved);
      dropped.push(...restored.dropped);
      return restored.args;
    };
    return {
      args: restore({ ...maskSecretArgs(task, job.args), ...args }),
      customArgs: custom ? restore(custom) : custom,
      dropped,
    };
  }

  async get(id: number, jobId?: string): Promise<Run> {
    const run = Number.isSafeInteger(id) ? await this.store.runGet(id) : undefined;
    if (!run || (jobId !== undefined && run.jobId !== jobId)) {
      throw new NotFoundError(`Run with ID ${id} does not exist${jobId ? ` in job ${jobId}` : ''}.`);
    }
    return run;
  }

  /** The latest run of each job (one query for a whole page of jobs); jobs never run are absent. */
  lastOf(jobIds: readonly string[]): Promise<Map<string, Run>> {
    return this.store.runsLastOf(jobIds);
  }

  async list(query: RunListQuery = {}): Promise<Page<Run> & { page: number; size: number }> {
    const page = Math.max(1, Math.trunc(query.page ?? 1));
    const size = pageSize(query.size);
    const statuses = query.status === undefined ? undefined : parseStatuses(query.status);
    if (query.jobId) await this.jobs.get(query.jobId);
    const result = await this.store.runList({
      jobId: query.jobId,
      q: query.q?.trim() || undefined,
      statuses,
      queue: query.queue,
      task: query.task,
      parentRunId: query.parentRunId,
      includeSubRuns: query.includeSubRuns,
      limit: size,
      offset: (page - 1) * size,
    });
    return { ...result, page, size };
  }

  /**
   * Stops a run: a queued run is CANCELLED at once; a running one becomes CANCELLING and the
   * worker holding it, on whatever machine, aborts its signal.
   */
  async stop(id: number, jobId?: string, by: ActorContext = { actor: 'system' }): Promise<Run> {
    const stopped = await this.#stop(id, jobId);
    await this.audit?.record(by.actor, 'run.stop', {
      jobId: stopped.jobId,
      runId: id,
      requestId: by.requestId,
      details: { status: stopped.status },
    });
    return stopped;
  }

  async #stop(id: number, jobId?: string): Promise<Run> {
    const run = await this.get(id, jobId);
    if (isFinalStatus(run.status)) {
      throw new InvalidStateError(`Run ${id} has already finished (${run.status}); it cannot be stopped.`);
    }
    if (run.status === 'CANCELLING') return run;
    if (run.status === 'QUEUED') {
      const cancelled = await this.store.runTransition(id, 'CANCELLED', 'Stopped before it started.');
      if (cancelled) return cancelled;
    }
    // A parent waiting for its sub-runs has no code running: it ends now.
    const stopped =
      run.status === 'WAITING'
        ? await this.store.runTransition(id, 'CANCELLED', 'Stopped while waiting for its sub-runs.')
        : await this.store.runTransition(id, 'CANCELLING');
    // The parent first: a parent that no longer runs cannot create sub-runs after this.
    if (stopped && run.parentRunId === null) {
      await this.store.subRunsStop(id, `Stopped with its parent run ${id}.`);
    }
    // Between our read and the write the run may have ended, or been stopped by someone else.
    return stopped ?? this.stopRaced(id, jobId);
  }

  private async stopRaced(id: number, jobId?: string): Promise<Run> {
    let run = await this.get(id, jobId);
    // A worker gave the run back to the queue meanwhile (it had not started it): cancel it there.
    for (let attempt = 0; run.status === 'QUEUED' && attempt < 3; attempt += 1) {
      run =
        (await this.store.runTransition(id, 'CANCELLED', 'Stopped before it started.')) ?? (await this.get(id, jobId));
    }
    if (isFinalStatus(run.status) && run.status !== 'CANCELLED') {
      throw new InvalidStateError(`Run ${id} has already finished (${run.status}); it cannot be stopped.`);
    }
    return run;
  }

  /**
   * Deletes an ended run with its log and its sub-runs (and theirs); refused while the run or one
   * of its sub-runs is queued, running or waiting. Audited.
   */
  async delete(id: number, jobId?: string, by: ActorContext = { actor: 'system' }): Promise<void> {
    const run = await this.get(id, jobId);
    const result = await this.store.runDelete(id);
    if (result === 'missing') throw new NotFoundError(`Run with ID ${id} does not exist.`);
    if (result === 'active') {
      throw new ConflictError(
        `Run ${id} or one of its sub-runs is queued or running; stop it (or wait for it to end) before deleting it.`,
      );
    }
    await this.audit?.record(by.actor, 'run.delete', {
      jobId: run.jobId,
      runId: id,
      requestId: by.requestId,
      details: { title: run.title, status: run.status, sub_runs: run.subRuns.total },
    });
  }

  /** Resolves with the run once it is in a final state. */
  async waitForEnd(id: number, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<Run> {
    const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    let wake: () => void = () => undefined;
    // A parent ends in the same transaction as its last sub-run, announced under the child's id.
    let family = false;
    const unsubscribe = this.store.subscribe((event) => {
      if (
        event.type === 'external' ||
        (event.type === 'changed' && (family || !event.runIds || event.runIds.includes(id)))
      )
        wake();
    });
    try {
      await this.store.listening();
      for (;;) {
        const run = await this.get(id);
        if (isFinalStatus(run.status)) return run;
        family = run.subRuns.total > 0 || run.status === 'WAITING';
        const left = deadline - Date.now();
        if (left <= 0) throw new InvalidStateError(`Run ${id} is still ${run.status} after ${options.timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, options.pollMs ?? 1000));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    } finally {
      unsubscribe();
    }
  }

  async logs(runId: number, query: LogListQuery = {}): Promise<LogLine[]> {
    await this.get(runId);
    const size = Math.min(LOG_PAGE_MAX, Math.max(1, Math.trunc(query.size ?? 100)));
    return this.store.logList(runId, {
      after: query.after,
      through: query.through,
      limit: size,
      levels: query.level === undefined ? undefined : levelsFrom(query.level),
      q: query.q?.trim() || undefined,
    });
  }
}

function parseSince(value: RunInput['since']): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : parseDateTime(value);
  if (!date || Number.isNaN(date.getTime())) {
    throw new ValidationError('since is not a valid time.', [
      fieldError('since', `"${String(value)}" is not a date-time; use ISO 8601, e.g. 2026-01-31T08:00:00Z.`),
    ]);
  }
  return date;
}

function parseStatuses(value: string | string[]): RunStatus[] {
  const list = (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim().toUpperCase()).filter(Boolean);
  const bad = list.filter((s) => !isRunStatus(s));
  if (bad.length) {
    throw new ValidationError('Unknown run status.', [
      fieldError('status', `Unknown status ${bad.join(', ')}. Known: ${RUN_STATUSES.join(', ')}.`),
    ]);
  }
  return list as RunStatus[];
}

function levelsFrom(level: string): LogLevel[] {
  const index = LOG_LEVELS.indexOf(level.toLowerCase() as LogLevel);
  if (index < 0) {
    throw new ValidationError('Unknown log level.', [
      fieldError('level', `Unknown level "${level}". Known: ${LOG_LEVELS.join(', ')}.`),
    ]);
  }
  return LOG_LEVELS.slice(index);
}
