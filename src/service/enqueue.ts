import type { z } from 'zod';
import { ValidationError, fieldError } from '../domain/errors.js';
import type { JsonObject, Run } from '../domain/model.js';
import type { ArgsSchema, Task } from '../domain/task.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { HostTransaction } from '../storage/host-connection.js';
import type { Store } from '../storage/store.js';
import { JobDefinitions } from './job-definitions.js';
import type { JobService } from './job-service.js';
import type { RunService } from './run-service.js';

export interface EnqueueOptions {
  /**
   * The host program's open transaction (PostgreSQL): the run (and the task's job, the first
   * time) is written in it, and workers are woken when it commits; a rollback leaves nothing.
   * A `pg` client after BEGIN, or a Kysely transaction.
   */
  tx?: HostTransaction | undefined;
  /** Key of the job the run belongs to (its saved arguments underlie `args`); default: the task's own job. */
  job?: string | undefined;
  /** Default: the job's queue. */
  queue?: string | undefined;
  /** Default: the task's title. */
  title?: string | undefined;
  /** Process only what changed after this time; default: start of the job's last successful run. */
  since?: Date | string | null | undefined;
  /** Who asked, shown on the run (default "code"). */
  startedBy?: string | undefined;
}

/** `deck.enqueue`: arguments typed by the task's schema (its input side: defaults may be left out). */
export interface Enqueue {
  <S extends ArgsSchema>(task: Task<S>, args: z.input<S>, options?: EnqueueOptions): Promise<Run>;
  (taskId: string, args?: JsonObject, options?: EnqueueOptions): Promise<Run>;
}

interface EnqueueDeps {
  store: Store;
  registry: TaskRegistry;
  jobs: JobService;
  runs: RunService;
}

export function createEnqueue(deps: EnqueueDeps): Enqueue {
  return (async (task: Task | string, args: unknown = {}, options: EnqueueOptions = {}) => {
    const definition = deps.registry.get(typeof task === 'string' ? task : task.id);
    const store = options.tx ? await deps.store.within(options.tx) : undefined;
    const jobs = store ? deps.jobs.withStore(store) : deps.jobs;
    const runs = store ? deps.runs.withStore(store) : deps.runs;
    const job = options.job
      ? await jobs.getByKey(options.job)
      : await new JobDefinitions(jobs, deps.registry).forTask(definition);
    if (job.task !== definition.id) {
      throw new ValidationError(`Job "${options.job}" runs task "${job.task}", not "${definition.id}".`, [
        fieldError('job', `The job runs task "${job.task}".`),
      ]);
    }
    return runs.create(job.id, {
      args,
      queue: options.queue,
      title: options.title ?? definition.title,
      since: options.since,
      startedBy: options.startedBy ?? 'code',
    });
  }) as Enqueue;
}
