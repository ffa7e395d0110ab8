import { fieldError, ValidationError, type FieldError } from './errors.js';
import { JOB_FIELDS, type Column, type FieldSpec, type MISFIRE_POLICIES, type OVERLAP_POLICIES } from './job-fields.js';
import type { FINAL_STATUSES } from './run-status.js';

/**
 * The job contract, derived from its field table (job-fields.ts): the HTTP schemas, the service's
 * shape checks, the CLI flags, the stored columns of the plain settings and the admin form's
 * limits are all read from here; the job service keeps only the checks that need more than the
 * value (does the task exist, do the args fit its schema…).
 */

export { TITLE_MAX } from './field-schemas.js';
export { OWNER_MAX, type MisfirePolicy, type OverlapPolicy } from './job-fields.js';

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
