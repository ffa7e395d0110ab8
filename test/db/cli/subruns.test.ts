import { describe, expect, it } from 'vitest';
import { fanOutTask } from '../../../src/tasks/index.js';
import { cli, cliJson } from '../../support/cli.js';
import { openTestDeck, startWorker, testTasks } from '../../support/deck.js';
import { useTestDatabase } from '../../support/fixtures.js';

describe('jobdeck runs: sub-runs and delete', () => {
  it('lists the sub-runs of a fan-out with --parent, shows done/total, then deletes the run with them', async () => {
    const { url } = useTestDatabase();
    const deck = await openTestDeck({ tasks: [...testTasks, fanOutTask] }, url);
    await startWorker(deck);
    const job = await deck.jobs.create({ title: 'Fan', task: 'demo.fan-out' });
    const parent = await deck.runs.create(job.id, { args: { records: 20, fail_every: 5 } });
    expect(await deck.runs.waitForEnd(parent.id, { timeoutMs: 10_000 })).toMatchObject({
      status: 'PARTIAL_SUCCESS',
      subRuns: { total: 20, failed: 4 },
    });

    const children = await cliJson<{ hits: { total: number } }>(['runs', 'list', '--parent', String(parent.id)], url);
    expect(children.hits.total).toBe(20);
    expect((await cli(['runs', 'list', '--job', job.id], url)).stdout).toMatch(/20\/20 done, 4 failed/);
    const deleted = await cli(['runs', 'delete', String(parent.id)], url);
    expect(deleted.stdout).toBe(`Run ${parent.id} deleted.\n`);
    expect((await deck.runs.list({ jobId: job.id, includeSubRuns: true })).total).toBe(0);
  }, 60_000); // three CLI processes on a busy machine
});
