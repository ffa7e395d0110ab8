import cronstrue from 'cronstrue';
import { UNITS, cronExpression, intervalMs, type Schedule } from './schedule.js';

/** A schedule in words, as the admin, the CLI and notifications show it. */
export function describeSchedule(schedule: Schedule): string {
  if (schedule.type === 'crontab') {
    const expression = cronExpression(schedule);
    let words: string;
    try {
      words = cronstrue.toString(expression, { use24HourTimeFormat: true, verbose: false });
    } catch {
      words = `Cron "${expression}"`;
    }
    return `${words} (${schedule.timezone})`;
  }
  // From the total, so {minutes: 90} and {hours: 1.5} both read "1 hour and 30 minutes".
  let rest = intervalMs(schedule);
  const parts: [number, string][] = [];
  for (const [, singular, ms] of [...UNITS, ['milliseconds', 'millisecond', 1] as const]) {
    const amount = Math.floor(rest / ms);
    rest -= amount * ms;
    if (amount > 0) parts.push([amount, singular]);
  }
  const [only] = parts;
  const words =
    parts.length === 1 && only && only[0] === 1
      ? only[1]
      : joinWords(parts.map(([amount, singular]) => `${amount} ${singular}${amount === 1 ? '' : 's'}`));
  return `Every ${words}${schedule.start_at ? `, starting ${schedule.start_at}` : ''}`;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
