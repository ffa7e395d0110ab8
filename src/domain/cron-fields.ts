import { Cron, type CronOptions } from 'croner';

/**
 * Checks the five fields of a crontab schedule one at a time, so a problem is reported on the field
 * that has it and in plain words. Croner still has the last word (see cronerProblem); the own
 * checks exist because its messages name internal indexes ("Invalid value for day: 31" means 32).
 */

export const CRON_FIELDS = ['minute', 'hour', 'day_of_month', 'month_of_year', 'day_of_week'] as const;
export type CronFieldName = (typeof CRON_FIELDS)[number];

interface FieldSpec {
  min: number;
  max: number;
  /** Croner refuses a step larger than the number of slots it keeps for the field. */
  maxStep: number;
  /** Names by value, starting at `min`. */
  names?: readonly string[];
  /** How the field is called in "not a … number or name" messages. */
  kind: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const SPECS: Record<CronFieldName, FieldSpec> = {
  minute: { min: 0, max: 59, maxStep: 60, kind: 'minute' },
  hour: { min: 0, max: 23, maxStep: 24, kind: 'hour' },
  day_of_month: { min: 1, max: 31, maxStep: 31, kind: 'day of the month' },
  month_of_year: { min: 1, max: 12, maxStep: 12, names: MONTHS, kind: 'month' },
  // 0 and 7 are both Sunday; names stop at sat, "sun" as the end of a range means 7.
  day_of_week: { min: 0, max: 7, maxStep: 7, names: WEEKDAYS, kind: 'weekday' },
};

const SUPPORTED = 'use numbers, names, *, ranges (1-5), lists (1,15) and steps (*/10)';

export const FIVE_PARTS = CRON_FIELDS.join(' ');

export function cronOptions(timezone: string): CronOptions {
  // UTC as the fixed offset it is (the same times: no DST): croner then computes with Date's UTC
  // methods instead of Intl, whose time-zone data costs a process ~8 MiB of RSS once touched.
  const zone = timezone === 'UTC' ? { utcOffset: 0 } : { timezone };
  // "no-wildcard": "30 2,14 * * *" is as much a fixed time as "30 2 * * *", so across DST it runs
  // once after a gap and once on a repeated hour, where croner's default would skip or repeat it.
  return { ...zone, paused: true, mode: '5-part', domAndDow: false, fixedTimeRule: 'no-wildcard' };
}

/** The five parts of "m h dom mon dow", or why it is not that. */
export function splitCronExpression(expression: string): string[] | { problem: string } {
  const parts = expression.trim() === '' ? [] : expression.trim().split(/\s+/);
  if (parts.length === 5) return parts;
  const seconds = parts.length === 6 ? ', but a seconds field is not supported' : '';
  return {
    problem: `"${expression}" has ${parts.length} part${parts.length === 1 ? '' : 's'}${seconds}; give 5: ${FIVE_PARTS}`,
  };
}

/**
 * The zone's canonical spelling when it differs from the input only in case; an alias keeps the
 * name it was given, as ICU would otherwise turn Asia/Kolkata into the outdated Asia/Calcutta.
 */
export function canonicalTimeZone(zone: string): string | undefined {
  const name = zone.trim();
  // Newer runtimes accept offsets like "+01:00", which are not IANA names and ignore DST.
  if (name === '' || /^[+-]\d/.test(name)) return undefined;
  // What Intl answers for any spelling of UTC, without loading its time-zone data (see cronOptions).
  if (name.toUpperCase() === 'UTC') return 'UTC';
  try {
    const resolved = new Intl.DateTimeFormat(undefined, { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return undefined;
  }
}

/** The problems of one field's text (trimmed and lower-cased); empty when it is fine. */
export function cronFieldProblems(name: CronFieldName, text: string): string[] {
  const problems = checkCronField(name, text);
  if (problems.length > 0) return problems;
  // The field with * elsewhere, so whatever croner refuses is this field's fault.
  const alone = CRON_FIELDS.map((other) => (other === name ? text : '*')).join(' ');
  try {
    new Cron(alone, cronOptions('UTC'));
    return [];
  } catch (error) {
    return [cronerProblem(name, error instanceof Error ? error.message : String(error))];
  }
}

function checkCronField(name: CronFieldName, text: string): string[] {
  const spec = SPECS[name];
  if (text === '') return ['must not be empty; use * for any value'];
  if (/\s/.test(text)) return ['must not contain spaces; separate list items with commas, e.g. "1,15"'];
  const problems: string[] = [];
  for (const item of text.split(',')) {
    if (item === '') problems.push(`has an empty item in the list "${text}"`);
    else problems.push(...checkItem(spec, item));
  }
  return [...new Set(problems)];
}

function checkItem(spec: FieldSpec, item: string): string[] {
  const [base = '', step, ...extra] = item.split('/');
  if (extra.length > 0) return [`"${item}" has more than one step`];
  const problems: string[] = [];
  if (step !== undefined) {
    if (!/^\d+$/.test(step)) problems.push(`"${step}" is not a valid step; use a whole number, e.g. */5`);
    else if (Number(step) < 1) problems.push('step must be at least 1');
    else if (Number(step) > spec.maxStep) problems.push(`step ${Number(step)} is too large (at most ${spec.maxStep})`);
    // Croner refuses "5/10"; other crons read it as "5-max/10", so say how to write that.
    if (base !== '*' && !base.includes('-')) {
      problems.push(`a step needs * or a range before it, e.g. "*/${step}" or "${base}-${spec.max}/${step}"`);
    }
  }
  if (base === '*') return problems;
  const ends = base.split('-');
  const [from, to] = ends;
  if (ends.length > 2 || from === '' || to === '') {
    problems.push(`"${base}" is not a valid value or range; a range is start-end, e.g. 1-5`);
    return problems;
  }
  const low = readValue(spec, from ?? '', problems, false);
  const high = to === undefined ? undefined : readValue(spec, to, problems, true);
  if (low !== undefined && high !== undefined && low > high) {
    problems.push(`range ${base} goes backwards (${from} comes after ${to})`);
  }
  return problems;
}

function readValue(spec: FieldSpec, token: string, problems: string[], rangeEnd: boolean): number | undefined {
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    if (value < spec.min || value > spec.max) {
      problems.push(`${value} is out of range ${spec.min}–${spec.max}`);
      return undefined;
    }
    return value;
  }
  const index = spec.names?.indexOf(token) ?? -1;
  if (spec.names && index >= 0) {
    // So that "mon-sun" and "sat-sun" read as 1-7 and 6-7, as croner does.
    if (rangeEnd && spec.names === WEEKDAYS && index === 0) return 7;
    return (spec.names === MONTHS ? 1 : 0) + index;
  }
  const named = spec.names
    ? ` ${spec.kind} number (${spec.min}–${spec.max}) or name (${spec.names.at(0)}–${spec.names.at(-1)})`
    : ' number';
  const hint = /[lw#?]/.test(token) ? `; L, W, # and ? are not supported, ${SUPPORTED}` : '';
  problems.push(`"${token}" is not a${named}${hint}`);
  return undefined;
}

/** Croner's message for a field it refused, in the words checkCronField would use. */
export function cronerProblem(name: CronFieldName, message: string): string {
  const spec = SPECS[name];
  const text = message.replace(/^CronPattern:\s*/, '');
  const invalid = /Invalid value for \w+: (-?\d+)/.exec(text);
  if (invalid) {
    // Croner counts days of the month and months from 0.
    const offset = name === 'day_of_month' || name === 'month_of_year' ? 1 : 0;
    return `${Number(invalid[1]) + offset} is out of range ${spec.min}–${spec.max}`;
  }
  if (/illegal stepping: 0$/.test(text)) return 'step must be at least 1';
  const tooLarge = /steps cannot be greater than maximum value of part \((\d+)\)/.exec(text);
  if (tooLarge) return `the step is too large (at most ${tooLarge[1]})`;
  const backwards = /From value is larger than to value: '([^']+)'/.exec(text);
  if (backwards) return `range ${backwards[1]} goes backwards`;
  if (/numeric prefix|missing prefix/.test(text)) return 'a step needs * or a range before it, e.g. "*/5" or "1-59/5"';
  if (/illegal characters/.test(text)) return `contains characters that are not allowed; ${SUPPORTED}`;
  if (/is empty/.test(text)) return 'has an empty item in its list';
  return `is not valid (${text})`;
}
