import { ConflictError, InvalidStateError, NotFoundError, ValidationError, fieldError } from '../domain/errors.js';
import { LOG_LEVELS, type LogLevel, type LogLine, type Run } from '../domain/model.js';
import { RUN_STATUSES, isFinalStatus, isRunStatus, type RunStatus } from '../domain/run-status.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { Page, Store } from '../storage/store.js';
import { pageSize } from '../domain/paging.js';
import type { ActorContext, JobService } from './job-service.js';
import type { AuditService } from './audit-service.js';
import type { QueueRegistry } from './queue-registry.js';
import { createRun, type RunInput } from './run-creation.js';
import { RecentJobs } from './recent-jobs.js';

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
    /** Shared with the services `withStore` makes: the insert checks a remembered job anyway. */
    private readonly recentJobs = new RecentJobs(),
  ) {}

  /** The same service over another store (a store bound to a host's transaction). */
  withStore(store: Store): RunService {
    const { tasks, queues, recentJobs } = this;
    return new RunService(store, this.jobs.withStore(store), tasks, queues, this.audit?.withStore(store), recentJobs);
  }

  async create(jobId: string, input: RunInput = {}, by?: ActorContext): Promise<Run> {
    if (input.tx) {
      const { tx, ...rest } = input;
      return this.withStore(await this.store.within(tx)).create(jobId, rest, by);
    }
    const { store, jobs, tasks, queues, audit, recentJobs } = this;
    return createRun({ store, jobs, tasks, queues, audit, recentJobs }, jobId, input, by);
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
      throw new ConflictError(`Run ${id} has already finished (${run.status}); it cannot be stopped.`);
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
      throw new ConflictError(`Run ${id} has already finished (${run.status}); it cannot be stopped.`);
    }
    return run;
  }

  /**
   * Deletes an ended run with its log and its sub-runs (and theirs); refused while the run, one
   * of its sub-runs or its parent is queued, running or waiting (the parent's counters count
   * its sub-runs). Audited.
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
    if (result === 'parent_active') {
      throw new ConflictError(
        `Run ${id} is a sub-run of run ${run.parentRunId}, which is still active; delete the sub-run (or the whole family) once run ${run.parentRunId} has ended.`,
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
