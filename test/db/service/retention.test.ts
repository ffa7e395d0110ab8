import { describe, expect, it } from 'vitest';
import { PRUNE_HISTORY_TASK_ID } from '../../../src/tasks/maintenance/prune-history.js';
import { finished, openTestDeck, startWorker } from '../../support/deck.js';
import { useTestDatabase } from '../../support/fixtures.js';

const DAY = 24 * 3600 * 1000;

describe('retention', () => {
  it('creates the daily Prune history job once, even with racing processes, and never again once deleted', async () => {
    const { url } = useTestDatabase();
    const deck = await openTestDeck({}, url);
    const other = await openTestDeck({}, url);
    const made = await Promise.all([deck.ensurePruneJob(), other.ensurePruneJob(), deck.ensurePruneJob()]);
    const jobs = made.filter((job) => job !== undefined);
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job).toMatchObject({
      title: 'Prune history',
      task: PRUNE_HISTORY_TASK_ID,
      active: true,
      schedule: expect.objectContaining({ type: 'crontab', minute: '30', hour: '3', timezone: 'UTC' }),
    });
    expect(job.nextRunAt!.toISOString()).toMatch(/T03:30:00\.000Z$/);
    // It is an ordinary job: listed, and deletable for good.
    expect((await deck.jobs.list()).items.map((j) => j.id)).toContain(job.id);
    await deck.jobs.delete(job.id);
    expect(await deck.ensurePruneJob()).toBeUndefined();
    expect((await other.jobs.list()).total).toBe(0);
  });

  it('prunes through a worker: old logs and runs go, the newest runs of each job and unfinished runs stay', async () => {
    const t0 = Date.parse('2026-01-10T12:00:00Z');
    let now = t0;
    const deck = await openTestDeck({ clock: () => now });
    const worker = await startWorker(deck);
    const job = await deck.jobs.create({ title: 'Chatty', task: 'test.echo', args: { lines: ['one', 'two'] } });
    const runs = [];
    for (let i = 0; i < 25; i += 1) runs.push(await deck.runs.create(job.id));
    for (const run of runs) await finished(worker, run.id);
    now = t0 + 400 * DAY;
    const recent = await deck.runs.create(job.id, { args: { lines: ['fresh'] } });
    await finished(worker, recent.id);
    const pruneJob = (await deck.ensurePruneJob())!;
    const prune = await deck.runs.create(pruneJob.id);
    expect((await finished(worker, prune.id)).status).toBe('SUCCESS');
    const result = await deck.runs.get(prune.id);
    // 25 old runs: 20 newest runs of the job are kept (the recent one and 19 old ones), 6 old go.
    expect(result.result).toEqual({ logs_deleted: 50, runs_deleted: 6 });
    expect(result.progress).toMatchObject({ total: 56, inserted: 50, updated: 6 });
    const left = await deck.runs.list({ jobId: job.id, size: 100 });
    expect(left.total).toBe(20);
    expect(left.items.map((r) => r.id)).toContain(recent.id);
    expect(await deck.runs.logs(recent.id, {})).toHaveLength(1);
    expect(await deck.runs.logs(runs[24]!.id, {})).toHaveLength(0);
  });
});
