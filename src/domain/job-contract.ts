import { z } from 'zod';
import { fieldError, ValidationError, type FieldError } from './errors.js';
import { DEFAULT_RETRY_POLICY, MAX_ATTEMPTS_LIMIT, MAX_SECONDS } from './retry-policy.js';
import { FINAL_STATUSES, isFinalStatus, isRunStatus } from './run-status.js';

/**
 * The job contract: every field an administrator or a program sets on a job, with its wire name,
 * its shape and limits (a zod schema), its default, its CLI flag and how it is stored, defined
 * once. The HTTP schemas, the service's shape checks, the CLI flags, the stored columns of the
 * plain settings and the admin form's limits are all read from here; the job service keeps only
 * the checks that need more than the value (does the task exist, do the args fit its schema…).
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

/** Job and run titles alike. */
export const TITLE_MAX = 250;
/** Who to ask about a job: a person, a team, an address. */
export const OWNER_MAX = 200;
const DESCRIPTION_MAX = 10_000;
/** The longest "running longer than" threshold of notifications (a year). */
const THRESHOLD_MAX = 366 * 24 * 3600;

const wholeMessage = (min: number, max: number) => `Must be a whole number between ${min} and ${max}.`;

/** Numbers may come as text (CLI flags, form posts): "3" is 3, "" is no value. */
const numericText = (value: unknown) =>
  typeof value === 'string' ? (value.trim() === '' ? null : Number(value)) : value;

const wholeNumber = (min: number, max: number) => {
  const error = wholeMessage(min, max);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const whole = (min: number, max: number) => z.preprocess(numericText, wholeNumber(min, max));
/** As `whole`, where null (or "") means none. */
const wholeOrNull = (min: number, max: number) => z.preprocess(numericText, wholeNumber(min, max).nullable());

/** A list given as an array of strings or as comma-separated text (the CLI's form). */
const listText = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v))
      : value;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `"${String(issue.input)}" is not one of ${values.join(', ')}.` });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const json = z.record(z.string(), z.unknown());
/** An object, or JSON text of one (the CLI's and a file's form); the service parses it. */
const jsonOrText = z.union([json, z.string()]);

/** How a plain setting is stored: one column named as its wire name. */
type Column = 'text' | 'int' | 'int-or-null' | 'bool';

interface CliFlag {
  /** The option as commander takes it, e.g. `--retry-backoff <seconds>`. */
  flag: string;
  help: string;
  /** Also a `--no-…` flag that sets false. */
  negatable?: string;
}

interface FieldSpec {
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
const JOB_FIELDS = {
  title: {
    wire: 'title',
    schema: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      z
        .string({ error: 'A title is required.' })
        .min(1, { error: 'A title is required.' })
        .max(TITLE_MAX, { error: `At most ${TITLE_MAX} characters.` }),
    ),
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

type Fields = typeof JOB_FIELDS;
export type JobFieldName = keyof Fields;

/** A job's fields as a program gives them (the library's `JobInput`): loose where text is allowed. */
export type JobFieldsInput = { [K in JobFieldName]?: unknown };

/** The job's wire (snake_case) shape of the settable fields: what HTTP bodies and files hold. */
export type JobWireShape = { [K in JobFieldName as Fields[K]['wire']]: Fields[K]['schema'] };

export const jobWireShape = Object.fromEntries(
  Object.values(JOB_FIELDS).map((field) => [field.wire, field.schema]),
) as JobWireShape;

/** The plain settings: stored as-is in a column named as their wire name. */
type PlainName = { [K in JobFieldName]: Fields[K] extends { column: Column } ? K : never }[JobFieldName];
type ColumnValue<C> = C extends 'text' ? string : C extends 'int' ? number : C extends 'bool' ? boolean : number | null;

/** The plain settings' values, by library name (the `Job` carries them). */
export type JobPlainSettings = { [K in PlainName]: ColumnValue<Fields[K]['column']> };
/** The plain settings as stored columns, by wire (column) name (the jobs table has them). */
export type JobPlainColumns = {
  [K in PlainName as Fields[K]['wire']]: Fields[K]['column'] extends 'bool'
    ? number | boolean
    : ColumnValue<Fields[K]['column']>;
};

const PLAIN = (Object.keys(JOB_FIELDS) as JobFieldName[]).filter(
  (name): name is PlainName => 'column' in JOB_FIELDS[name],
);

/** The plain settings with their wire (column) name and kind. */
export const JOB_PLAIN_FIELDS = PLAIN.map((name) => ({
  name,
  wire: JOB_FIELDS[name].wire,
  column: JOB_FIELDS[name].column,
}));

export const PLAIN_DEFAULTS = Object.fromEntries(
  PLAIN.map((name) => [name, JOB_FIELDS[name].default]),
) as unknown as JobPlainSettings;

/** The plain settings of a stored row, with the defaults for a column a row lacks. */
export function plainFromColumns(row: Record<string, unknown>): JobPlainSettings {
  const out: Record<string, unknown> = {};
  for (const name of PLAIN) {
    const { wire, column } = JOB_FIELDS[name];
    const value = row[wire];
    if (value === undefined) out[name] = JOB_FIELDS[name].default;
    else if (column === 'bool') out[name] = Boolean(value);
    else if (column === 'int') out[name] = Number(value);
    else if (column === 'int-or-null') out[name] = value === null ? null : Number(value);
    else out[name] = String(value);
  }
  return out as JobPlainSettings;
}

/** The columns of the plain settings present in `values` (booleans as the dialect stores them). */
export function plainToColumns(values: JobPlainSettings, bool: (value: boolean) => boolean | number): JobPlainColumns;
export function plainToColumns(
  values: Partial<JobPlainSettings>,
  bool: (value: boolean) => boolean | number,
): Partial<JobPlainColumns>;
export function plainToColumns(
  values: Partial<JobPlainSettings>,
  bool: (value: boolean) => boolean | number,
): Partial<JobPlainColumns> {
  const out: Record<string, unknown> = {};
  for (const name of PLAIN) {
    const value = values[name];
    if (value === undefined) continue;
    out[JOB_FIELDS[name].wire] = JOB_FIELDS[name].column === 'bool' ? bool(value as boolean) : value;
  }
  return out as Partial<JobPlainColumns>;
}

/** The plain settings by wire name, as the API shows them. */
export type JobPlainWire = { [K in PlainName as Fields[K]['wire']]: JobPlainSettings[K] };

/** The plain settings by wire name, a missing one (a job stored before it existed) at its default. */
export function plainToWire(job: Partial<JobPlainSettings>): JobPlainWire {
  const entries = PLAIN.map((name) => [JOB_FIELDS[name].wire, job[name] ?? JOB_FIELDS[name].default]);
  return Object.fromEntries(entries) as JobPlainWire;
}

/** Wire names by library name (`queue` → `default_queue`). */
export const JOB_WIRE_NAMES = Object.fromEntries(
  Object.entries(JOB_FIELDS).map(([name, field]) => [name, field.wire]),
) as { [K in JobFieldName]: Fields[K]['wire'] };

const NAMES = Object.keys(JOB_FIELDS) as JobFieldName[];

/** Wire names of the fields an input sets. */
export function wireNamesOf(input: JobFieldsInput): string[] {
  return NAMES.filter((name) => input[name] !== undefined).map((name) => JOB_FIELDS[name].wire);
}

/** A job input from its wire form (a request, a file); unknown names are left out. */
export function jobInputFromWire(wire: Record<string, unknown>): JobFieldsInput {
  const input: Record<string, unknown> = {};
  for (const name of NAMES) {
    const value = wire[JOB_FIELDS[name].wire];
    if (value !== undefined) input[name] = value;
  }
  return input;
}

/** Shape-checked values of the fields the contract checks (not `parsedBy: 'service'`). */
export type CheckedJobFields = Partial<{
  title: string;
  description: string;
  owner: string;
  active: boolean;
  overlapPolicy: (typeof OVERLAP_POLICIES)[number];
  misfirePolicy: (typeof MISFIRE_POLICIES)[number];
  notificationEmails: string[];
  notificationStatuses: (typeof FINAL_STATUSES)[number][];
  notifyRunningLongerThan: number | null;
  maxAttempts: number;
  timeoutSeconds: number | null;
  retryBackoffSeconds: number;
  retryBackoffMaxSeconds: number;
  retryPartial: boolean;
}>;

/**
 * Checks the shape and limits of the fields present (and of `title` when `creating`); the
 * fields the service parses are left to it. Each problem is a field error under the wire name.
 */
export function checkJobFields(
  input: JobFieldsInput,
  creating: boolean,
): { values: CheckedJobFields; errors: FieldError[] } {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const name of NAMES) {
    const field: FieldSpec = JOB_FIELDS[name];
    if (field.parsedBy === 'service') continue;
    const given = input[name];
    if (given === undefined && !(creating && name === 'title')) continue;
    const parsed = field.schema.safeParse(given);
    if (parsed.success) values[name] = parsed.data;
    else errors.push(fieldError(field.wire, parsed.error.issues[0]?.message ?? 'Not valid.'));
  }
  // 0 (and "") mean none, as null does.
  for (const name of ['timeoutSeconds', 'notifyRunningLongerThan']) if (values[name] === 0) values[name] = null;
  return { values: values as CheckedJobFields, errors };
}

/** `checkJobFields` that throws the errors at once. */
export function parseJobFields(input: JobFieldsInput, creating = false): CheckedJobFields {
  const { values, errors } = checkJobFields(input, creating);
  if (errors.length) throw new ValidationError('The job is not valid.', errors);
  return values;
}

/** The defaults of every field that has one, by library name. */
export const JOB_DEFAULTS = Object.fromEntries(
  NAMES.filter((name) => 'default' in JOB_FIELDS[name]).map((name) => [name, (JOB_FIELDS[name] as FieldSpec).default]),
) as {
  [K in JobFieldName as Fields[K] extends { default: unknown } ? K : never]: Fields[K] extends { default: infer D }
    ? D
    : never;
};

/** The CLI flags of the fields that have one, for `jobs create|update`. */
export const JOB_CLI_FLAGS = NAMES.flatMap((name) => {
  const field: FieldSpec = JOB_FIELDS[name];
  return field.cli ? [{ name, ...field.cli }] : [];
});
