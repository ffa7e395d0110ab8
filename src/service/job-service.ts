import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import { isDeepStrictEqual } from 'node:util';
import type { Job, JsonObject } from '../domain/model.js';
import { firstFireTime } from '../domain/schedule-times.js';
import { parseJsonObject } from '../domain/run-args.js';
import type { AnyTask } from '../domain/task.js';
import { pageSize } from '../domain/paging.js';
import { JOB_DEFAULTS, PLAIN_DEFAULTS, type JobFieldsInput } from '../domain/job-contract.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { JobChanges, JobSort, Page, Store } from '../storage/store.js';
import type { QueueRegistry } from './queue-registry.js';
import { fieldDiff, type AuditService } from './audit-service.js';
import { jobToWire, type WireView } from '../wire/wire.js';
import type { Role } from '../domain/access.js';
import { restoreSecretArgs } from '../domain/secret-args.js';
import { JobValidator, refuseManagedChanges } from './job-validation.js';
import { keepWebhookSecrets } from '../notifications/settings.js';

/**
 * A job as a program gives it (the fields of domain/job-contract.ts by their camelCase names).
 * Values may be loose where text is allowed: JSON text for args, comma-separated lists, numbers
 * as text; the contract and the service check them.
 */
export interface JobInput extends JobFieldsInput {
  title: string;
  task: string;
}

/** A change: only the fields given, as loose as a `JobInput`'s. */
export type JobPatch = JobFieldsInput;

/** How a job is saved by code (jobs declared in code, `jobs apply`) rather than by a person. */
export interface SaveOptions {
  /** The job's stable key (migration 0013). */
  key?: string | undefined;
  /** The fields (wire names) the host's code owns from now on; null: none. */
  managedFields?: string[] | null | undefined;
  /** Change fields the host's code manages (the code itself does). */
  asCode?: boolean | undefined;
}

/** Who asks for a change, for the audit log (and `started_by` of runs). */
export interface ActorContext {
  actor: string;
  requestId?: string | undefined;
  /** The caller's role; undefined for trusted callers (the CLI, the host program), who act as admins. */
  role?: Role | undefined;
}

const SYSTEM: ActorContext = { actor: 'system' };

export interface JobListQuery {
  q?: string | undefined;
  sort?: JobSort | undefined;
  active?: boolean | undefined;
  task?: string | undefined;
  queue?: string | undefined;
  page?: number | undefined;
  size?: number | undefined;
}

/** Jobs: create, read, change, delete (checks in job-validation.ts). Creating a job never runs it. */
export class JobService {
  readonly #validator: JobValidator;

  constructor(
    private readonly store: Store,
    private readonly tasks: TaskRegistry,
    private readonly queues: QueueRegistry,
    private readonly clock: () => number = Date.now,
    private readonly audit?: AuditService,
  ) {
    this.#validator = new JobValidator(tasks, queues);
  }

  /** Audit records show what admins may see: secrets as "set". */
  get #view(): WireView {
    return { tasks: this.tasks, role: 'admin' };
  }

  /** The same service over another store (a store bound to a host's transaction). */
  withStore(store: Store): JobService {
    return new JobService(store, this.tasks, this.queues, this.clock, this.audit?.withStore(store));
  }

  async create(input: JobInput, by: ActorContext = SYSTEM, options: SaveOptions = {}): Promise<Job> {
    const task = typeof input.task === 'string' ? this.tasks.find(input.task) : undefined;
    const fields = this.#validator.validate({ ...input, ...this.#restoreSecrets(task, input, null, null) }, true);
    const now = new Date(this.clock());
    const schedule = fields.schedule ?? null;
    const active = fields.active ?? JOB_DEFAULTS.active;
    const job = await this.store.jobCreate({
      ...PLAIN_DEFAULTS,
      ...fields,
      schedule,
      nextRunAt: active && schedule ? firstFireTime(schedule, now) : null,
      overlapPolicy: fields.overlapPolicy ?? JOB_DEFAULTS.overlapPolicy,
      misfirePolicy: fields.misfirePolicy ?? JOB_DEFAULTS.misfirePolicy,
      notificationEmails: fields.notificationEmails ?? [],
      notificationStatuses: fields.notificationStatuses ?? [],
      notificationWebhooks: keepWebhookSecrets(fields.notificationWebhooks ?? [], []),
      notifyRunningLongerThan: fields.notifyRunningLongerThan ?? null,
      historyAlerts: fields.historyAlerts ?? null,
      id: randomUUID(),
      title: fields.title!,
      description: fields.description ?? JOB_DEFAULTS.description,
      task: fields.task!,
      defaultQueue: fields.defaultQueue ?? this.queues.defaultName,
      active,
      args: fields.args ?? {},
      customArgs: fields.customArgs ?? null,
      key: options.key ?? null,
      managedFields: options.managedFields ?? null,
      created: now,
      updated: now,
    });
    await this.audit?.record(by.actor, 'job.create', {
      jobId: job.id,
      requestId: by.requestId,
      details: { after: jobToWire(job, this.#view) as unknown as JsonObject },
    });
    return job;
  }

  async get(id: string): Promise<Job> {
    const job = await this.store.jobGet(id);
    if (!job) throw notFound(id);
    return job;
  }

  /** The job with this key, if any. */
  findByKey(key: string): Promise<Job | undefined> {
    return this.store.jobGetByKey(key);
  }

  /** The job with this key (declared in code or applied from a file). */
  async getByKey(key: string): Promise<Job> {
    const job = await this.store.jobGetByKey(key);
    if (!job) throw new NotFoundError(`No job has the key "${key}".`);
    return job;
  }

  async list(query: JobListQuery = {}): Promise<Page<Job> & { page: number; size: number }> {
    const page = Math.max(1, Math.trunc(query.page ?? 1));
    const size = pageSize(query.size);
    const result = await this.store.jobList({
      q: query.q?.trim() || undefined,
      sort: query.sort,
      active: query.active,
      task: query.task,
      queue: query.queue,
      limit: size,
      offset: (page - 1) * size,
    });
    return { ...result, page, size };
  }

  async update(id: string, patch: JobPatch, by: ActorContext = SYSTEM, options: SaveOptions = {}): Promise<Job> {
    const current = await this.get(id);
    // Saved arguments are checked against the task the job will have after the change.
    const taskId = typeof patch.task === 'string' && patch.task ? patch.task : current.task;
    const sameTask = taskId === current.task;
    // Secrets sent back as "set" mean the stored ones (of the same task, for the same destination).
    const restored = this.#restoreSecrets(
      this.tasks.find(taskId),
      patch,
      sameTask ? current.args : null,
      sameTask ? current.customArgs : null,
    );
    const merged: JobPatch = {
      title: patch.title ?? current.title,
      task: patch.task ?? current.task,
      args: restored.args ?? (sameTask ? current.args : {}),
      customArgs: restored.customArgs === undefined ? current.customArgs : restored.customArgs,
    };
    const fields = this.#validator.validate({ ...patch, ...merged }, false, {
      args: patch.args !== undefined,
      customArgs: patch.customArgs !== undefined,
    });
    const changes: JobChanges = { ...fields };
    if (changes.notificationWebhooks) {
      changes.notificationWebhooks = keepWebhookSecrets(changes.notificationWebhooks, current.notificationWebhooks);
    }
    if (!options.asCode) refuseManagedChanges(current, changes);
    if (options.key !== undefined) changes.key = options.key;
    if (options.managedFields !== undefined) changes.managedFields = options.managedFields;
    // Saving the same schedule again keeps its slots; a new schedule or an activation starts afresh.
    const schedule = changes.schedule === undefined ? current.schedule : changes.schedule;
    const active = changes.active ?? current.active;
    const scheduleChanged = changes.schedule !== undefined && !isDeepStrictEqual(changes.schedule, current.schedule);
    if (scheduleChanged || active !== current.active) {
      changes.nextRunAt = active && schedule ? firstFireTime(schedule, new Date(this.clock())) : null;
    }
    const job = await this.store.jobUpdate(id, changes);
    if (!job) throw notFound(id);
    const { updated: _before, ...before } = jobToWire(current, this.#view);
    const { updated: _after, ...after } = jobToWire(job, this.#view);
    const diff = fieldDiff(before, after);
    if (Object.keys(diff).length) {
      await this.audit?.record(by.actor, 'job.update', { jobId: id, requestId: by.requestId, details: diff });
    }
    return job;
  }

  /** Deletes a job with its runs and logs; refused while one of its runs is queued or running. */
  async delete(id: string, by: ActorContext = SYSTEM): Promise<void> {
    const job = await this.get(id);
    if (await this.store.jobHasActiveRuns(id)) {
      throw new ConflictError(
        `Job ${id} has a queued or running run; stop it (or wait for it to end) before deleting the job.`,
      );
    }
    await this.store.jobDelete(id);
    await this.audit?.record(by.actor, 'job.delete', {
      jobId: id,
      requestId: by.requestId,
      details: { title: job.title },
    });
  }

  /** The given args and custom args with "set" secrets replaced by the stored values (or dropped). */
  #restoreSecrets(
    task: AnyTask | undefined,
    input: JobPatch,
    storedArgs: JsonObject | null,
    storedCustomArgs: JsonObject | null,
  ): Pick<JobInput, 'args' | 'customArgs'> {
    const restore = (value: unknown, field: string, stored: JsonObject | null) => {
      if (value === undefined || value === null || value === '') return value;
      try {
        return restoreSecretArgs(task, parseJsonObject(value, field), stored).args;
      } catch (error) {
        // Not a JSON object: #validate reports it along with the other fields' problems.
        if (error instanceof ValidationError) return value;
        throw error;
      }
    };
    return {
      args: restore(input.args, 'args', storedArgs),
      customArgs: restore(input.customArgs, 'custom_args', storedCustomArgs ?? storedArgs),
    };
  }
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`Job with ID ${id} does not exist.`);
}
