import type { JobChanges } from '../storage/store.js';
import type { JobInput } from './job-service.js';

/**
 * A job's settable fields by their library (camelCase) name, with their wire (snake_case) name:
 * the one table between the two namings (see docs/library.md). `queue` on input is the job's
 * `defaultQueue`.
 */
export const JOB_WIRE_NAMES = {
  title: 'title',
  description: 'description',
  task: 'task',
  queue: 'default_queue',
  active: 'active',
  args: 'args',
  customArgs: 'custom_args',
  schedule: 'schedule',
  overlapPolicy: 'overlap_policy',
  misfirePolicy: 'misfire_policy',
  notificationEmails: 'notification_emails',
  notificationStatuses: 'notification_statuses',
  notificationWebhooks: 'notification_webhooks',
  notifyRunningLongerThan: 'notify_running_longer_than',
  historyAlerts: 'history_alerts',
  maxAttempts: 'max_attempts',
  timeoutSeconds: 'timeout_seconds',
  retryBackoffSeconds: 'retry_backoff_seconds',
  retryBackoffMaxSeconds: 'retry_backoff_max_seconds',
  retryPartial: 'retry_partial',
} as const satisfies Record<keyof JobInput, string>;

type JobInputField = keyof typeof JOB_WIRE_NAMES;

const INPUT_FIELDS = Object.keys(JOB_WIRE_NAMES) as JobInputField[];

/** The wire name of a stored change (`defaultQueue` is the input's `queue`). */
export function wireNameOfChange(field: keyof JobChanges): string | undefined {
  if (field === 'defaultQueue') return JOB_WIRE_NAMES.queue;
  return (JOB_WIRE_NAMES as Record<string, string>)[field];
}

/** Wire names of the fields an input sets. */
export function wireNamesOf(input: Partial<JobInput>): string[] {
  return INPUT_FIELDS.filter((field) => input[field] !== undefined).map((field) => JOB_WIRE_NAMES[field]);
}

/** A job input from its wire form (a file, a request); unknown names are left out. */
export function jobInputFromWire(wire: Record<string, unknown>): Partial<JobInput> {
  const input: Record<string, unknown> = {};
  for (const field of INPUT_FIELDS) {
    const value = wire[JOB_WIRE_NAMES[field]];
    if (value !== undefined) input[field] = value;
  }
  return input as Partial<JobInput>;
}
