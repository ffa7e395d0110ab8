import { CRON_FIELDS } from './cron-fields.js';

/**
 * A job's schedule: the types and the units they are made of. Parsing is in schedule-parse.ts,
 * fire times in schedule-times.ts, wording in schedule-words.ts.
 */
export interface IntervalSchedule {
  type: 'interval';
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  /** ISO 8601 with offset, normalised to toISOString(). */
  start_at?: string;
}

export interface CrontabSchedule {
  type: 'crontab';
  minute: string;
  hour: string;
  day_of_month: string;
  month_of_year: string;
  day_of_week: string;
  timezone: string;
}

export type Schedule = IntervalSchedule | CrontabSchedule;

const SECOND = 1000;
const DAY = 86_400 * SECOND;
export const UNITS = [
  ['weeks', 'week', 7 * DAY],
  ['days', 'day', DAY],
  ['hours', 'hour', 3_600 * SECOND],
  ['minutes', 'minute', 60 * SECOND],
  ['seconds', 'second', SECOND],
] as const;
export type IntervalUnit = (typeof UNITS)[number][0];
export const MIN_INTERVAL_MS = SECOND;
export const MAX_INTERVAL_MS = 366 * DAY;
/** The message of every schedule validation error (the details are per field). */
export const INVALID_SCHEDULE = 'The schedule is not valid.';

export function intervalMs(schedule: IntervalSchedule): number {
  return Math.round(UNITS.reduce((total, [unit, , ms]) => total + (schedule[unit] ?? 0) * ms, 0));
}

export function cronExpression(schedule: CrontabSchedule): string {
  return CRON_FIELDS.map((name) => schedule[name]).join(' ');
}
