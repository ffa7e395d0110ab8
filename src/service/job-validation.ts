import { ConflictError, ValidationError, fieldError, type FieldError } from '../domain/errors.js';
import { isDeepStrictEqual } from 'node:util';
import type { Job, JsonObject } from '../domain/model.js';
import { checkJobFields, JOB_WIRE_NAMES, type JobFieldsInput } from '../domain/job-contract.js';
import { parseSchedule } from '../domain/schedule-parse.js';
import { issuesToFieldErrors, parseJsonObject } from '../domain/run-args.js';
import type { AnyTask } from '../domain/task.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { JobChanges } from '../storage/store.js';
import type { QueueRegistry } from './queue-registry.js';
import { refuseUnknownFields } from '../domain/seed-args.js';
import { parseWebhooks } from '../notifications/settings.js';
import { parseHistoryAlerts } from '../domain/history-alerts.js';

/**
 * A job's changes from an input: the shapes and limits come from the job contract
 * (domain/job-contract.ts); what is checked here needs more than the value — the task and
 * queue must exist, saved args must fit the task's schema, schedules and webhooks parse.
 */
export class JobValidator {
  constructor(
    private readonly tasks: TaskRegistry,
    private readonly queues: QueueRegistry,
  ) {}

  /**
   * `sent` says which argument fields the request itself gave: only those are refused for
   * fields the task does not declare, so that a job saved before that rule can still be edited.
   */
  validate(input: JobFieldsInput, creating: boolean, sent: SentArgs = { args: true, customArgs: true }): JobChanges {
    const { values, errors } = checkJobFields(input, creating);
    const changes: JobChanges = { ...values };
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
    if (input.historyAlerts !== undefined) {
      collect(errors, () => (changes.historyAlerts = parseHistoryAlerts(input.historyAlerts)));
    }
    if (input.notificationWebhooks !== undefined) {
      collect(errors, () => (changes.notificationWebhooks = parseWebhooks(input.notificationWebhooks)));
    }
    if (input.args !== undefined) {
      collect(errors, () => {
        const args = parseJsonObject(input.args, 'args');
        if (task && sent.args) refuseUnknownFields(task, args, 'args');
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
        if (task && sent.customArgs) refuseUnknownFields(task, customArgs, 'custom_args');
        const parsed = task?.args.safeParse(customArgs);
        if (parsed && !parsed.success) errors.push(...issuesToFieldErrors(parsed.error.issues, 'custom_args'));
        changes.customArgs = customArgs;
      });
    }
    if (errors.length) throw new ValidationError('The job is not valid.', errors);
    return changes;
  }
}

/** Which of the saved arguments a request gave (an update merges the others from the job). */
export interface SentArgs {
  args: boolean;
  customArgs: boolean;
}

/** The wire name of a stored change (`defaultQueue` is the input's `queue`). */
function wireNameOfChange(field: keyof JobChanges): string | undefined {
  if (field === 'defaultQueue') return JOB_WIRE_NAMES.queue;
  return (JOB_WIRE_NAMES as Record<string, string>)[field];
}

/**
 * Fields the host's code declares are the code's: it sets them again at each start, so a change
 * made here would silently vanish. Refused instead, naming the fields (409); saving a form with
 * their current values is fine.
 */
export function refuseManagedChanges(current: Job, changes: JobChanges): void {
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
