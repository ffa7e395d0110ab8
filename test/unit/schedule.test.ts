import { Cron } from 'croner';
import { CronExpressionParser } from 'cron-parser';
import { describe, expect, it } from 'vitest';
import { cronerProblem } from '../../src/domain/cron-fields.js';
import { ValidationError } from '../../src/domain/errors.js';
import { cronExpression, intervalMs, type CrontabSchedule, type Schedule } from '../../src/domain/schedule.js';
import { describeSchedule } from '../../src/domain/schedule-words.js';
import { firstFireTime, nextFireAfter, previewFireTimes } from '../../src/domain/schedule-times.js';
import { parseEvery, parseSchedule } from '../../src/domain/schedule-parse.js';

const at = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

function cron(expression: string, timezone = 'UTC'): CrontabSchedule {
  return parseSchedule({ type: 'crontab', expression, timezone }) as CrontabSchedule;
}

function times(schedule: Schedule, from: string, count: number): string[] {
  return iso(previewFireTimes(schedule, at(from), count));
}

/** The field errors of a ValidationError, by field. */
function errorsOf(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return Object.fromEntries((error as ValidationError).errors.map((e) => [e.field, e.messages]));
  }
  throw new Error('expected a ValidationError');
}

describe('parseSchedule', () => {
  it('normalises an interval', () => {
    expect(parseSchedule({ type: 'interval', hours: 4 })).toEqual({ type: 'interval', hours: 4 });
    expect(
      parseSchedule({ type: 'interval', minutes: 30, seconds: 0, hours: 1, start_at: '2026-01-01T01:00:00+01:00' }),
    ).toEqual({ type: 'interval', hours: 1, minutes: 30, start_at: '2026-01-01T00:00:00.000Z' });
    expect(intervalMs({ type: 'interval', weeks: 1, days: 1, hours: 1.5, minutes: 1, seconds: 1 })).toBe(
      8 * 86_400_000 + 5_400_000 + 61_000,
    );
  });

  it('normalises a crontab: defaults, expression, names and time zone case', () => {
    expect(parseSchedule({ type: 'crontab', hour: '3' })).toEqual({
      type: 'crontab',
      minute: '*',
      hour: '3',
      day_of_month: '*',
      month_of_year: '*',
      day_of_week: '*',
      timezone: 'UTC',
    });
    const schedule = parseSchedule({
      type: 'crontab',
      expression: ' 0  3 * JAN-Mar MON-FRI ',
      timezone: 'europe/zurich',
    });
    expect(schedule).toEqual({
      type: 'crontab',
      minute: '0',
      hour: '3',
      day_of_month: '*',
      month_of_year: 'jan-mar',
      day_of_week: 'mon-fri',
      timezone: 'Europe/Zurich',
    });
    expect(cronExpression(schedule as CrontabSchedule)).toBe('0 3 * jan-mar mon-fri');
    expect(parseSchedule({ type: 'crontab', minute: 0, hour: 12 })).toMatchObject({ minute: '0', hour: '12' });
  });

  it('keeps a time zone alias as given instead of ICU’s older name', () => {
    expect(cron('0 0 * * *', 'Asia/Kolkata').timezone).toBe('Asia/Kolkata');
    expect(cron('0 0 * * *', 'utc').timezone).toBe('UTC');
  });
});

describe('validation errors name the field', () => {
  it('refuses out-of-range values with the real bounds', () => {
    expect(errorsOf(() => parseSchedule({ type: 'crontab', hour: '24' }))).toEqual({
      'schedule.hour': ['24 is out of range 0–23'],
    });
    const errors = errorsOf(() => cron('60 1 32 13 8'));
    expect(errors['schedule.minute']).toEqual(['60 is out of range 0–59']);
    expect(errors['schedule.day_of_month']).toEqual(['32 is out of range 1–31']);
    expect(errors['schedule.month_of_year']).toEqual(['13 is out of range 1–12']);
    expect(errors['schedule.day_of_week']).toEqual(['8 is out of range 0–7']);
    expect(errors['schedule.hour']).toBeUndefined();
    expect(errorsOf(() => cron('0 0 0 0 *'))).toEqual({
      'schedule.day_of_month': ['0 is out of range 1–31'],
      'schedule.month_of_year': ['0 is out of range 1–12'],
    });
  });

  it('refuses bad steps, ranges, names and extensions', () => {
    expect(errorsOf(() => cron('*/0 * * * *'))).toEqual({ 'schedule.minute': ['step must be at least 1'] });
    expect(errorsOf(() => cron('*/61 * * * *'))['schedule.minute']).toEqual(['step 61 is too large (at most 60)']);
    expect(errorsOf(() => cron('5/10 * * * *'))['schedule.minute']?.[0]).toMatch(/a step needs \* or a range/);
    expect(errorsOf(() => cron('0 5-2 * * *'))['schedule.hour']).toEqual([
      'range 5-2 goes backwards (5 comes after 2)',
    ]);
    expect(errorsOf(() => cron('0 0 * * fri-mon'))['schedule.day_of_week']?.[0]).toMatch(/goes backwards/);
    expect(errorsOf(() => cron('0 mon * * *'))['schedule.hour']).toEqual(['"mon" is not a number']);
    expect(errorsOf(() => cron('0 0 * foo *'))['schedule.month_of_year']?.[0]).toBe(
      '"foo" is not a month number (1–12) or name (jan–dec)',
    );
    expect(errorsOf(() => cron('0 0 L * *'))['schedule.day_of_month']?.[0]).toMatch(/L, W, # and \? are not supported/);
    expect(errorsOf(() => cron('0 0 * * 5#2'))['schedule.day_of_week']?.[0]).toMatch(/not supported/);
    expect(errorsOf(() => cron('1,,2 * * * *'))['schedule.minute']?.[0]).toMatch(/empty item/);
    expect(errorsOf(() => parseSchedule({ type: 'crontab', minute: '1, 2' }))['schedule.minute']?.[0]).toMatch(
      /spaces/,
    );
  });

  it('refuses an unknown time zone, and offsets that are not IANA names', () => {
    expect(errorsOf(() => cron('0 0 * * *', 'Mars/Base'))).toEqual({
      'schedule.timezone': ['unknown time zone "Mars/Base"'],
    });
    expect(errorsOf(() => cron('0 0 * * *', '+01:00'))).toHaveProperty('schedule.timezone');
  });

  it('refuses a 6-part expression, other part counts and fields given twice', () => {
    expect(errorsOf(() => cron('0 0 3 * * *'))['schedule.expression']?.[0]).toMatch(
      /has 6 parts, but a seconds field is not supported; give 5/,
    );
    expect(errorsOf(() => cron('0 3 * *'))['schedule.expression']?.[0]).toMatch(/has 4 parts/);
    expect(errorsOf(() => cron('@daily'))['schedule.expression']?.[0]).toMatch(/has 1 part;/);
    expect(
      errorsOf(() => parseSchedule({ type: 'crontab', expression: '0 3 * * *', hour: '4' }))['schedule.expression'],
    ).toEqual(['give either expression or hour, not both']);
  });

  it('refuses an expression that can never fire', () => {
    expect(errorsOf(() => cron('30 2 30 feb *'))).toEqual({
      'schedule.day_of_month': ['day 30 never occurs in month feb, so the schedule would never fire'],
    });
    expect(errorsOf(() => cron('0 0 31 4,6,9,11 *'))).toHaveProperty('schedule.day_of_month');
    // Leap days and the day-of-week alternative do fire.
    expect(times(cron('0 0 29 2 *'), '2026-06-01T00:00:00Z', 1)).toEqual(['2028-02-29T00:00:00.000Z']);
    expect(times(cron('0 0 30 2 1'), '2026-06-01T00:00:00Z', 1)).toEqual(['2027-02-01T00:00:00.000Z']);
  });

  it('checks intervals: zero, negative, non-numbers, too long, unknown keys, start_at', () => {
    expect(errorsOf(() => parseSchedule({ type: 'interval', minutes: 0 }))).toEqual({
      'schedule.seconds': ['the interval must be at least 1 second'],
    });
    expect(errorsOf(() => parseSchedule({ type: 'interval', seconds: 0.5 }))).toHaveProperty('schedule.seconds');
    expect(errorsOf(() => parseSchedule({ type: 'interval', days: 367 }))).toEqual({
      'schedule.days': ['the interval must be at most 366 days'],
    });
    expect(parseSchedule({ type: 'interval', days: 366 })).toEqual({ type: 'interval', days: 366 });
    const errors = errorsOf(() =>
      parseSchedule({ type: 'interval', hours: -1, minutes: '5', every: 3, start_at: '2026-02-31T00:00:00Z' }),
    );
    expect(errors).toEqual({
      'schedule.every': [expect.stringMatching(/^unknown setting "every"/)],
      'schedule.hours': ['must not be negative, got -1'],
      'schedule.minutes': ['must be a number, got "5"'],
      'schedule.start_at': [expect.stringMatching(/^"2026-02-31T00:00:00Z" is not a date-time/)],
    });
    // No offset: the instant would depend on the server's time zone.
    expect(errorsOf(() => parseSchedule({ type: 'interval', hours: 1, start_at: '2026-01-01T08:00' }))).toHaveProperty(
      'schedule.start_at',
    );
    expect(errorsOf(() => parseSchedule({ type: 'crontab', seconds: '0' }))).toHaveProperty('schedule.seconds');
  });

  it('checks the type and the shape', () => {
    expect(errorsOf(() => parseSchedule({ type: 'weekly' }))).toEqual({
      'schedule.type': ['must be "interval" or "crontab", got "weekly"'],
    });
    expect(errorsOf(() => parseSchedule({}, 'job.schedule'))).toHaveProperty(['job.schedule.type']);
    expect(errorsOf(() => parseSchedule('0 3 * * *'))).toHaveProperty('schedule');
    expect(() => parseSchedule(null)).toThrow('The schedule is not valid.');
  });

  it('collects every problem, not just the first', () => {
    const errors = errorsOf(() =>
      parseSchedule({ type: 'crontab', minute: '99', hour: '*/0', day_of_week: 'xyz', timezone: 'Nowhere/Place' }),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'schedule.day_of_week',
      'schedule.hour',
      'schedule.minute',
      'schedule.timezone',
    ]);
  });

  it("turns croner's own messages into the same words", () => {
    const message = (pattern: string) => {
      try {
        new Cron(pattern, { paused: true });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`croner accepted ${pattern}`);
    };
    expect(cronerProblem('day_of_month', message('* * 32 * *'))).toBe('32 is out of range 1–31');
    expect(cronerProblem('month_of_year', message('* * * 13 *'))).toBe('13 is out of range 1–12');
    expect(cronerProblem('hour', message('* 24 * * *'))).toBe('24 is out of range 0–23');
    expect(cronerProblem('minute', message('*/0 * * * *'))).toBe('step must be at least 1');
    expect(cronerProblem('minute', message('5-2 * * * *'))).toBe('range 5-2 goes backwards');
    expect(cronerProblem('minute', message('5/2 * * * *'))).toMatch(/a step needs \*/);
  });
});

describe('interval anchoring', () => {
  const every4h = { type: 'interval', hours: 4 } as const;
  const saved = at('2026-05-10T10:15:00Z');

  it('without start_at fires one interval after saving, then every interval', () => {
    expect(firstFireTime(every4h, saved).toISOString()).toBe('2026-05-10T14:15:00.000Z');
    expect(nextFireAfter(every4h, at('2026-05-10T14:15:00Z')).toISOString()).toBe('2026-05-10T18:15:00.000Z');
    expect(times(every4h, '2026-05-10T10:15:00Z', 3)).toEqual([
      '2026-05-10T14:15:00.000Z',
      '2026-05-10T18:15:00.000Z',
      '2026-05-10T22:15:00.000Z',
    ]);
  });

  it('with a future start_at fires at start_at', () => {
    const schedule = parseSchedule({ ...every4h, start_at: '2026-06-01T00:00:00Z' });
    expect(firstFireTime(schedule, saved).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(times(schedule, '2026-05-10T10:15:00Z', 2)).toEqual([
      '2026-06-01T00:00:00.000Z',
      '2026-06-01T04:00:00.000Z',
    ]);
  });

  it('with a past start_at fires on the next slot of its grid, strictly after saving', () => {
    const schedule = parseSchedule({ ...every4h, start_at: '2026-01-01T01:00:00Z' });
    expect(firstFireTime(schedule, saved).toISOString()).toBe('2026-05-10T13:00:00.000Z');
    expect(firstFireTime(schedule, at('2026-05-10T13:00:00Z')).toISOString()).toBe('2026-05-10T17:00:00.000Z');
    expect(firstFireTime(schedule, at('2026-01-01T01:00:00Z')).toISOString()).toBe('2026-01-01T05:00:00.000Z');
    expect(times(schedule, '2026-05-10T12:59:59.999Z', 2)).toEqual([
      '2026-05-10T13:00:00.000Z',
      '2026-05-10T17:00:00.000Z',
    ]);
  });

  it('clamps the preview count to 1..1000', () => {
    expect(previewFireTimes(every4h, saved, 0)).toHaveLength(1);
    expect(previewFireTimes(every4h, saved, 5000)).toHaveLength(1000);
  });
});

describe('crontab field forms (UTC)', () => {
  const from = '2026-06-01T00:00:00Z'; // a Monday

  it('lists, ranges and steps', () => {
    expect(times(cron('15,45 9 * * *'), from, 3)).toEqual([
      '2026-06-01T09:15:00.000Z',
      '2026-06-01T09:45:00.000Z',
      '2026-06-02T09:15:00.000Z',
    ]);
    expect(times(cron('0 22-23 * * *'), from, 3)).toEqual([
      '2026-06-01T22:00:00.000Z',
      '2026-06-01T23:00:00.000Z',
      '2026-06-02T22:00:00.000Z',
    ]);
    expect(times(cron('*/20 * * * *'), from, 3)).toEqual([
      '2026-06-01T00:20:00.000Z',
      '2026-06-01T00:40:00.000Z',
      '2026-06-01T01:00:00.000Z',
    ]);
    expect(times(cron('0 9-17/4 * * *'), from, 4)).toEqual([
      '2026-06-01T09:00:00.000Z',
      '2026-06-01T13:00:00.000Z',
      '2026-06-01T17:00:00.000Z',
      '2026-06-02T09:00:00.000Z',
    ]);
  });

  it('month and weekday names, including ranges', () => {
    expect(times(cron('0 0 1 jan,jul *'), from, 2)).toEqual(['2026-07-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(times(cron('0 8 * * mon-fri'), '2026-06-05T12:00:00Z', 2)).toEqual([
      '2026-06-08T08:00:00.000Z',
      '2026-06-09T08:00:00.000Z',
    ]);
    expect(times(cron('0 8 * * sat-sun'), from, 3)).toEqual([
      '2026-06-06T08:00:00.000Z',
      '2026-06-07T08:00:00.000Z',
      '2026-06-13T08:00:00.000Z',
    ]);
  });

  it('reads both 0 and 7 as Sunday', () => {
    const sundays = ['2026-06-07T00:00:00.000Z', '2026-06-14T00:00:00.000Z'];
    expect(times(cron('0 0 * * 0'), from, 2)).toEqual(sundays);
    expect(times(cron('0 0 * * 7'), from, 2)).toEqual(sundays);
    expect(times(cron('0 0 * * sun'), from, 2)).toEqual(sundays);
    expect(times(cron('0 0 * * 5-7'), from, 3)).toEqual([
      '2026-06-05T00:00:00.000Z',
      '2026-06-06T00:00:00.000Z',
      '2026-06-07T00:00:00.000Z',
    ]);
  });

  it('fires on day_of_month OR day_of_week when both are restricted', () => {
    // The 13th, and every Friday: Jan 2, 9, 13 (a Tuesday), 16.
    expect(times(cron('0 12 13 * 5'), '2026-01-01T00:00:00Z', 4)).toEqual([
      '2026-01-02T12:00:00.000Z',
      '2026-01-09T12:00:00.000Z',
      '2026-01-13T12:00:00.000Z',
      '2026-01-16T12:00:00.000Z',
    ]);
    // With day_of_week *, only the day of the month counts.
    expect(times(cron('0 12 13 * *'), '2026-01-01T00:00:00Z', 2)).toEqual([
      '2026-01-13T12:00:00.000Z',
      '2026-02-13T12:00:00.000Z',
    ]);
  });

  it('fires strictly after the given instant', () => {
    const daily = cron('0 0 * * *');
    expect(firstFireTime(daily, at('2026-06-01T00:00:00Z')).toISOString()).toBe('2026-06-02T00:00:00.000Z');
    expect(firstFireTime(daily, at('2026-05-31T23:59:59.999Z')).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(nextFireAfter(daily, at('2026-06-01T00:00:00.500Z')).toISOString()).toBe('2026-06-02T00:00:00.000Z');
  });
});

describe('time zones and DST', () => {
  it('reads the fields in the schedule’s time zone', () => {
    expect(times(cron('0 9 * * *', 'Asia/Tokyo'), '2026-06-01T00:00:00Z', 1)).toEqual(['2026-06-02T00:00:00.000Z']);
    expect(times(cron('0 9 * * *', 'America/New_York'), '2026-06-01T00:00:00Z', 1)).toEqual([
      '2026-06-01T13:00:00.000Z',
    ]);
    expect(times(cron('0 9 * * *', 'America/New_York'), '2026-01-01T00:00:00Z', 1)).toEqual([
      '2026-01-01T14:00:00.000Z',
    ]);
  });

  it('Europe/Zurich spring forward: a missing time fires once, right after the gap', () => {
    expect(times(cron('30 2 * * *', 'Europe/Zurich'), '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z', // 03:00 CEST
      '2026-03-30T00:30:00.000Z',
    ]);
    // A list of fixed times behaves the same, and two missing times still fire once.
    expect(times(cron('30 2,14 * * *', 'Europe/Zurich'), '2026-03-28T23:00:00Z', 2)).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T12:30:00.000Z',
    ]);
    expect(times(cron('0,30 2 * * *', 'Europe/Zurich'), '2026-03-28T23:00:00Z', 2)).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:00:00.000Z',
    ]);
  });

  it('Europe/Zurich fall back: a repeated time fires once, at its first occurrence', () => {
    const schedule = cron('30 2 * * *', 'Europe/Zurich');
    expect(times(schedule, '2026-10-24T12:00:00Z', 3)).toEqual([
      '2026-10-25T00:30:00.000Z', // 02:30 CEST; 02:30 CET (01:30Z) is not fired
      '2026-10-26T01:30:00.000Z',
      '2026-10-27T01:30:00.000Z',
    ]);
    expect(nextFireAfter(schedule, at('2026-10-25T00:30:00Z')).toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });

  it('hourly across Europe/Zurich DST changes fires every real hour, never twice at once', () => {
    const hourly = cron('0 * * * *', 'Europe/Zurich');
    const fall = previewFireTimes(hourly, at('2026-10-24T22:30:00Z'), 6);
    expect(iso(fall)).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T00:00:00.000Z', // 02:00 CEST
      '2026-10-25T01:00:00.000Z', // 02:00 CET
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
      '2026-10-25T04:00:00.000Z',
    ]);
    const spring = previewFireTimes(hourly, at('2026-03-28T23:30:00Z'), 4);
    expect(iso(spring)).toEqual([
      '2026-03-29T00:00:00.000Z', // 01:00 CET
      '2026-03-29T01:00:00.000Z', // 03:00 CEST
      '2026-03-29T02:00:00.000Z',
      '2026-03-29T03:00:00.000Z',
    ]);
    for (const list of [fall, spring]) {
      for (let i = 1; i < list.length; i++) expect(list[i]!.getTime() - list[i - 1]!.getTime()).toBe(3_600_000);
    }
  });

  it('America/New_York spring forward (2026-03-08) and fall back (2026-11-01)', () => {
    expect(times(cron('30 2 * * *', 'America/New_York'), '2026-03-07T12:00:00Z', 2)).toEqual([
      '2026-03-08T07:00:00.000Z', // 03:00 EDT
      '2026-03-09T06:30:00.000Z',
    ]);
    expect(times(cron('30 1 * * *', 'America/New_York'), '2026-10-31T12:00:00Z', 2)).toEqual([
      '2026-11-01T05:30:00.000Z', // 01:30 EDT; 01:30 EST (06:30Z) is not fired
      '2026-11-02T06:30:00.000Z',
    ]);
    expect(times(cron('0 * * * *', 'America/New_York'), '2026-11-01T03:30:00Z', 4)).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z', // 01:00 EDT
      '2026-11-01T06:00:00.000Z', // 01:00 EST
      '2026-11-01T07:00:00.000Z',
    ]);
  });
});

describe('describeSchedule', () => {
  it('puts intervals in words, largest units first', () => {
    expect(describeSchedule({ type: 'interval', hours: 4 })).toBe('Every 4 hours');
    expect(describeSchedule({ type: 'interval', hours: 1, minutes: 30 })).toBe('Every 1 hour and 30 minutes');
    expect(describeSchedule({ type: 'interval', minutes: 90 })).toBe('Every 1 hour and 30 minutes');
    expect(describeSchedule({ type: 'interval', seconds: 2 })).toBe('Every 2 seconds');
    expect(describeSchedule({ type: 'interval', days: 1 })).toBe('Every day');
    expect(describeSchedule({ type: 'interval', weeks: 2 })).toBe('Every 2 weeks');
    expect(describeSchedule({ type: 'interval', days: 1, hours: 2, minutes: 3 })).toBe(
      'Every 1 day, 2 hours and 3 minutes',
    );
    expect(describeSchedule({ type: 'interval', hours: 4, start_at: '2026-01-01T00:00:00.000Z' })).toBe(
      'Every 4 hours, starting 2026-01-01T00:00:00.000Z',
    );
  });

  it('describes a crontab with cronstrue and its time zone', () => {
    expect(describeSchedule(cron('0 3 * * 1-5', 'Europe/Zurich'))).toBe(
      'At 03:00, Monday through Friday (Europe/Zurich)',
    );
    expect(describeSchedule(cron('0 3 * * mon-fri', 'Europe/Zurich'))).toBe(
      'At 03:00, Monday through Friday (Europe/Zurich)',
    );
    expect(describeSchedule(cron('*/15 * * * *'))).toBe('Every 15 minutes (UTC)');
  });
});

describe('parseEvery', () => {
  it('reads single units, combinations and bare seconds', () => {
    expect(parseEvery('2s')).toEqual({ type: 'interval', seconds: 2 });
    expect(parseEvery('90m')).toEqual({ type: 'interval', minutes: 90 });
    expect(parseEvery('4h')).toEqual({ type: 'interval', hours: 4 });
    expect(parseEvery('1d')).toEqual({ type: 'interval', days: 1 });
    expect(parseEvery('1w')).toEqual({ type: 'interval', weeks: 1 });
    expect(parseEvery('1h30m')).toEqual({ type: 'interval', hours: 1, minutes: 30 });
    expect(parseEvery(' 1H 30M ')).toEqual({ type: 'interval', hours: 1, minutes: 30 });
    expect(parseEvery('45')).toEqual({ type: 'interval', seconds: 45 });
    expect(parseSchedule(parseEvery('1d12h'))).toEqual({ type: 'interval', days: 1, hours: 12 });
  });

  it('refuses junk and zero on the given field', () => {
    for (const text of ['', 'soon', '5x', '1h30', '-5s', '1h1h', '0', '0s', '0.5s', '400d']) {
      expect(Object.keys(errorsOf(() => parseEvery(text, '--every'))), text).toEqual(['--every']);
    }
  });
});

describe('agreement with cron-parser', () => {
  const expressions = [
    '* * * * *',
    '*/5 * * * *',
    '0 * * * *',
    '30 2 * * *',
    '0 3 * * 1-5',
    '15,45 8-18 * * *',
    '0 0 1 * *',
    '0 12 * * sun',
    '0 0 * * 7',
    '0 9-17/2 * * mon-fri',
    '0 12 13 * 5',
    '5 4 * jun-aug *',
    '0 */6 * * *',
    '10 0 */10 * *',
    '0 22 * * 0,6',
    '0 0 1,15 * *',
    '20-40/10 1 * * 3',
  ];
  const from = at('2026-06-01T00:00:00Z');

  for (const timezone of ['UTC', 'Europe/Zurich']) {
    for (const expression of expressions) {
      it(`${expression} in ${timezone}`, () => {
        const theirs = CronExpressionParser.parse(expression, { currentDate: from, tz: timezone });
        const expected = Array.from({ length: 20 }, () => theirs.next().toDate().toISOString());
        expect(iso(previewFireTimes(cron(expression, timezone), from, 20))).toEqual(expected);
      });
    }
  }
});
