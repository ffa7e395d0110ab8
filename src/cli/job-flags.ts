import type { Command } from 'commander';
import { ValidationError, fieldError } from '../domain/errors.js';
import { parseEvery } from '../domain/schedule-parse.js';
import { JOB_CLI_FLAGS } from '../domain/job-contract.js';
import type { JobPatch } from '../service/job-service.js';

/**
 * The flags of `jobs create` and `jobs update`, as commander hands them over. Most come from the
 * job contract (domain/job-contract.ts); the schedule, webhook and active flags are shaped here.
 */
export interface JobFlags {
  [contractFlag: string]: unknown;
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
  notifyWebhook?: string[];
  notifyWebhookSecret?: string;
}

/** commander's property name of a flag: `--retry-backoff-max <seconds>` → `retryBackoffMax`. */
const attributeOf = (flag: string) =>
  flag
    .split(' ')[0]!
    .replace(/^--/, '')
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function withJobFlags(command: Command): Command {
  for (const { flag, help, negatable } of JOB_CLI_FLAGS) {
    command.option(flag, help);
    if (negatable) command.option(`--no-${flag.slice(2).split(' ')[0]}`, negatable);
  }
  return command
    .option('--active', 'fired by its schedule (default for new jobs)')
    .option('--inactive', 'never fired by a schedule; can still be run by hand')
    .option('--args <json>', 'saved run arguments, a JSON object')
    .option('--custom-args <json>', 'saved custom args, a JSON object that replaces the arguments ("" clears)')
    .option('--cron <expression>', 'crontab schedule "minute hour day-of-month month day-of-week"')
    .option('--every <interval>', 'interval schedule: 30s, 90m, 4h, 1d, 1w, 1h30m')
    .option('--timezone <zone>', 'IANA time zone of a --cron schedule (default UTC)')
    .option('--start-at <iso>', 'first fire time of an --every schedule')
    .option('--no-schedule', 'remove the schedule')
    .option(
      '--notify-webhook <url>',
      'webhook POSTed a signed JSON body on the same events; repeat for several ("" clears)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--notify-webhook-secret <secret>', 'HMAC secret of the --notify-webhook URLs given (default: keep)');
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
export function jobInputFrom(flags: JobFlags): JobPatch {
  const schedule = scheduleFrom(flags);
  const active = flags.inactive ? false : flags.active;
  const input: JobPatch = {};
  // Numbers stay text here: the contract checks them and names the bad field.
  for (const { name, flag } of JOB_CLI_FLAGS) {
    const value = flags[attributeOf(flag)];
    if (value !== undefined) input[name] = value;
  }
  return {
    ...input,
    ...(active !== undefined && { active }),
    ...(flags.args !== undefined && { args: flags.args }),
    ...(flags.customArgs !== undefined && { customArgs: flags.customArgs }),
    ...(schedule !== undefined && { schedule }),
    ...(flags.notifyWebhook !== undefined && { notificationWebhooks: webhooksFrom(flags.notifyWebhook, flags) }),
  };
}
