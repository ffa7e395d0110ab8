import {
  CRON_FIELDS,
  FIVE_PARTS,
  canonicalTimeZone,
  cronFieldProblems,
  splitCronExpression,
  type CronFieldName,
} from './cron-fields.js';
import { ValidationError, type FieldError } from './errors.js';
import {
  INVALID_SCHEDULE as INVALID,
  MAX_INTERVAL_MS,
  MIN_INTERVAL_MS,
  UNITS,
  intervalMs,
  type CrontabSchedule,
  type IntervalSchedule,
  type IntervalUnit,
  type Schedule,
} from './schedule.js';
import { cronFor } from './schedule-times.js';

/** Reading schedules from API input (`parseSchedule`) and from the CLI's `--every 90m` (`parseEvery`). */

const INTERVAL_KEYS = new Set<string>(['type', 'start_at', ...UNITS.map(([unit]) => unit)]);
const CRONTAB_KEYS = new Set<string>(['type', 'timezone', 'expression', ...CRON_FIELDS]);

/** Collects messages per field, so every problem of an input is reported at once. */
class Problems {
  readonly #byField = new Map<string, string[]>();
  add(field: string, message: string): void {
    this.#byField.set(field, [...(this.#byField.get(field) ?? []), message]);
  }
  get empty(): boolean {
    return this.#byField.size === 0;
  }
  toErrors(): FieldError[] {
    return [...this.#byField].map(([field, messages]) => ({ field, messages }));
  }
}

export function parseSchedule(input: unknown, field = 'schedule'): Schedule {
  const problems = new Problems();
  let schedule: Schedule | undefined;
  if (!isRecord(input)) {
    problems.add(field, `must be an object with a type of "interval" or "crontab", got ${describeValue(input)}`);
  } else if (input.type === 'interval') {
    schedule = readInterval(input, field, problems);
  } else if (input.type === 'crontab') {
    schedule = readCrontab(input, field, problems);
  } else {
    const got = input.type === undefined ? 'it is missing' : `got ${describeValue(input.type)}`;
    problems.add(`${field}.type`, `must be "interval" or "crontab", ${got}`);
  }
  if (!schedule || !problems.empty) throw new ValidationError(INVALID, problems.toErrors());
  return schedule;
}

function readInterval(input: Record<string, unknown>, field: string, problems: Problems): IntervalSchedule {
  const hint = 'an interval takes weeks, days, hours, minutes, seconds and start_at';
  refuseUnknownKeys(input, INTERVAL_KEYS, field, problems, hint);
  const schedule: IntervalSchedule = { type: 'interval' };
  let unitsValid = true;
  for (const [unit] of UNITS) {
    const value = input[unit];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.add(`${field}.${unit}`, `must be a number, got ${describeValue(value)}`);
      unitsValid = false;
    } else if (value < 0) {
      problems.add(`${field}.${unit}`, `must not be negative, got ${value}`);
      unitsValid = false;
    } else if (value > 0) {
      schedule[unit] = value;
    }
  }
  if (unitsValid) {
    const total = intervalMs(schedule);
    if (total < MIN_INTERVAL_MS) problems.add(`${field}.seconds`, 'the interval must be at least 1 second');
    else if (total > MAX_INTERVAL_MS) problems.add(`${field}.days`, 'the interval must be at most 366 days');
  }
  if (input.start_at !== undefined && input.start_at !== null) {
    const startAt = readDateTime(input.start_at);
    if (startAt) schedule.start_at = startAt;
    else {
      problems.add(
        `${field}.start_at`,
        `${describeValue(input.start_at)} is not a date-time; use ISO 8601 with an offset, e.g. 2026-01-31T08:00:00Z`,
      );
    }
  }
  return schedule;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An offset is required because without one the server's own zone would decide the instant. The
 * fields are checked by hand because Date rolls 2026-02-31 over to March 3 instead of refusing it.
 */
function readDateTime(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string') return undefined;
  const match = DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
  if (!inRange || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function readCrontab(input: Record<string, unknown>, field: string, problems: Problems): CrontabSchedule {
  refuseUnknownKeys(input, CRONTAB_KEYS, field, problems, `a crontab takes ${FIVE_PARTS} (or expression) and timezone`);
  const texts = new Map<CronFieldName, string | undefined>(CRON_FIELDS.map((name) => [name, '*']));
  const given = CRON_FIELDS.filter((name) => input[name] !== undefined && input[name] !== null);
  const { expression } = input;
  if (expression !== undefined && expression !== null) {
    const at = `${field}.expression`;
    if (given.length > 0) problems.add(at, `give either expression or ${given.join(', ')}, not both`);
    const parts = typeof expression === 'string' ? splitCronExpression(expression) : undefined;
    if (!parts) problems.add(at, `must be text such as "0 3 * * 1-5", got ${describeValue(expression)}`);
    else if (!Array.isArray(parts)) problems.add(at, parts.problem);
    else CRON_FIELDS.forEach((name, i) => texts.set(name, parts[i]));
  } else {
    for (const name of given) {
      const value = input[name];
      const text = typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : value;
      texts.set(name, typeof text === 'string' ? text : undefined);
      if (typeof text !== 'string') {
        problems.add(`${field}.${name}`, `must be text such as "*" or "1-5", got ${describeValue(value)}`);
      }
    }
  }

  const zone = input.timezone ?? 'UTC';
  const timezone = typeof zone === 'string' ? canonicalTimeZone(zone) : undefined;
  if (!timezone) problems.add(`${field}.timezone`, `unknown time zone ${describeValue(zone)}`);

  let fieldsValid = true;
  for (const name of CRON_FIELDS) {
    const text = texts.get(name)?.trim().toLowerCase();
    texts.set(name, text);
    const messages = text === undefined ? [] : cronFieldProblems(name, text);
    for (const message of messages) problems.add(`${field}.${name}`, message);
    if (text === undefined || messages.length > 0) fieldsValid = false;
  }

  const schedule: CrontabSchedule = {
    type: 'crontab',
    minute: texts.get('minute') ?? '*',
    hour: texts.get('hour') ?? '*',
    day_of_month: texts.get('day_of_month') ?? '*',
    month_of_year: texts.get('month_of_year') ?? '*',
    day_of_week: texts.get('day_of_week') ?? '*',
    timezone: timezone ?? 'UTC',
  };
  // A pattern that fires at all fires within any 28 years, so one look from 1970 settles it.
  if (fieldsValid && timezone && cronFor(schedule).nextRun(new Date(0)) === null) {
    problems.add(
      `${field}.day_of_month`,
      `day ${schedule.day_of_month} never occurs in month ${schedule.month_of_year}, so the schedule would never fire`,
    );
  }
  return schedule;
}

function refuseUnknownKeys(
  input: Record<string, unknown>,
  known: Set<string>,
  field: string,
  problems: Problems,
  hint: string,
): void {
  for (const key of Object.keys(input)) {
    if (!known.has(key)) problems.add(`${field}.${key}`, `unknown setting "${key}"; ${hint}`);
  }
}

const EVERY_UNITS: Record<string, IntervalUnit> = { w: 'weeks', d: 'days', h: 'hours', m: 'minutes', s: 'seconds' };

export function parseEvery(text: string, field = 'every'): IntervalSchedule {
  const refuse = (message: string): never => {
    throw new ValidationError(INVALID, [{ field, messages: [message] }]);
  };
  const input = String(text).trim().toLowerCase();
  const schedule: IntervalSchedule = { type: 'interval' };
  if (/^\d+(\.\d+)?$/.test(input)) {
    schedule.seconds = Number(input);
  } else if (/^(\s*\d+(\.\d+)?\s*[wdhms])+$/.test(input)) {
    for (const [, amount = '', letter = ''] of input.matchAll(/(\d+(?:\.\d+)?)\s*([wdhms])/g)) {
      const unit = EVERY_UNITS[letter];
      if (!unit) continue;
      if (schedule[unit] !== undefined) refuse(`"${text}" gives ${unit} twice`);
      schedule[unit] = Number(amount);
    }
  } else {
    refuse(`"${text}" is not an interval; use a number and a unit (s, m, h, d, w), e.g. 30s, 90m, 4h, 1d, 1w or 1h30m`);
  }
  const total = intervalMs(schedule);
  if (total < MIN_INTERVAL_MS) refuse(`"${text}" is too short; the interval must be at least 1 second`);
  if (total > MAX_INTERVAL_MS) refuse(`"${text}" is too long; the interval must be at most 366 days`);
  for (const [unit] of UNITS) if (schedule[unit] === 0) delete schedule[unit];
  return schedule;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
}
