import type { Job, Run } from '../domain/model.js';
import type { AnyTask } from '../domain/task.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { RunOutcome, Store } from '../storage/store.js';
import type { JobCache } from './job-cache.js';
import { workerOutcome } from './run-completer.js';
import { executeRun, type ExecutionEnv } from './run-executor.js';
import { isolatedTask } from './isolated-task.js';
import type { MaybePromise } from './maybe-promise.js';
import type { RunAbort } from './run-abort.js';
import { withDeadline } from './run-deadline.js';
import { withRetryDecision } from './run-retry.js';
import { retrying } from './retrying.js';
import { isDatabaseUnavailable } from '../storage/unavailable.js';

export interface ClaimedRunDeps extends ExecutionEnv {
  store: Store;
  tasks: TaskRegistry;
  jobs: JobCache;
  /** After an abort, how long a task may take to return before the run ends without it. */
  abortGraceMs: number;
  /** Where isolated tasks' child processes find custom tasks (see isolated-task.ts). */
  tasksModule?: string | undefined;
}

/**
 * Finds what a claimed run needs (its task and job) and executes it; never throws. The usual
 * short run of a job read a moment ago ends without a promise when its task returns at once
 * (see maybe-promise.ts).
 */
export function executeClaimedRun(run: Run, abort: RunAbort, deps: ClaimedRunDeps): MaybePromise<RunOutcome> {
  const task = deps.tasks.find(run.task);
  if (!task) {
    return failed(
      run,
      deps,
      `Task "${run.task}" is not registered in worker ${deps.workerId}. ${deps.tasks.describeKnown()}`,
    );
  }
  // The usual first attempt of a run whose job was read a moment ago goes on without waiting.
  const job = run.attempt === 1 ? deps.jobs.peek(run.jobId) : undefined;
  return job ? executeWithJob(run, abort, deps, task, job, 1) : readJobAndExecute(run, abort, deps, task);
}

async function readJobAndExecute(run: Run, abort: RunAbort, deps: ClaimedRunDeps, task: AnyTask): Promise<RunOutcome> {
  let job: Job | undefined;
  let firstSeq = 1;
  try {
    // A database restart at this moment delays the run rather than failing it.
    await retrying(
      async () => {
        job = await deps.jobs.get(run.jobId);
        // A retried run continues the numbering of its earlier attempts' log lines.
        if (run.attempt > 1) firstSeq = (await deps.store.logMaxSeq(run.id)) + 1;
      },
      undefined,
      12,
      isDatabaseUnavailable,
    );
  } catch (error) {
    return failed(run, deps, `Could not read job ${run.jobId}: ${String(error)}`);
  }
  if (!job) return failed(run, deps, `Job ${run.jobId} no longer exists.`);
  return executeWithJob(run, abort, deps, task, job, firstSeq);
}

function executeWithJob(
  run: Run,
  abort: RunAbort,
  deps: ClaimedRunDeps,
  task: AnyTask,
  job: Job,
  firstSeq: number,
): MaybePromise<RunOutcome> {
  const runnable = task.isolate
    ? isolatedTask(task, { killGraceMs: deps.abortGraceMs, tasksModule: deps.tasksModule })
    : task;
  const deadline = {
    timeoutSeconds: job.timeoutSeconds ?? task.timeout ?? null,
    graceMs: deps.abortGraceMs,
    workerId: deps.workerId,
  };
  let attemptAbort = abort;
  const outcome = withDeadline(run, abort, deadline, (a) => {
    attemptAbort = a;
    return executeRun(run, job, runnable, a, deps, firstSeq);
  });
  return outcome instanceof Promise
    ? outcome.then((ended) => withRetryDecision(ended, run, job, attemptAbort))
    : withRetryDecision(outcome, run, job, attemptAbort);
}

function failed(run: Run, deps: ClaimedRunDeps, message: string): RunOutcome {
  return workerOutcome(run, deps.workerId, 'FAILED', message);
}
