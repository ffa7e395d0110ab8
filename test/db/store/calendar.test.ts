import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/storage/open-store.js';
import { jobFixture, newRun, onCleanup, useTestDatabase } from '../../support/fixtures.js';

/** Conformance for the calendar's verbs: scheduled jobs, slot runs and skips in a window, log counts. */
describe('store conformance: calendar, fidelity and comparison', () => {
  it('lists active scheduled jobs soonest first, and a job’s slot runs and skips in a window', async () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const store = await openStore(useTestDatabase().url, { now: () => now });
    onCleanup(() => store.close());
    const schedule = { type: 'interval' as const, minutes: 1 };
    const late = await store.jobCreate(jobFixture({ schedule, nextRunAt: new Date(now + 120_000) }));
    const soon = await store.jobCreate(jobFixture({ schedule, nextRunAt: new Date(now - 1000) }));
    await store.jobCreate(jobFixture({ schedule, active: false, nextRunAt: new Date(now) }));
    await store.jobCreate(jobFixture({ title: 'unscheduled' }));
    expect((await store.jobsScheduled(10)).map((j) => j.id)).toEqual([soon.id, late.id]);
    expect((await store.jobsScheduled(1)).map((j) => j.id)).toEqual([soon.id]);

    const slot = (i: number) => new Date(now - 600_000 + i * 60_000);
    await store.runsCreate([3, 1, 2, 0].map((i) => newRun(soon.id, { scheduledFor: slot(i) })));
    await store.runCreate(newRun(soon.id)); // by hand: no slot
    await store.runCreate(newRun(late.id, { scheduledFor: slot(1) }));
    const runs = await store.runsForSlots(soon.id, slot(1), slot(3), 10);
    expect(runs.map((r) => r.scheduledFor)).toEqual([slot(1), slot(2)]);
    expect((await store.runsForSlots(soon.id, slot(0), slot(9), 2)).map((r) => r.scheduledFor)).toEqual([
      slot(0),
      slot(1),
    ]);

    await store.jobsFireDue(new Date(now), 10, (due) => ({
      runs: [],
      skips: due.job.id === soon.id ? [5, 4, 6].map((i) => ({ scheduledFor: slot(i), reason: `skip ${i}` })) : [],
      nextRunAt: new Date(now + 60_000),
    }));
    const skips = await store.skippedSlotsBetween(soon.id, slot(4), slot(6), 10);
    expect(skips.map((s) => [s.scheduledFor, s.reason])).toEqual([
      [slot(4), 'skip 4'],
      [slot(5), 'skip 5'],
    ]);
    expect(await store.skippedSlotsBetween(late.id, slot(0), slot(9), 10)).toEqual([]);
  });

  it('counts log lines by level over the first lines only', async () => {
    const store = await openStore(useTestDatabase().url);
    onCleanup(() => store.close());
    const job = await store.jobCreate(jobFixture());
    const run = await store.runCreate(newRun(job.id));
    const levels = ['info', 'info', 'warn', 'error', 'info', 'debug'] as const;
    await store.logAppend(
      levels.map((level, i) => ({
        runId: run.id,
        seq: i + 1,
        time: new Date(),
        level,
        message: `l${i}`,
        fields: null,
      })),
    );
    expect(await store.logLevelCounts(run.id, 100)).toEqual({
      counts: { debug: 1, info: 3, warn: 1, error: 1 },
      lines: 6,
      more: false,
    });
    expect(await store.logLevelCounts(run.id, 6)).toMatchObject({ lines: 6, more: false });
    expect(await store.logLevelCounts(run.id, 3)).toEqual({
      counts: { debug: 0, info: 2, warn: 1, error: 0 },
      lines: 3,
      more: true,
    });
    expect((await store.logLevelCounts(run.id + 1000, 10)).lines).toBe(0);
  });
});
