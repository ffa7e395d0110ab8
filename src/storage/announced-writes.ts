import type { Job, Run, RunProgress } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';
import * as access from './access-queries.js';
import * as attempts from './attempt-queries.js';
import * as jobs from './job-queries.js';
import type { QueryContext } from './job-queries.js';
import type { Notifier } from './notifier.js';
import type { PreparedRunStatements } from './prepared-run-statements.js';
import * as family from './run-family-queries.js';
import * as lifecycle from './run-lifecycle-queries.js';
import * as runs from './run-queries.js';
import { toJson } from './rows.js';
import type { JobBasis, JobChanges, NewRun, RunOutcome } from './store.js';

// The Store's writes that other processes wait for (workers, listeners): each writes, then
// announces the change once it is committed (see notifier.ts). KyselyStore delegates to them.

export async function jobCreate(ctx: QueryContext, notifier: Notifier, job: Job) {
  const created = await jobs.jobCreate(ctx, job);
  await notifier.publish({ type: 'job', action: 'created', jobId: created.id });
  return created;
}

export async function jobUpdate(ctx: QueryContext, notifier: Notifier, id: string, changes: JobChanges) {
  const job = await jobs.jobUpdate(ctx, id, changes);
  if (job) await notifier.publish({ type: 'job', action: 'updated', jobId: id });
  return job;
}

export async function jobDelete(ctx: QueryContext, notifier: Notifier, id: string) {
  const deleted = await jobs.jobDelete(ctx, id);
  if (deleted) await notifier.publish({ type: 'job', action: 'deleted', jobId: id });
  return deleted;
}

export async function runCreate(
  ctx: QueryContext,
  notifier: Notifier,
  prepared: PreparedRunStatements | undefined,
  input: NewRun,
): Promise<Run> {
  // Prepared, the statement announces the run itself.
  if (prepared) return prepared.create(input, ctx.now());
  const run = await runs.runCreate(ctx, input);
  await notifier.publish({ type: 'queued', queue: run.queue, runId: run.id, jobId: run.jobId });
  return run;
}

export async function runCreateFromJob(
  ctx: QueryContext,
  notifier: Notifier,
  prepared: PreparedRunStatements | undefined,
  input: NewRun,
  basis: JobBasis,
): Promise<Run | undefined> {
  if (prepared) return prepared.createFromJob(input, basis, ctx.now());
  // Reads, then the insert, as run creation did before (SQLite: local calls, no round trips).
  const job = await jobs.jobGet(ctx, input.jobId);
  if (!job || !sameBasis(job, basis)) return undefined;
  const since = input.since ?? (await runs.runLastSuccess(ctx, input.jobId))?.startedAt ?? null;
  return runCreate(ctx, notifier, prepared, { ...input, since });
}

/** The job still has the values the run was prepared from (JSON compared as written). */
function sameBasis(job: Job, basis: JobBasis): boolean {
  return (
    job.task === basis.task &&
    job.defaultQueue === basis.defaultQueue &&
    (job.maxAttempts ?? 1) === basis.maxAttempts &&
    toJson(job.args) === toJson(basis.args) &&
    toJson(job.customArgs) === toJson(basis.customArgs)
  );
}

export async function runsCreate(ctx: QueryContext, notifier: Notifier, inputs: NewRun[]): Promise<number> {
  const count = await runs.runsCreate(ctx, inputs);
  for (const queue of new Set(inputs.map((run) => run.queue))) {
    await notifier.publish({ type: 'queued', queue });
  }
  return count;
}

export async function subRunsCreate(
  ctx: QueryContext,
  notifier: Notifier,
  parentId: number,
  inputs: NewRun[],
  failRatio?: number | null,
): Promise<number | undefined> {
  const count = await family.subRunsCreate(ctx, parentId, inputs, failRatio);
  if (count !== undefined) {
    for (const queue of new Set(inputs.map((run) => run.queue))) {
      await notifier.publish({ type: 'queued', queue });
    }
    await notifier.publish({ type: 'progress', runId: parentId });
  }
  return count;
}

export async function subRunsStop(ctx: QueryContext, notifier: Notifier, parentId: number, message: string) {
  const stopped = await family.subRunsStop(ctx, parentId, message);
  // Workers holding the running ones find the stop on their next check; listeners refetch.
  if (stopped.cancelled + stopped.cancelling > 0) await notifier.publish({ type: 'changed' });
  return stopped;
}

export async function runDelete(ctx: QueryContext, notifier: Notifier, id: number) {
  const result = await family.runDelete(ctx, id);
  if (result === 'deleted') await notifier.publish({ type: 'changed', runIds: [id] });
  return result;
}

export async function runsFinish(
  ctx: QueryContext,
  notifier: Notifier,
  prepared: PreparedRunStatements | undefined,
  outcomes: RunOutcome[],
): Promise<number[]> {
  // Prepared, the statement announces the change itself.
  if (prepared) return prepared.finish(outcomes, ctx.now());
  const ids = await lifecycle.runsFinish(ctx, outcomes);
  // Failing to announce must not make committed final states look unwritten: listeners that
  // missed it catch up on their fallback poll.
  if (ids.length) void notifier.publish({ type: 'changed', runIds: ids }).catch(() => undefined);
  return ids;
}

export async function runTransition(
  ctx: QueryContext,
  notifier: Notifier,
  id: number,
  to: RunStatus,
  message?: string | null,
) {
  const run = await lifecycle.runTransition(ctx, id, to, message);
  if (run) {
    await notifier.publish(to === 'CANCELLING' ? { type: 'cancel', runId: id } : { type: 'changed', runIds: [id] });
    if (to === 'QUEUED') await notifier.publish({ type: 'queued', queue: run.queue });
  }
  return run;
}

export async function runProgress(ctx: QueryContext, notifier: Notifier, id: number, progress: Partial<RunProgress>) {
  await lifecycle.runProgress(ctx, id, progress);
  await notifier.publish({ type: 'progress', runId: id });
}

export async function runsRelease(
  ctx: QueryContext,
  notifier: Notifier,
  ids: number[],
  workerId: string,
): Promise<number[]> {
  const released = await lifecycle.runsRelease(ctx, ids, workerId);
  for (const queue of released.queues) await notifier.publish({ type: 'queued', queue });
  if (released.cancelled.length) await notifier.publish({ type: 'changed', runIds: released.cancelled });
  return released.ids;
}

export async function runsRescue(ctx: QueryContext, notifier: Notifier, leaseMs: number): Promise<Run[]> {
  const rescued = await attempts.runsRescue(ctx, leaseMs);
  if (rescued.length) await notifier.publish({ type: 'changed', runIds: rescued.map((run) => run.id) });
  for (const queue of new Set(rescued.filter((r) => r.status === 'QUEUED').map((r) => r.queue))) {
    await notifier.publish({ type: 'queued', queue });
  }
  return rescued;
}

export async function runRetry(
  ctx: QueryContext,
  notifier: Notifier,
  outcome: RunOutcome,
  availableAt: Date,
): Promise<Run | undefined> {
  const run = await attempts.runRetry(ctx, outcome, availableAt.getTime());
  if (run) {
    await notifier.publish({ type: 'changed', runIds: [run.id] });
    await notifier.publish({ type: 'queued', queue: run.queue });
  }
  return run;
}

export async function queueSetPaused(
  ctx: QueryContext,
  notifier: Notifier,
  name: string,
  paused: boolean,
): Promise<void> {
  await access.queueSetPaused(ctx, name, paused);
  // Workers sleep while nothing they may claim is queued: a resumed queue may have a backlog.
  if (!paused) await notifier.publish({ type: 'queued', queue: name });
}
