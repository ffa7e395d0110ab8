import { describe, expect, it } from 'vitest';
import type { JobWire, RunWire } from '../../../src/service/wire.js';
import { cli, cliJson, startWorkerProcess } from '../../support/cli.js';
import { openTestStore, useTestDatabase } from '../../support/fixtures.js';

describe('jobdeck runs: sub-runs and delete', () => {
  it('lists the sub-runs of a fan-out with --parent, then deletes the run with them', async () => {
    const { url } = useTestDatabase();
    await (await openTestStore(url)).close(); // migrate once, before processes race to do it
    await startWorkerProcess(url);
    const job = await cliJson<JobWire>(
      ['jobs', 'create', '--title', 'Fan', '--task', 'demo.fan-out', '--args', '{"records": 20, "fail_every": 5}'],
      url,
    );
    const waited = await cliJson<RunWire>(['jobs', 'run', job.id, '--wait'], url);
    expect(waited).toMatchObject({ status: 'PARTIAL_SUCCESS', total_subruns: 20, failed_subruns: 4 });

    const children = await cliJson<{ hits: { total: number } }>(['runs', 'list', '--parent', String(waited.id)], url);
    expect(children.hits.total).toBe(20);
    const table = await cli(['runs', 'list', '--job', job.id], url);
    expect(table.stdout).toMatch(/20\/20 done, 4 failed/);

    const deleted = await cli(['runs', 'delete', String(waited.id)], url);
    expect(deleted.stdout).toBe(`Run ${waited.id} deleted.\n`);
    const after = await cliJson<{ hits: { total: number } }>(
      ['runs', 'list', '--job', job.id, '--include-subruns'],
      url,
    );
    expect(after.hits.total).toBe(0);
  }, 90_000); // seven CLI processes
});
