import { Cron } from 'croner';
import { cronOptions } from './cron-fields.js';
import { ValidationError } from './errors.js';
import {
  INVALID_SCHEDULE as INVALID,
  cronExpression,
  intervalMs,
  type CrontabSchedule,
  type Schedule,
} from './schedule.js';

/** When a schedule fires: its first slot after it is saved, the slot after a slot, a preview. */

/** Croner instances only hold the parsed pattern (no timer without a function), so they are shared. */
const crons = new Map<string, Cron>();

export function cronFor(schedule: CrontabSchedule): Cron {
  const pattern = cronExpression(schedule);
  const key = `${schedule.timezone} ${pattern}`;
  let cron = crons.get(key);
  if (!cron) {
    cron = new Cron(pattern, cronOptions(schedule.timezone));
    if (crons.size >= 500) crons.delete(crons.keys().next().value ?? '');
    crons.set(key, cron);
  }
  return cron;
}

function nextCronTime(schedule: CrontabSchedule, after: Date): Date {
  const next = cronFor(schedule).nextRun(after);
  if (!next) throw new ValidationError(INVALID, [{ field: 'schedule', messages: ['the schedule never fires'] }]);
  return next;
}

export function firstFireTime(schedule: Schedule, savedAt: Date): Date {
  if (schedule.type === 'crontab') return nextCronTime(schedule, savedAt);
  const interval = intervalMs(schedule);
  if (schedule.start_at === undefined) return new Date(savedAt.getTime() + interval);
  const start = Date.parse(schedule.start_at);
  if (start > savedAt.getTime()) return new Date(start);
  const slots = Math.floor((savedAt.getTime() - start) / interval) + 1;
  return new Date(start + slots * interval);
}

export function nextFireAfter(schedule: Schedule, previous: Date): Date {
  if (schedule.type === 'crontab') return nextCronTime(schedule, previous);
  return new Date(previous.getTime() + intervalMs(schedule));
}

export function previewFireTimes(schedule: Schedule, from: Date, count: number): Date[] {
  const wanted = Math.min(1000, Math.max(1, Math.floor(count) || 1));
  const times = [firstFireTime(schedule, from)];
  while (times.length < wanted) times.push(nextFireAfter(schedule, times[times.length - 1]!));
  return times;
}
