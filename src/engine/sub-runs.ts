import { InvalidStateError, ValidationError } from '../domain/errors.js';
import type { Job, JsonObject, Run } from '../domain/model.js';
import { validateTaskArgs } from '../domain/run-args.js';
import { subRunFailRatio, type SubRunItem, type SubRunOptions, type SubRuns } from '../domain/task.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { NewRun, Store } from '../storage/store.js';

/** Runs that created sub-runs in this attempt: they are not retried (see run-retry.ts). */
const parents = new WeakSet<Readonly<Run>>();

export function createdSubRuns(run: Readonly<Run>): boolean {
  return parents.has(run);
}

export type SubRunsFactory = (run: Readonly<Run>, job: Readonly<Job>) => SubRuns;

/** `ctx.subRuns` of the runs a worker executes. */
export function subRunsFactory(store: Store, tasks: TaskRegistry): SubRunsFactory {
  return (run, job) => ({
    async create(items: readonly SubRunItem[], options: SubRunOptions = {}): Promise<number> {
      if (run.parentRunId !== null) {
        throw new InvalidStateError(`Run ${run.id} is a sub-run: sub-runs cannot create sub-runs.`);
      }
      if (items.length === 0) return 0;
      const task = tasks.get(options.task ?? run.task);
      const queue = options.queue ?? run.queue;
      const runs: NewRun[] = items.map((item, index) => {
        const args = validateTaskArgs(task, (item.args ?? {}) as JsonObject, `items.${index}.args`);
        return {
          jobId: run.jobId,
          task: task.id,
          title: item.title?.trim() || `${run.title} #${index + 1}`,
          queue,
          args,
          customArgs: null,
          since: item.since === undefined ? run.since : item.since,
          startedBy: run.startedBy,
          maxAttempts: job.maxAttempts ?? 1,
          parentRunId: run.id,
        };
      });
      parents.add(run);
      // The parent's task decides how its sub-runs' failures end it (migration 0016).
      const failRatio = subRunFailRatio(tasks.find(run.task)?.subRuns?.failWhen);
      const created = await store.subRunsCreate(run.id, runs, failRatio);
      if (created === undefined) {
        throw new InvalidStateError(`Run ${run.id} is no longer running: its sub-runs were not created.`);
      }
      return created;
    },
  });
}

/** For runs whose context cannot reach the database (isolated tasks). */
export const NO_SUB_RUNS: SubRuns = {
  create() {
    return Promise.reject(new ValidationError('Sub-runs are not available to isolated tasks.'));
  },
};
