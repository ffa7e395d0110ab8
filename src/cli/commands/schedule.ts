import type { Command } from 'commander';
import { parseInteger, withContext } from '../command-support.js';
import { jobInputFrom } from '../job-flags.js';
import { printJson } from '../output.js';
import { formatInZone } from '../../service/zoned-time.js';

export function registerScheduleCommands(program: Command): void {
  const schedule = program.command('schedule').description('work with schedules');
  schedule
    .command('preview')
    .description('the next fire times of a schedule, in its time zone')
    .option('--cron <expression>', 'crontab "minute hour day-of-month month day-of-week"')
    .option('--every <interval>', 'interval: 30s, 90m, 4h, 1d, 1w, 1h30m')
    .option('--timezone <zone>', 'IANA time zone of a --cron schedule (default UTC)')
    .option('--start-at <iso>', 'first fire time of an --every schedule')
    .option('--count <n>', 'how many fire times (default 5)', parseInteger('count', 1), 5)
    .option('--from <iso>', 'list fire times after this time (default now)')
    .action(
      withContext(
        async (
          { deck, json },
          flags: { cron?: string; every?: string; timezone?: string; startAt?: string; count: number; from?: string },
        ) => {
          const input = jobInputFrom(flags).schedule;
          if (input === undefined) throw new Error('Give a schedule: --cron "m h dom mon dow" or --every 90m.');
          const preview = deck.schedules.preview(input, { from: flags.from, count: flags.count });
          const zone = preview.schedule.type === 'crontab' ? preview.schedule.timezone : 'UTC';
          const times = preview.times.map((time) => formatInZone(time, zone));
          if (json)
            return printJson({ schedule: preview.schedule, description: preview.description, timezone: zone, times });
          process.stdout.write(`${preview.description}\n${times.join('\n')}\n`);
        },
      ),
    );
}
