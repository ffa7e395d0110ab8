import { describe, expect, it } from 'vitest';
import type { JobWire, RunWire } from '../../../src/wire/wire.js';
import { cli, cliJson, startWorkerProcess } from '../../support/cli.js';
import { openTestStore, useTestDatabase } from '../../support/fixtures.js';

type RunList = { hits: { hits: RunWire[]; total: number } };

describe('jobdeck schedules from the CLI', () => {
  it('previews fire times with offsets, across a DST gap', async () => {
    const { url } = useTestDatabase();
    const preview = await cliJson<{ description: string; times: string[] }>(
      [
        'schedule',
        'preview',
        '--cron',
        '30 2 * * *',
        '--timezone',
        'Europe/Zurich',
        '--from',
        '2026-03-27T00:00:00Z',
        '--count',
        '3',
      ],
      url,
    );
    expect(preview.times).toEqual([
      '2026-03-27T02:30:00+01:00',
      '2026-03-28T02:30:00+01:00',
      '2026-03-29T03:00:00+02:00',
    ]);
    expect(preview.description).toMatch(/02:30.*\(Europe\/Zurich\)/);
    const bad = await cli(['schedule', 'preview', '--cron', '0 24 * * *', '--timezone', 'Mars/Base'], url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/schedule.hour: .*24/);
    expect(bad.stderr).toMatch(/schedule.timezone: .*Mars\/Base/);
  });

  it('fires a 2-second job from `jobdeck start` and stops firing the moment it is deactivated', async () => {
    const { url } = useTestDatabase();
    await (await openTestStore(url)).close();
    await startWorkerProcess(url, undefined, 'start');
    const job = await cliJson<JobWire>(
      ['jobs', 'create', '--title', 'Tick', '--task', 'demo.wait', '--args', '{"seconds": 0}', '--every', '2s'],
      url,
    );
    expect(job.next_run).not.toBeNull();
    expect(job.schedule_description).toBe('Every 2 seconds');
    const deadline = Date.now() + 15_000;
    let runs: RunList;
    do {
      runs = await cliJson<RunList>(['runs', 'list', '--job', job.id, '--status', 'SUCCESS'], url);
      expect(Date.now()).toBeLessThan(deadline);
    } while (runs.hits.total < 2);
    for (const run of runs.hits.hits) {
      expect(run).toMatchObject({ started_by: 'system', title: 'Tick' });
      expect(run.lateness_ms).toBeLessThan(1000);
    }
    const off = await cliJson<JobWire>(['jobs', 'update', job.id, '--inactive'], url);
    expect(off.next_run).toBeNull();
    const before = (await cliJson<RunList>(['runs', 'list', '--job', job.id], url)).hits.total;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await cliJson<RunList>(['runs', 'list', '--job', job.id], url)).hits.total).toBe(before);
  });
});
