import { ConflictError, ValidationError, fieldError } from '../domain/errors.js';
import type { Job, JsonObject, Run } from '../domain/model.js';
import { changedArgFields, checkOperatorChanges } from '../domain/arg-rights.js';
import { maskSecretArgs, restoreSecretArgs } from '../domain/secret-args.js';
import type { AnyTask } from '../domain/task.js';
import { parseJsonObject, resolveRunArgs } from '../domain/run-args.js';
import { liftSince, refuseUnknownFields } from '../domain/seed-args.js';
import { parseDateTime } from '../domain/date-time.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { JobBasis, NewRun, Store } from '../storage/store.js';
import type { ActorContext, JobService } from './job-service.js';
import { runTitle } from '../domain/run-contract.js';
import type { AuditService } from './audit-service.js';
import type { QueueRegistry } from './queue-registry.js';
import type { HostTransaction } from '../storage/host-connection.js';
import type { RecentJobs } from './recent-jobs.js';

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

/** What creating a run reads and writes (the run service's collaborators). */
export interface RunCreationDeps {
  store: Store;
  jobs: JobService;
  tasks: TaskRegistry;
  queues: QueueRegistry;
  audit?: AuditService | undefined;
  /** Jobs read lately: a run of one needs no read before its insert. */
  recentJobs?: RecentJobs | undefined;
}

/** Reads of a job that changed each time before its run could be inserted. */
const MAX_FRESH_READS = 3;

/**
 * Creates a run of a job (manual, or the scheduler's): the title, queue and arguments checked,
 * form arguments laid over the saved ones, `since` defaulted to the last success, an operator's
 * changes limited to what the task allows, the creation audited. `input.tx` is the caller's
 * business (RunService.create binds the store to it).
 *
 * Enqueue → start latency is mostly round trips: a job read lately is not read again, and the
 * last success is read by the insert itself. The insert happens only while the job still has the
 * values the run was prepared from; otherwise (or when the remembered job refused the run) the
 * job is read afresh and decides.
 */
export async function createRun(
  deps: RunCreationDeps,
  jobId: string,
  input: RunInput,
  by: ActorContext | undefined,
): Promise<Run> {
  const remembered = deps.recentJobs?.get(jobId);
  const early = remembered && prepareQuietly(deps, remembered, input, by);
  if (remembered && early) {
    const run = await deps.store.runCreateFromJob(early.run, basisOf(remembered));
    if (run) return audited(deps, early, run, by);
    deps.recentJobs?.forget(jobId);
  }
  for (let read = 1; ; read++) {
    const job = await deps.jobs.get(jobId);
    const prepared =
      prepareRun(deps, job, input, by, undefined) ??
      prepareRun(deps, job, input, by, (await deps.store.runLastSuccess(jobId))?.startedAt ?? null)!;
    const run = await deps.store.runCreateFromJob(prepared.run, basisOf(job));
    if (run) {
      deps.recentJobs?.remember(job);
      return audited(deps, prepared, run, by);
    }
    if (read === MAX_FRESH_READS) {
      throw new ConflictError('The job changed while its run was being created; try again.');
    }
  }
}

interface PreparedRun {
  run: NewRun;
  task: AnyTask;
  /** Secret arguments dropped because their destination changed. */
  dropped: string[];
}

/**
 * The run the job and the input make, checked (throws what refuses it). `defaultSince`: the start
 * of the last success, or undefined when not read; an operator's own `since` must be compared to
 * it, so then the answer is undefined (read it and prepare again).
 */
function prepareRun(
  deps: RunCreationDeps,
  job: Job,
  input: RunInput,
  by: ActorContext | undefined,
  defaultSince: Date | null | undefined,
): PreparedRun | undefined {
  const task = deps.tasks.get(job.task);
  const queue = deps.queues.check(input.queue ?? job.defaultQueue);
  const title = runTitle(input.title);
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
  const overrides = argOverrides(task, job, lifted.args, customArgs);
  const resolved = resolveRunArgs({
    task,
    jobArgs: {},
    jobCustomArgs: job.customArgs,
    args: overrides.args,
    customArgs: overrides.customArgs,
  });
  const since = parseSince(input.since ?? lifted.since);
  if (by?.role !== undefined && by.role !== 'admin') {
    // An operator may run what an admin saved, changing only what the task allows.
    const changed = changedArgFields(task, saved, resolved.args);
    if (since) {
      if (defaultSince === undefined) return undefined;
      if (since.getTime() !== defaultSince?.getTime()) changed.push('since');
    }
    checkOperatorChanges(task, changed);
  }
  const run: NewRun = {
    jobId: job.id,
    task: task.id,
    title,
    queue,
    args: resolved.args,
    customArgs: resolved.customArgs,
    // None given: the start of the last success, read by the insert.
    since: since ?? null,
    startedBy: input.startedBy ?? by?.actor ?? 'cli',
    maxAttempts: job.maxAttempts ?? 1,
  };
  return { run, task, dropped: overrides.dropped };
}

/** `prepareRun` from a remembered job: whatever it refuses is decided again from a fresh read. */
function prepareQuietly(
  deps: RunCreationDeps,
  job: Job,
  input: RunInput,
  by: ActorContext | undefined,
): PreparedRun | undefined {
  try {
    return prepareRun(deps, job, input, by, undefined);
  } catch {
    return undefined;
  }
}

function basisOf(job: Job): JobBasis {
  const { task, defaultQueue, args, customArgs } = job;
  return { task, defaultQueue, args, customArgs, maxAttempts: job.maxAttempts ?? 1 };
}

async function audited(
  deps: RunCreationDeps,
  { task, dropped }: PreparedRun,
  run: Run,
  by: ActorContext | undefined,
): Promise<Run> {
  await deps.audit?.record(by?.actor ?? run.startedBy, 'run.create', {
    jobId: run.jobId,
    runId: run.id,
    requestId: by?.requestId,
    details: {
      title: run.title,
      queue: run.queue,
      args: maskSecretArgs(task, run.args),
      custom_args: maskSecretArgs(task, run.customArgs),
      since: run.since?.toISOString() ?? null,
      ...(dropped.length && { secrets_dropped: dropped }),
    },
  });
  return run;
}

/**
 * The run's arguments as given, made whole: form args laid over the saved ones, with secrets
 * ("set", or inherited from the saved args) kept only while their destination is unchanged.
 */
function argOverrides(
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
