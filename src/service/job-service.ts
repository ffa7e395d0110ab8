import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError, fieldError, type FieldError } from '../domain/errors.js';
import { isDeepStrictEqual } from 'node:util';
import { MISFIRE_POLICIES, OVERLAP_POLICIES, type Job, type JsonObject } from '../domain/model.js';
import { firstFireTime } from '../domain/schedule-times.js';
import { parseSchedule } from '../domain/schedule-parse.js';
import { FINAL_STATUSES, isFinalStatus, isRunStatus, type RunStatus } from '../domain/run-status.js';
import { issuesToFieldErrors, parseJsonObject } from '../domain/run-args.js';
import type { AnyTask } from '../domain/task.js';
import { pageSize } from '../domain/paging.js';
import { DEFAULT_RETRY_POLICY, parseRetryPolicy } from '../domain/retry-policy.js';
import { parseHistoryAlerts } from '../domain/history-alerts.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { JobChanges, JobSort, Page, Store } from '../storage/store.js';
import type { QueueRegistry } from './queue-registry.js';
import { fieldDiff, type AuditService } from './audit-service.js';
import { jobToWire, type WireView } from '../wire/wire.js';
import type { Role } from '../domain/access.js';
import { restoreSecretArgs } from '../domain/secret-args.js';
import { wireNameOfChange } from './job-fields.js';
import { keepWebhookSecrets, parseThreshold, parseWebhooks } from '../notifications/settings.js';

export interface JobInput {
  title: string;
  description?: string | undefined;
  task: string;
  queue?: string | undefined;
  active?: boolean | undefined;
  /** Saved form arguments: an object or JSON text. */
  args?: unknown;
  /** Saved custom args (replace the form arguments): an object, JSON text, or null to clear. */
  customArgs?: unknown;
  /** An interval or crontab schedule (see domain/schedule.ts), or null for none. */
  schedule?: unknown;
  overlapPolicy?: string | undefined;
  misfirePolicy?: string | undefined;
  notificationEmails?: unknown;
  notificationStatuses?: unknown;
  /** `[{url, secret?}]`; a secret of "set" (as reads show it) keeps the stored one of that URL. */
  notificationWebhooks?: unknown;
  /** Seconds, or null (or 0) for never. */
  notifyRunningLongerThan?: unknown;
  /** `{slower_than_p95, p95_runs, after_failures}` or null (domain/history-alerts.ts). */
  historyAlerts?: unknown;
  /** Retries and timeout: see domain/retry-policy.ts. */
  maxAttempts?: unknown;
  timeoutSeconds?: unknown;
  retryBackoffSeconds?: unknown;
  retryBackoffMaxSeconds?: unknown;
  retryPartial?: unknown;
}

export type JobPatch = Partial<JobInput>;

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

/** Job and run titles alike. */
export const TITLE_MAX = 250;
const DESCRIPTION_MAX = 10_000;

/** Jobs: validation and persistence. Creating a job never runs it. */
export class JobService {
  constructor(
    private readonly store: Store,
    private readonly tasks: TaskRegistry,
    private readonly queues: QueueRegistry,
    private readonly clock: () => number = Date.now,
    private readonly audit?: AuditService,
  ) {}

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
    const fields = this.#validate({ ...input, ...this.#restoreSecrets(task, input, null, null) }, true);
    const now = new Date(this.clock());
    const schedule = fields.schedule ?? null;
    const active = fields.active ?? true;
    const job = await this.store.jobCreate({
      schedule,
      nextRunAt: active && schedule ? firstFireTime(schedule, now) : null,
      overlapPolicy: fields.overlapPolicy ?? 'skip',
      misfirePolicy: fields.misfirePolicy ?? 'once',
      notificationEmails: fields.notificationEmails ?? [],
      notificationStatuses: fields.notificationStatuses ?? [],
      notificationWebhooks: keepWebhookSecrets(fields.notificationWebhooks ?? [], []),
      notifyRunningLongerThan: fields.notifyRunningLongerThan ?? null,
      historyAlerts: fields.historyAlerts ?? null,
      ...DEFAULT_RETRY_POLICY,
      ...definedOnly({
        maxAttempts: fields.maxAttempts,
        timeoutSeconds: fields.timeoutSeconds,
        retryBackoffSeconds: fields.retryBackoffSeconds,
        retryBackoffMaxSeconds: fields.retryBackoffMaxSeconds,
        retryPartial: fields.retryPartial,
      }),
      id: randomUUID(),
      title: fields.title!,
      description: fields.description ?? '',
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
    const sameTask = !patch.task || patch.task === current.task;
    // Secrets sent back as "set" mean the stored ones (of the same task, for the same destination).
    const restored = this.#restoreSecrets(
      this.tasks.find(patch.task ?? current.task),
      patch,
      sameTask ? current.args : null,
      sameTask ? current.customArgs : null,
    );
    const merged: JobInput = {
      title: patch.title ?? current.title,
      task: patch.task ?? current.task,
      args: restored.args ?? (sameTask ? current.args : {}),
      customArgs: restored.customArgs === undefined ? current.customArgs : restored.customArgs,
    };
    const fields = this.#validate({ ...patch, ...merged }, false);
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
    input: Partial<JobInput>,
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

  #validate(input: Partial<JobInput>, creating: boolean): JobChanges {
    const errors: FieldError[] = [];
    const changes: JobChanges = {};
    if (input.title !== undefined || creating) {
      const title = typeof input.title === 'string' ? input.title.trim() : '';
      if (!title) errors.push(fieldError('title', 'A title is required.'));
      else if (title.length > TITLE_MAX) errors.push(fieldError('title', `At most ${TITLE_MAX} characters.`));
      else changes.title = title;
    }
    if (input.description !== undefined) {
      if (typeof input.description !== 'string') errors.push(fieldError('description', 'Must be text.'));
      else if (input.description.length > DESCRIPTION_MAX)
        errors.push(fieldError('description', `At most ${DESCRIPTION_MAX} characters.`));
      else changes.description = input.description;
    }
    if (input.active !== undefined) {
      if (typeof input.active !== 'boolean') errors.push(fieldError('active', 'Must be true or false.'));
      else changes.active = input.active;
    }
    if (input.queue !== undefined) {
      collect(errors, () => (changes.defaultQueue = this.queues.check(String(input.queue), 'queue')));
    }
    let task: AnyTask | undefined;
    if (input.task !== undefined || creating) {
      task = typeof input.task === 'string' ? this.tasks.find(input.task) : undefined;
      if (task) changes.task = task.id;
      else
        errors.push(
          fieldError(
            'task',
            input.task
              ? `Unknown task "${String(input.task)}". ${this.tasks.describeKnown()}`
              : `A task is required. ${this.tasks.describeKnown()}`,
          ),
        );
    }
    if (input.schedule !== undefined) {
      collect(errors, () => (changes.schedule = input.schedule === null ? null : parseSchedule(input.schedule)));
    }
    if (input.overlapPolicy !== undefined) {
      const policy = oneOf(OVERLAP_POLICIES, input.overlapPolicy, 'overlap_policy', errors);
      if (policy) changes.overlapPolicy = policy;
    }
    if (input.misfirePolicy !== undefined) {
      const policy = oneOf(MISFIRE_POLICIES, input.misfirePolicy, 'misfire_policy', errors);
      if (policy) changes.misfirePolicy = policy;
    }
    if (input.notificationEmails !== undefined) {
      const emails = stringList(input.notificationEmails);
      const bad = emails?.filter((email) => !EMAIL.test(email));
      if (!emails) errors.push(fieldError('notification_emails', 'Must be a list of e-mail addresses.'));
      else if (bad?.length) errors.push(fieldError('notification_emails', `Not e-mail addresses: ${bad.join(', ')}.`));
      else changes.notificationEmails = emails;
    }
    if (input.notificationStatuses !== undefined) {
      const statuses = stringList(input.notificationStatuses)?.map((s) => s.toUpperCase());
      const bad = statuses?.filter((s) => !isRunStatus(s) || !isFinalStatus(s));
      if (!statuses) errors.push(fieldError('notification_statuses', 'Must be a list of run statuses.'));
      else if (bad?.length) {
        errors.push(
          fieldError(
            'notification_statuses',
            `Not final run statuses: ${bad.join(', ')}. Use ${FINAL_STATUSES.join(', ')}.`,
          ),
        );
      } else changes.notificationStatuses = statuses as RunStatus[];
    }
    if (input.notificationWebhooks !== undefined) {
      collect(errors, () => (changes.notificationWebhooks = parseWebhooks(input.notificationWebhooks)));
    }
    if (input.notifyRunningLongerThan !== undefined) {
      collect(errors, () => (changes.notifyRunningLongerThan = parseThreshold(input.notifyRunningLongerThan)));
    }
    if (input.historyAlerts !== undefined) {
      collect(errors, () => (changes.historyAlerts = parseHistoryAlerts(input.historyAlerts)));
    }
    collect(errors, () => Object.assign(changes, parseRetryPolicy(input)));
    if (input.args !== undefined) {
      collect(errors, () => {
        const args = parseJsonObject(input.args, 'args');
        if (task) errors.push(...partialArgErrors(task, args));
        changes.args = args;
      });
    }
    if (input.customArgs !== undefined) {
      collect(errors, () => {
        if (input.customArgs === null || input.customArgs === '') {
          changes.customArgs = null;
          return;
        }
        const customArgs = parseJsonObject(input.customArgs, 'custom_args');
        const parsed = task?.args.safeParse(customArgs);
        if (parsed && !parsed.success) errors.push(...issuesToFieldErrors(parsed.error.issues, 'custom_args'));
        changes.customArgs = customArgs;
      });
    }
    if (errors.length) throw new ValidationError('The job is not valid.', errors);
    return changes;
  }
}

/**
 * Fields the host's code declares are the code's: it sets them again at each start, so a change
 * made here would silently vanish. Refused instead, naming the fields (409); saving a form with
 * their current values is fine.
 */
function refuseManagedChanges(current: Job, changes: JobChanges): void {
  const managed = current.managedFields ?? [];
  if (managed.length === 0) return;
  const refused = (Object.keys(changes) as (keyof JobChanges)[]).filter((field) => {
    const wire = wireNameOfChange(field);
    return wire !== undefined && managed.includes(wire) && !isDeepStrictEqual(changes[field], current[field]);
  });
  if (refused.length === 0) return;
  const fields = refused.map((field) => wireNameOfChange(field)!);
  throw new ConflictError(
    `Job ${current.id} is declared in code (key "${current.key}"); change ${fields.join(', ')} there, not here.`,
    fields.map((field) => fieldError(field, 'Managed by code: read-only here.')),
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A list given as an array of strings or as comma-separated text; undefined if neither. */
function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v: string) => v.trim());
  return undefined;
}

function oneOf<T extends string>(
  allowed: readonly T[],
  value: unknown,
  field: string,
  errors: FieldError[],
): T | undefined {
  if (allowed.includes(value as T)) return value as T;
  errors.push(fieldError(field, `"${String(value)}" is not one of ${allowed.join(', ')}.`));
  return undefined;
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`Job with ID ${id} does not exist.`);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function collect(errors: FieldError[], fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) errors.push(...error.errors);
    else throw error;
  }
}

/**
 * Saved arguments may be incomplete (a run can supply the rest), so only the values that are
 * present are held to the schema.
 */
function partialArgErrors(task: AnyTask, args: JsonObject): FieldError[] {
  const parsed = task.args.safeParse(args);
  if (parsed.success) return [];
  const present = parsed.error.issues.filter(
    (issue) => valueAt(args, issue.path) !== undefined || (issue.path.length === 0 && issue.code !== 'invalid_type'),
  );
  return issuesToFieldErrors(present, 'args');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
