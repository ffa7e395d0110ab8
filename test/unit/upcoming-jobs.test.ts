import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../src/domain/schedule.js';
import { upcomingJobs } from '../../src/service/upcoming-jobs.js';
import { jobFixture } from '../support/fixtures.js';

const cron = (minute: string, hour: string): Schedule => ({
  type: 'crontab',
  minute,
  hour,
  day_of_month: '*',
  month_of_year: '*',
  day_of_week: '*',
  timezone: 'UTC',
});

describe("the overview's upcoming jobs", () => {
  it('lists each scheduled job once with its fires in the window, soonest next fire first', () => {
    const now = Date.parse('2026-03-01T12:00:30Z');
    const until = new Date(now + 86_400_000);
    const minutely = jobFixture({
      title: 'Poll',
      schedule: cron('*', '*'),
      nextRunAt: new Date('2026-03-01T12:01:00Z'),
    });
    const daily = jobFixture({
      title: 'Nightly',
      schedule: cron('0', '3'),
      nextRunAt: new Date('2026-03-02T03:00:00Z'),
    });
    const often = jobFixture({
      title: 'Tick',
      schedule: { type: 'interval', seconds: 1 },
      nextRunAt: new Date('2026-03-01T12:00:31Z'),
    });
    const idle = jobFixture({ title: 'Later', schedule: cron('0', '3'), nextRunAt: new Date(now + 2 * 86_400_000) });
    const due = upcomingJobs([daily, minutely, often, idle], until);
    expect(due.map((u) => [u.job.title, u.fires, u.firesMore])).toEqual([
      ['Tick', 86_399, false],
      ['Poll', 1440, false],
      ['Nightly', 1, false],
    ]);
    expect(due[1]?.next.toISOString()).toBe('2026-03-01T12:01:00.000Z');
  });
});
