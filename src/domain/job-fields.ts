import { z } from 'zod';
import { json, jsonOrText, listText, oneOf, titleSchema, whole, wholeOrNull } from './field-schemas.js';
import { DEFAULT_RETRY_POLICY, MAX_ATTEMPTS_LIMIT, MAX_SECONDS } from './retry-policy.js';
import { FINAL_STATUSES, isFinalStatus, isRunStatus } from './run-status.js';

/**
 * The job contract's table: every field an administrator or a program sets on a job, with its
 * wire name, its shape and limits (a zod schema), its default, its CLI flag and how it is stored.
 * What is derived from it (HTTP shape, checks, columns, defaults, CLI flags) is job-contract.ts.
 *
 * Adding a plain setting (text, number or flag in its own column) takes one entry here, one
 * migration (a file and a line in migrations/index.ts) and its control in the admin form.
 */

/** What a firing does while a run of the same job is active. */
export const OVERLAP_POLICIES = ['allow', 'skip', 'queue'] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];
/** What happens to slots missed while no scheduler ran. */
export const MISFIRE_POLICIES = ['skip', 'once', 'all'] as const;
export type MisfirePolicy = (typeof MISFIRE_POLICIES)[number];

/** Who to ask about a job: a person, a team, an address. */
export const OWNER_MAX = 200;
const DESCRIPTION_MAX = 10_000;
/** The longest "running longer than" threshold of notifications (a year). */
const THRESHOLD_MAX = 366 * 24 * 3600;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How a plain setting is stored: one column named as its wire name. */
export type Column = 'text' | 'int' | 'int-or-null' | 'bool';

interface CliFlag {
  /** The option as commander takes it, e.g. `--retry-backoff <seconds>`. */
  flag: string;
  help: string;
  /** Also a `--no-…` flag that sets false. */
  negatable?: string;
}

export interface FieldSpec {
  wire: string;
  schema: z.ZodType;
  /** The value a new job gets when none is given. */
  default?: unknown;
  cli?: CliFlag;
  /** A plain setting, stored as-is in the column `wire`; the others have their own mapping. */
  column?: Column;
  /** Parsed by the service (needs the task, the queues, the stored secrets…): the schema documents it. */
  parsedBy?: 'service';
}

/** Every settable field, by its library (camelCase) name. `queue` is the job's `defaultQueue`. */
export const JOB_FIELDS = {
  title: {
    wire: 'title',
    schema: titleSchema,
    cli: { flag: '--title <title>', help: 'name of the job' },
  },
  description: {
    wire: 'description',
    schema: z
      .string({ error: 'Must be text.' })
      .max(DESCRIPTION_MAX, { error: `At most ${DESCRIPTION_MAX} characters.` }),
    default: '',
    cli: { flag: '--description <text>', help: 'what the job does' },
  },
  owner: {
    wire: 'owner',
    schema: z
      .string({ error: 'Must be text.' })
      .trim()
      .max(OWNER_MAX, { error: `At most ${OWNER_MAX} characters.` })
      .describe('Who to ask about the job: a person, a team or an address (shown on its page).'),
    default: '',
    column: 'text',
    cli: { flag: '--owner <who>', help: 'who to ask about the job: a person, team or address ("" clears)' },
  },
  task: {
    wire: 'task',
    schema: z.string(),
    parsedBy: 'service',
    cli: { flag: '--task <id>', help: 'task type (see `jobdeck tasks list`)' },
  },
  queue: {
    wire: 'default_queue',
    schema: z.string(),
    parsedBy: 'service',
    cli: { flag: '--queue <name>', help: 'default queue of its runs' },
  },
  active: {
    wire: 'active',
    schema: z.boolean({ error: 'Must be true or false.' }),
    default: true,
  },
  args: { wire: 'args', schema: json, default: {}, parsedBy: 'service' },
  customArgs: {
    wire: 'custom_args',
    schema: jsonOrText
      .nullable()
      .describe('A JSON object (or JSON text) that replaces the arguments verbatim; null or "" clears it.'),
    default: null,
    parsedBy: 'service',
  },
  schedule: { wire: 'schedule', schema: json.nullable(), default: null, parsedBy: 'service' },
  overlapPolicy: {
    wire: 'overlap_policy',
    schema: oneOf(OVERLAP_POLICIES),
    default: 'skip',
    cli: { flag: '--overlap <policy>', help: 'while a run is active: allow, skip (default) or queue' },
  },
  misfirePolicy: {
    wire: 'misfire_policy',
    schema: oneOf(MISFIRE_POLICIES),
    default: 'once',
    cli: { flag: '--misfire <policy>', help: 'slots missed while no scheduler ran: skip, once (default) or all' },
  },
  notificationEmails: {
    wire: 'notification_emails',
    schema: z.preprocess(
      listText,
      z.array(z.string(), { error: 'Must be a list of e-mail addresses.' }).superRefine((emails, ctx) => {
        const bad = emails.filter((email) => !EMAIL.test(email));
        if (bad.length) ctx.addIssue({ code: 'custom', message: `Not e-mail addresses: ${bad.join(', ')}.` });
      }),
    ),
    default: [],
    cli: {
      flag: '--notify-emails <list>',
      help: 'e-mail addresses told about chosen run endings, comma-separated ("" clears)',
    },
  },
  notificationStatuses: {
    wire: 'notification_statuses',
    schema: z.preprocess(
      (v) => (listText(v) as unknown[] | undefined)?.map?.((s) => (typeof s === 'string' ? s.toUpperCase() : s)) ?? v,
      z.array(z.string(), { error: 'Must be a list of run statuses.' }).superRefine((statuses, ctx) => {
        const bad = statuses.filter((s) => !isRunStatus(s) || !isFinalStatus(s));
        if (bad.length) {
          ctx.addIssue({
            code: 'custom',
            message: `Not final run statuses: ${bad.join(', ')}. Use ${FINAL_STATUSES.join(', ')}.`,
          });
        }
      }),
    ),
    default: [],
    cli: { flag: '--notify-statuses <list>', help: 'which endings, e.g. FAILED,PARTIAL_SUCCESS ("" clears)' },
  },
  notificationWebhooks: {
    wire: 'notification_webhooks',
    schema: z.array(
      z.union([z.string(), z.strictObject({ url: z.string(), secret: z.string().nullable().optional() })]),
    ),
    default: [],
    parsedBy: 'service',
  },
  notifyRunningLongerThan: {
    wire: 'notify_running_longer_than',
    schema: wholeOrNull(0, THRESHOLD_MAX).describe(
      'Seconds: tell the recipients once when a run takes longer. null or 0: never.',
    ),
    default: null,
    cli: {
      flag: '--notify-running-longer-than <seconds>',
      help: 'tell once when a run takes longer than this (0 clears)',
    },
  },
  historyAlerts: {
    wire: 'history_alerts',
    schema: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe(
        'Alerts relative to history: {slower_than_p95: N (1-100), p95_runs: M (5-500, default 50), after_failures: K (1-100)}; null: none.',
      ),
    default: null,
    parsedBy: 'service',
  },
  maxAttempts: {
    wire: 'max_attempts',
    schema: whole(1, MAX_ATTEMPTS_LIMIT).describe('Attempts in all, the first included (default 1: never retried).'),
    default: DEFAULT_RETRY_POLICY.maxAttempts,
    column: 'int',
    cli: { flag: '--max-attempts <n>', help: 'attempts in all, the first included (default 1: no retry)' },
  },
  timeoutSeconds: {
    wire: 'timeout_seconds',
    schema: wholeOrNull(0, MAX_SECONDS).describe(
      "Abort a run after this many seconds (null or 0: the task's default, or none).",
    ),
    default: DEFAULT_RETRY_POLICY.timeoutSeconds,
    column: 'int-or-null',
    cli: { flag: '--timeout <seconds>', help: "abort a run after this many seconds (0: the task's default, or none)" },
  },
  retryBackoffSeconds: {
    wire: 'retry_backoff_seconds',
    schema: whole(0, MAX_SECONDS).describe(
      'Wait before the 2nd attempt; doubles for each further one, with jitter (default 10).',
    ),
    default: DEFAULT_RETRY_POLICY.retryBackoffSeconds,
    column: 'int',
    cli: {
      flag: '--retry-backoff <seconds>',
      help: 'wait before the 2nd attempt, doubled for each further one (default 10)',
    },
  },
  retryBackoffMaxSeconds: {
    wire: 'retry_backoff_max_seconds',
    schema: whole(0, MAX_SECONDS).describe('Longest wait between attempts (default 600).'),
    default: DEFAULT_RETRY_POLICY.retryBackoffMaxSeconds,
    column: 'int',
    cli: { flag: '--retry-backoff-max <seconds>', help: 'longest wait between attempts (default 600)' },
  },
  retryPartial: {
    wire: 'retry_partial',
    schema: z.boolean({ error: 'Must be true or false.' }).describe('Retry PARTIAL_SUCCESS like a failure.'),
    default: DEFAULT_RETRY_POLICY.retryPartial,
    column: 'bool',
    cli: {
      flag: '--retry-partial',
      help: 'retry a PARTIAL_SUCCESS like a failure',
      negatable: 'a PARTIAL_SUCCESS is final (default)',
    },
  },
} as const satisfies Record<string, FieldSpec>;
