import { z } from '@hono/zod-openapi';
import { JOB_PLAIN_FIELDS, jobWireShape, type JobPlainWire } from '../domain/job-contract.js';
import { runCreateShape } from '../domain/run-contract.js';
import { MISFIRE_POLICIES, OVERLAP_POLICIES } from '../domain/job-fields.js';
import { RUN_STATUSES } from '../domain/run-status.js';
import { HistoryAlertsInputSchema, HistoryAlertsSchema } from './history-alerts-schema.js';

/** Request and response shapes of the API, in one place; the OpenAPI document is made from them. */

const json = z.record(z.string(), z.unknown());
const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-25T03:00:00.000Z' });

export const ErrorSchema = z
  .object({
    status: z.number().int(),
    message: z.string(),
    errors: z.array(z.object({ field: z.string(), messages: z.array(z.string()) })).optional(),
  })
  .openapi('Error');

const ScheduleSchema = json.nullable().openapi('Schedule', {
  description:
    '{"type": "interval", "weeks"?, "days"?, "hours"?, "minutes"?, "seconds"?, "start_at"?} or ' +
    '{"type": "crontab", "minute", "hour", "day_of_month", "month_of_year", "day_of_week", "timezone"?} ' +
    '(or {"type": "crontab", "expression": "m h dom mon dow", "timezone"?}); null for none.',
  example: {
    type: 'crontab',
    minute: '0',
    hour: '3',
    day_of_month: '*',
    month_of_year: '*',
    day_of_week: 'mon-fri',
    timezone: 'Europe/Zurich',
  },
});

/** How a job's plain settings read: a stored value of the contract's column kind. */
const COLUMN_SCHEMAS = {
  text: z.string(),
  int: z.number().int(),
  'int-or-null': z.number().int().nullable(),
  bool: z.boolean(),
};
const plainResponseShape = Object.fromEntries(
  JOB_PLAIN_FIELDS.map((field) => [field.wire, COLUMN_SCHEMAS[field.column]]),
) as unknown as { [K in keyof JobPlainWire]: z.ZodType<JobPlainWire[K]> };

export const LinksSchema = z.record(z.string(), z.string()).openapi('Links');

export const RunSchema = z
  .object({
    error_stack: z.string().nullable().optional().openapi({
      description: "A failed run's stack trace; sent to admins only (the message has the error's name and text)",
    }),
    id: z.number().int(),
    job_id: z.string(),
    task: z.string(),
    title: z.string(),
    status: z.enum(RUN_STATUSES),
    queue: z.string(),
    args: json,
    custom_args: json.nullable(),
    since: isoTime.nullable(),
    started_by: z.string(),
    created: isoTime,
    started_at: isoTime.nullable(),
    finished_at: isoTime.nullable(),
    duration_ms: z.number().nullable(),
    scheduled_for: isoTime.nullable(),
    lateness_ms: z.number().nullable(),
    message: z.string().nullable(),
    result: z.unknown().nullable(),
    total_entries: z.number().nullable(),
    inserted_entries: z.number().nullable(),
    updated_entries: z.number().nullable(),
    errored_entries: z.number().nullable(),
    attempt: z.number().int().openapi({ description: 'The current or last attempt (0 before the first start).' }),
    max_attempts: z.number().int(),
    worker_id: z.string().nullable(),
    parent_run_id: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The run that created this one as a sub-run; null for a top-level run.' }),
    total_subruns: z.number().int().openapi({ description: 'Sub-runs this run created (0: none).' }),
    completed_subruns: z.number().int().openapi({ description: 'Its sub-runs that have ended.' }),
    failed_subruns: z
      .number()
      .int()
      .openapi({ description: 'Its sub-runs that ended FAILED or CANCELLED (the run then ends PARTIAL_SUCCESS).' }),
    links: LinksSchema,
  })
  .openapi('Run');

export const JobSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    active: z.boolean(),
    task: z.string(),
    default_queue: z.string(),
    schedule: ScheduleSchema,
    schedule_description: z.string().nullable(),
    run_args: z.object({ args: json, custom_args: json.nullable() }),
    args: json,
    custom_args: json.nullable(),
    overlap_policy: z.enum(OVERLAP_POLICIES),
    misfire_policy: z.enum(MISFIRE_POLICIES),
    notification_emails: z.array(z.string()),
    notification_statuses: z.array(z.string()),
    notification_webhooks: z.array(
      z.object({
        url: z.string().openapi({ description: 'Whole for admins; the origin only for other roles' }),
        secret: z.enum(['set']).nullable().openapi({ description: 'Write-only' }),
      }),
    ),
    notify_running_longer_than: z.number().int().nullable(),
    history_alerts: HistoryAlertsSchema.nullable(),
    ...plainResponseShape,
    key: z
      .string()
      .nullable()
      .openapi({ description: 'Stable name of a job declared in code or applied from a file.' }),
    managed_fields: z
      .array(z.string())
      .nullable()
      .openapi({ description: "Fields set by the host program's code at each start; changing them is refused (409)." }),
    next_run: isoTime.nullable(),
    // A union, not RunSchema.nullable(): that would carry the name Run and make the Run component nullable.
    last_run: z.union([RunSchema, z.null()]),
    created: isoTime,
    updated: isoTime,
    links: LinksSchema,
  })
  .openapi('Job');

/** Fields a client may send back from a GET but not change: ignored in requests. */
const JOB_READ_ONLY = [
  'id',
  'key',
  'managed_fields',
  'schedule_description',
  'run_args',
  'next_run',
  'last_run',
  'created',
  'updated',
  'links',
];

const withoutReadOnly = (value: unknown) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !JOB_READ_ONLY.includes(key)));
};

/** The job contract's fields (domain/job-contract.ts), with examples for the OpenAPI document. */
const jobFields = {
  ...jobWireShape,
  title: jobWireShape.title.meta({ example: 'ROR organisations import' }),
  task: jobWireShape.task.meta({ example: 'demo.import-vocabulary' }),
  schedule: ScheduleSchema,
  notification_emails: jobWireShape.notification_emails.meta({ example: ['ops@example.org'] }),
  notification_statuses: jobWireShape.notification_statuses.meta({ example: ['FAILED', 'PARTIAL_SUCCESS'] }),
  notification_webhooks: jobWireShape.notification_webhooks.meta({
    description:
      'Receivers of a signed JSON POST on the chosen endings, missed slots and long runs. The secret is write-only: reads show "set", and sending "set" back keeps it.',
    example: [{ url: 'https://hooks.example.org/jobdeck', secret: 'change-me' }],
  }),
  history_alerts: HistoryAlertsInputSchema,
};

export const JobCreateSchema = z
  .preprocess(withoutReadOnly, z.strictObject(jobFields).partial().required({ title: true, task: true }))
  .openapi('JobCreate');
export const JobPatchSchema = z.preprocess(withoutReadOnly, z.strictObject(jobFields).partial()).openapi('JobPatch');

/** One try of a run, kept when it is retried, rescued or ends. */
export const RunAttemptSchema = z
  .object({
    attempt: z.number().int(),
    worker_id: z.string().nullable(),
    started_at: isoTime.nullable(),
    finished_at: isoTime,
    duration_ms: z.number().nullable(),
    status: z.enum(RUN_STATUSES),
    message: z.string().nullable(),
  })
  .openapi('RunAttempt');

export const RunCreateSchema = z
  .strictObject({
    ...runCreateShape,
  })
  .openapi('RunCreate');

export const LogLineSchema = z
  .object({ seq: z.number().int(), time: isoTime, level: z.string(), message: z.string(), fields: json.nullable() })
  .openapi('LogLine');

export const TaskSchema = z
  .object({ id: z.string(), title: z.string(), description: z.string(), args_schema: json, links: LinksSchema })
  .openapi('Task');

export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({ hits: z.object({ hits: z.array(item), total: z.number().int() }), links: LinksSchema })
    .openapi(name);
}

export const PageQuerySchema = {
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(100).default(25),
};
