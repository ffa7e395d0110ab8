import { describe, expect, it } from 'vitest';
import { createJobdeck } from '../../src/service/jobdeck.js';
import { faultTasks } from './support/fault-tasks.js';
import { figure, startService, until } from './support/processes.js';
import { onCleanup, useTestDatabase } from '../support/fixtures.js';

const JOBS = 5;
const SECOND = 1000;

describe('three schedulers, one killed mid-way', () => {
  it('fires every slot exactly once: no duplicate, no missed slot', async () => {
    const { url, dialect } = useTestDatabase();
    const deck = await createJobdeck({ database: url, tasks: faultTasks });
    onCleanup(() => deck.close());
    const schedulers = await Promise.all([0, 1, 2].map(() => startService('scheduler', url)));
    const start = new Date(Math.ceil(Date.now() / SECOND) * SECOND + 2 * SECOND);
    const jobs = [];
    for (let i = 0; i < JOBS; i += 1) {
      jobs.push(
        await deck.jobs.create({
          title: `Every second ${i}`,
          task: 'fault.work',
          // No worker runs here: runs stay queued, and 'allow' makes every slot a run.
          overlapPolicy: 'allow',
          schedule: { type: 'interval', seconds: 1, start_at: start.toISOString() },
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, start.getTime() + 4 * SECOND - Date.now()));
    schedulers[0]!.child.kill('SIGKILL');
    const killedAt = Date.now();
    await schedulers[0]!.exited;
    await new Promise((resolve) => setTimeout(resolve, 5 * SECOND));
    // The slots up to a moment safely in the past must all have fired by now.
    const horizon = Date.now() - 1500;
    for (const service of schedulers.slice(1)) service.child.kill('SIGTERM');
    await Promise.all(schedulers.slice(1).map((service) => service.exited));

    let duplicates = 0;
    let missed = 0;
    let slots = 0;
    for (const job of jobs) {
      const runs = await until(
        async () => (await deck.runs.list({ jobId: job.id, size: 100 })).items,
        5000,
        'the runs of a job',
      );
      const skipped = (await deck.store.skippedSlotList(job.id, 100, 0)).items;
      const fired = [
        ...runs.map((r) => r.scheduledFor!.getTime()),
        ...skipped.map((s) => s.scheduledFor.getTime()),
      ].filter((t) => t <= horizon);
      duplicates += fired.length - new Set(fired).size;
      for (let t = start.getTime(); t <= horizon; t += SECOND) {
        slots += 1;
        if (!fired.includes(t)) missed += 1;
      }
    }
    figure(`schedulers.${dialect}.slots`, slots);
    figure(`schedulers.${dialect}.duplicates`, duplicates);
    figure(`schedulers.${dialect}.missed`, missed);
    figure(`schedulers.${dialect}.killed_after_ms`, killedAt - start.getTime());
    expect({ duplicates, missed }).toEqual({ duplicates: 0, missed: 0 });
    expect(slots).toBeGreaterThanOrEqual(JOBS * 8);
  });
});
