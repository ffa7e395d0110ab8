import { ValidationError, fieldError } from '../domain/errors.js';
import type { Job, JsonObject, Run } from '../domain/model.js';
import { changedArgFields, checkOperatorChanges } from '../domain/arg-rights.js';
import { maskSecretArgs, restoreSecretArgs } from '../domain/secret-args.js';
import type { AnyTask } from '../domain/task.js';
import { parseJsonObject, resolveRunArgs } from '../domain/run-args.js';
import { liftSince, refuseUnknownFields } from '../domain/seed-args.js';
import { parseDateTime } from '../domain/date-time.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { Store } from '../storage/store.js';
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

/** What creating a run reads and writes (the run service's collaborators). */
export interface RunCreationDeps {
  store: Store;
  jobs: JobService;
  tasks: TaskRegistry;
  queues: QueueRegistry;
  audit?: AuditService | undefined;
}

/**
 * Creates a run of a job (manual, or the scheduler's): the title, queue and arguments checked,
 * form arguments laid over the saved ones, `since` defaulted to the last success, an operator's
 * changes limited to what the task allows, the creation audited. `input.tx` is the caller's
 * business (RunService.create binds the store to it).
 */
export async function createRun(
  deps: RunCreationDeps,
  jobId: string,
  input: RunInput,
  by: ActorContext | undefined,
): Promise<Run> {
  const job = await deps.jobs.get(jobId);
  const task = deps.tasks.get(job.task);
  const queue = deps.queues.check(input.queue ?? job.defaultQueue);
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
  const overrides = argOverrides(task, job, lifted.args, customArgs);
  const resolved = resolveRunArgs({
    task,
    jobArgs: {},
    jobCustomArgs: job.customArgs,
    args: overrides.args,
    customArgs: overrides.customArgs,
  });
  const defaultSince = (await deps.store.runLastSuccess(job.id))?.startedAt ?? null;
  const since = parseSince(input.since ?? lifted.since) ?? defaultSince;
  if (by?.role !== undefined && by.role !== 'admin') {
    // An operator may run what an admin saved, changing only what the task allows.
    const changed = changedArgFields(task, saved, resolved.args);
    if (since?.getTime() !== defaultSince?.getTime()) changed.push('since');
    checkOperatorChanges(task, changed);
  }
  const run = await deps.store.runCreate({
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
  await deps.audit?.record(by?.actor ?? run.startedBy, 'run.create', {
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
