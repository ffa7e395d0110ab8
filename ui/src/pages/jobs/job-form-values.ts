import type { JobResource, JsonObject } from '../../api/types.ts';
import { JOB_DEFAULTS } from '../../../../src/domain/job-contract.ts';
import { formatJson } from './custom-args.ts';
import type { WebhookValue } from './JobAdvancedFields.tsx';
import type { JobInput } from './job-mutations.ts';

/**
 * The job form's values and how they map to and from the API's job: what the form starts from
 * (defaults from the job contract), what it sends, and which fields API errors may name.
 */

export interface JobFormValues {
  title: string;
  description: string;
  owner: string;
  task: string;
  default_queue: string;
  active: boolean;
  notification_emails: string[];
  notification_statuses: string[];
  overlap_policy: NonNullable<JobInput['overlap_policy']>;
  misfire_policy: NonNullable<JobInput['misfire_policy']>;
  custom_args: string;
  max_attempts: number | null;
  timeout_seconds: number | null;
  retry_backoff_seconds: number | null;
  retry_backoff_max_seconds: number | null;
  retry_partial: boolean;
  notification_webhooks: WebhookValue[];
  notify_running_longer_than: number | null;
  history_alerts: { slower_than_p95: number | null; p95_runs: number | null; after_failures: number | null };
}

/** Fields in the collapsed Advanced section: an error on one of them opens it. */
export const ADVANCED_FIELDS = [
  'overlap_policy',
  'misfire_policy',
  'custom_args',
  'max_attempts',
  'timeout_seconds',
  'retry_backoff_seconds',
  'retry_backoff_max_seconds',
  'retry_partial',
  'notification_webhooks',
  'notify_running_longer_than',
  'history_alerts',
];

/** Top-level form fields that API errors may name. */
export const FORM_FIELDS = new Set<string>([
  'title',
  'description',
  'owner',
  'task',
  'default_queue',
  'active',
  'notification_emails',
  'notification_statuses',
  ...ADVANCED_FIELDS,
]);

/** The form's starting values: the job's, or the contract's defaults for a new job. */
export function toFormValues(job: JobResource | undefined): JobFormValues {
  return {
    title: job?.title ?? '',
    description: job?.description ?? JOB_DEFAULTS.description,
    owner: job?.owner ?? JOB_DEFAULTS.owner,
    task: job?.task ?? (undefined as unknown as string),
    default_queue: job?.default_queue ?? 'default',
    active: job?.active ?? JOB_DEFAULTS.active,
    notification_emails: job?.notification_emails ?? [],
    notification_statuses: job?.notification_statuses ?? [],
    overlap_policy: job?.overlap_policy ?? JOB_DEFAULTS.overlapPolicy,
    misfire_policy: job?.misfire_policy ?? JOB_DEFAULTS.misfirePolicy,
    custom_args: formatJson(job?.custom_args ?? null),
    max_attempts: job?.max_attempts ?? JOB_DEFAULTS.maxAttempts,
    timeout_seconds: job?.timeout_seconds ?? JOB_DEFAULTS.timeoutSeconds,
    retry_backoff_seconds: job?.retry_backoff_seconds ?? JOB_DEFAULTS.retryBackoffSeconds,
    retry_backoff_max_seconds: job?.retry_backoff_max_seconds ?? JOB_DEFAULTS.retryBackoffMaxSeconds,
    retry_partial: job?.retry_partial ?? JOB_DEFAULTS.retryPartial,
    // The API never sends a stored secret, only "set": the field starts empty and keeps it if left so.
    notification_webhooks: (job?.notification_webhooks ?? []).map((h) => ({
      url: h.url,
      secret: '',
      had_secret: h.secret !== null,
    })),
    notify_running_longer_than: job?.notify_running_longer_than ?? null,
    history_alerts: {
      slower_than_p95: job?.history_alerts?.slower_than_p95 ?? null,
      p95_runs: job?.history_alerts?.p95_runs ?? null,
      after_failures: job?.history_alerts?.after_failures ?? null,
    },
  };
}

/** What the form sends: trimmed text, empty numbers left to the defaults, secrets kept as "set". */
export function toJobInput(values: JobFormValues, args: JsonObject, customArgs: JsonObject | null): JobInput {
  return {
    title: values.title.trim(),
    description: values.description,
    owner: values.owner.trim(),
    task: values.task,
    default_queue: values.default_queue,
    active: values.active,
    args,
    custom_args: customArgs,
    overlap_policy: values.overlap_policy,
    misfire_policy: values.misfire_policy,
    notification_emails: values.notification_emails.map((e) => e.trim()).filter(Boolean),
    notification_statuses: values.notification_statuses,
    max_attempts: values.max_attempts ?? JOB_DEFAULTS.maxAttempts,
    timeout_seconds: values.timeout_seconds ?? null,
    ...(values.retry_backoff_seconds !== null && { retry_backoff_seconds: values.retry_backoff_seconds }),
    ...(values.retry_backoff_max_seconds !== null && {
      retry_backoff_max_seconds: values.retry_backoff_max_seconds,
    }),
    retry_partial: values.retry_partial,
    notification_webhooks: (values.notification_webhooks ?? []).map((h) => ({
      url: h.url.trim(),
      secret: h.secret ? h.secret : h.had_secret ? 'set' : null,
    })),
    notify_running_longer_than: values.notify_running_longer_than ?? null,
    history_alerts:
      values.history_alerts?.slower_than_p95 || values.history_alerts?.after_failures ? values.history_alerts : null,
  };
}
