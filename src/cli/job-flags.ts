import type { Command } from 'commander';
import { ValidationError, fieldError } from '../domain/errors.js';
import { parseEvery } from '../domain/schedule-parse.js';
import type { JobInput } from '../service/job-service.js';

/** The flags of `jobs create` and `jobs update`, as commander hands them over. */
export interface JobFlags {
  title?: string;
  description?: string;
  task?: string;
  queue?: string;
  active?: boolean;
  inactive?: boolean;
  args?: string;
  customArgs?: string;
  cron?: string;
  every?: string;
  timezone?: string;
  startAt?: string;
  /** false when --no-schedule was given. */
  schedule?: boolean;
  overlap?: string;
  misfire?: string;
  notifyEmails?: string;
  notifyStatuses?: string;
  notifyWebhook?: string[];
  notifyWebhookSecret?: string;
  notifyRunningLongerThan?: string;
  maxAttempts?: string;
  timeout?: string;
  retryBackoff?: string;
  retryBackoffMax?: string;
  retryPartial?: boolean;
}

export function withJobFlags(command: Command): Command {
  return command
    .option('--title <title>', 'name of the job')
    .option('--description <text>', 'what the job does')
    .option('--task <id>', 'task type (see `jobdeck tasks list`)')
    .option('--queue <name>', 'default queue of its runs')
    .option('--active', 'fired by its schedule (default for new jobs)')
    .option('--inactive', 'never fired by a schedule; can still be run by hand')
    .option('--args <json>', 'saved run arguments, a JSON object')
    .option('--custom-args <json>', 'saved custom args, a JSON object that replaces the arguments ("" clears)')
    .option('--cron <expression>', 'crontab schedule "minute hour day-of-month month day-of-week"')
    .option('--every <interval>', 'interval schedule: 30s, 90m, 4h, 1d, 1w, 1h30m')
    .option('--timezone <zone>', 'IANA time zone of a --cron schedule (default UTC)')
    .option('--start-at <iso>', 'first fire time of an --every schedule')
    .option('--no-schedule', 'remove the schedule')
    .option('--overlap <policy>', 'while a run is active: allow, skip (default) or queue')
    .option('--misfire <policy>', 'slots missed while no scheduler ran: skip, once (default) or all')
    .option('--notify-emails <list>', 'e-mail addresses told about chosen run endings, comma-separated ("" clears)')
    .option(
      '--notify-webhook <url>',
      'webhook POSTed a signed JSON body on the same events; repeat for several ("" clears)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--notify-webhook-secret <secret>', 'HMAC secret of the --notify-webhook URLs given (default: keep)')
    .option('--notify-running-longer-than <seconds>', 'tell once when a run takes longer than this (0 clears)')
    .option('--notify-statuses <list>', 'which endings, e.g. FAILED,PARTIAL_SUCCESS ("" clears)')
    .option('--max-attempts <n>', 'attempts in all, the first included (default 1: no retry)')
    .option('--timeout <seconds>', "abort a run after this many seconds (0: the task's default, or none)")
    .option('--retry-backoff <seconds>', 'wait before the 2nd attempt, doubled for each further one (default 10)')
    .option('--retry-backoff-max <seconds>', 'longest wait between attempts (default 600)')
    .option('--retry-partial', 'retry a PARTIAL_SUCCESS like a failure')
    .option('--no-retry-partial', 'a PARTIAL_SUCCESS is final (default)');
}

function scheduleFrom(flags: JobFlags): unknown {
  if (flags.schedule === false) return null;
  if (flags.cron !== undefined && flags.every !== undefined) {
    throw new ValidationError('Give either --cron or --every, not both.', [
      fieldError('schedule', 'Give either --cron or --every, not both.'),
    ]);
  }
  if (flags.cron !== undefined) {
    if (flags.startAt !== undefined) {
      throw new ValidationError('--start-at goes with --every.', [
        fieldError('start_at', 'Only an --every schedule has a start time.'),
      ]);
    }
    return {
      type: 'crontab',
      expression: flags.cron,
      ...(flags.timezone !== undefined && { timezone: flags.timezone }),
    };
  }
  if (flags.every !== undefined) {
    if (flags.timezone !== undefined) {
      throw new ValidationError('--timezone goes with --cron.', [
        fieldError('timezone', 'An interval has no time zone; use it with --cron.'),
      ]);
    }
    return { ...parseEvery(flags.every), ...(flags.startAt !== undefined && { start_at: flags.startAt }) };
  }
  if (flags.timezone !== undefined || flags.startAt !== undefined) {
    throw new ValidationError('--timezone and --start-at need a schedule.', [
      fieldError('schedule', 'Give --cron (with --timezone) or --every (with --start-at).'),
    ]);
  }
  return undefined;
}

/** Webhook URLs with the secret given, or "set" to keep the one stored for the URL. */
function webhooksFrom(urls: string[], flags: JobFlags): { url: string; secret: string }[] {
  return urls.filter(Boolean).map((url) => ({ url, secret: flags.notifyWebhookSecret ?? 'set' }));
}

/** Only the fields given on the command line, so `update` changes just those. */
export function jobInputFrom(flags: JobFlags): Partial<JobInput> {
  const schedule = scheduleFrom(flags);
  const active = flags.inactive ? false : flags.active;
  return {
    ...(flags.title !== undefined && { title: flags.title }),
    ...(flags.description !== undefined && { description: flags.description }),
    ...(flags.task !== undefined && { task: flags.task }),
    ...(flags.queue !== undefined && { queue: flags.queue }),
    ...(active !== undefined && { active }),
    ...(flags.args !== undefined && { args: flags.args }),
    ...(flags.customArgs !== undefined && { customArgs: flags.customArgs }),
    ...(schedule !== undefined && { schedule }),
    ...(flags.overlap !== undefined && { overlapPolicy: flags.overlap }),
    ...(flags.misfire !== undefined && { misfirePolicy: flags.misfire }),
    ...(flags.notifyEmails !== undefined && { notificationEmails: flags.notifyEmails }),
    ...(flags.notifyStatuses !== undefined && { notificationStatuses: flags.notifyStatuses }),
    ...(flags.notifyWebhook !== undefined && { notificationWebhooks: webhooksFrom(flags.notifyWebhook, flags) }),
    ...(flags.notifyRunningLongerThan !== undefined && { notifyRunningLongerThan: flags.notifyRunningLongerThan }),
    // Numbers stay text here: the job service checks them and names the bad field.
    ...(flags.maxAttempts !== undefined && { maxAttempts: flags.maxAttempts }),
    ...(flags.timeout !== undefined && { timeoutSeconds: flags.timeout }),
    ...(flags.retryBackoff !== undefined && { retryBackoffSeconds: flags.retryBackoff }),
    ...(flags.retryBackoffMax !== undefined && { retryBackoffMaxSeconds: flags.retryBackoffMax }),
    ...(flags.retryPartial !== undefined && { retryPartial: flags.retryPartial }),
  };
}
