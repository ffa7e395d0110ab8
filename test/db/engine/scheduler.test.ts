import { describe, expect, it } from 'vitest';
import type { Jobdeck } from '../../../src/service/jobdeck.js';
import { openTestDeck } from '../../support/deck.js';
import { nextEvent, useTestDatabase } from '../../support/fixtures.js';

const T0 = Date.parse('2026-06-01T12:00:00.000Z');

/** A deck whose clock the test moves by hand. */
async function deckAt(start = T0, url?: string) {
  const clock = { now: start };
  const deck = await openTestDeck({ clock: () => clock.now }, url);
  return { deck, clock, scheduler: deck.createScheduler() };
}

async function runsOf(deck: Jobdeck, jobId: string) {
  return (await deck.runs.list({ jobId, size: 100 })).items.sort((a, b) => a.id - b.id);
}

describe('scheduler', () => {
  it('fires an interval job one interval after it was saved, then every interval without drift', async () => {
    const { deck, clock, scheduler } = await deckAt();
    const job = await deck.jobs.create({
      title: 'Every 10 s',
      task: 'test.echo',
      overlapPolicy: 'allow',
      schedule: { type: 'interval', seconds: 10 },
    });
    expect(job.nextRunAt).toEqual(new Date(T0 + 10_000));
    clock.now = T0 + 9_999;
    expect(await scheduler.fireDue()).toEqual([]);
    clock.now = T0 + 10_250;
    await scheduler.fireDue();
    clock.now = T0 + 20_400;
    await scheduler.fireDue();
    const runs = await runsOf(deck, job.id);
    expect(runs.map((r) => r.scheduledFor?.getTime())).toEqual([T0 + 10_000, T0 + 20_000]);
    expect(runs[0]).toMatchObject({ title: 'Every 10 s', startedBy: 'system', queue: 'default', status: 'QUEUED' });
    expect(runs[0]!.created.getTime() - runs[0]!.scheduledFor!.getTime()).toBe(250);
    expect((await deck.jobs.get(job.id)).nextRunAt).toEqual(new Date(T0 + 30_000));
  });

  it('never fires an inactive job; deactivation clears next_run and activation recomputes it', async () => {
    const { deck, clock, scheduler } = await deckAt();
    const job = await deck.jobs.create({
      title: 'Off',
      task: 'test.echo',
      active: false,
      schedule: { type: 'interval', minutes: 1 },
    });
    expect(job.nextRunAt).toBeNull();
    clock.now = T0 + 120_000;
    await scheduler.fireDue();
    expect(await runsOf(deck, job.id)).toEqual([]);
    const on = await deck.jobs.update(job.id, { active: true });
    expect(on.nextRunAt).toEqual(new Date(T0 + 180_000));
    expect((await deck.jobs.update(job.id, { active: false })).nextRunAt).toBeNull();
    expect((await deck.jobs.update(job.id, { title: 'Renamed' })).nextRunAt).toBeNull();
  });

  it('takes an edited schedule at once, and keeps slots when the same schedule is saved again', async () => {
    const { deck, clock, scheduler } = await deckAt();
    const job = await deck.jobs.create({
      title: 'Edit',
      task: 'test.echo',
      schedule: { type: 'interval', seconds: 10 },
    });
    clock.now = T0 + 5_000;
    expect((await deck.jobs.update(job.id, { schedule: { type: 'interval', seconds: 10 } })).nextRunAt).toEqual(
      new Date(T0 + 10_000),
    );
    clock.now = T0 + 10_000; // due now, and edited before the scheduler gets to it
    const edited = await deck.jobs.update(job.id, {
      schedule: { type: 'crontab', expression: '0 3 * * *', timezone: 'Europe/Zurich' },
    });
    expect(edited.nextRunAt).toEqual(new Date('2026-06-02T01:00:00.000Z'));
    await scheduler.fireDue();
    expect(await runsOf(deck, job.id)).toEqual([]);
    expect((await deck.jobs.update(job.id, { schedule: null })).nextRunAt).toBeNull();
  });

  it('skips a slot while a run is active (overlap skip), records why, and resolves since', async () => {
    const { deck, clock, scheduler } = await deckAt();
    const job = await deck.jobs.create({
      title: 'Overlap',
      task: 'test.echo',
      schedule: { type: 'interval', seconds: 10 },
    });
    const manual = await deck.runs.create(job.id);
    clock.now = T0 + 10_000;
    await scheduler.fireDue();
    expect((await runsOf(deck, job.id)).map((r) => r.id)).toEqual([manual.id]);
    const skipped = await deck.schedules.skipped(job.id);
    expect(skipped.items).toMatchObject([
      { scheduledFor: new Date(T0 + 10_000), reason: expect.stringMatching(/^overlap/) },
    ]);
  });

  it('queues at most one run behind an active one (overlap queue), and allows all (overlap allow)', async () => {
    const { deck, clock, scheduler } = await deckAt();
    const queue = await deck.jobs.create({
      title: 'Q',
      task: 'test.echo',
      overlapPolicy: 'queue',
      schedule: { type: 'interval', seconds: 10 },
    });
    const allow = await deck.jobs.create({
      title: 'A',
      task: 'test.echo',
      overlapPolicy: 'allow',
      schedule: { type: 'interval', seconds: 10 },
    });
    for (const t of [10_000, 20_000, 30_000]) {
      clock.now = T0 + t;
      await scheduler.fireDue();
    }
    expect(await runsOf(deck, queue.id)).toHaveLength(1);
    expect((await deck.schedules.skipped(queue.id)).total).toBe(2);
    expect(await runsOf(deck, allow.id)).toHaveLength(3);
  });

  it('applies the misfire policy to slots missed while no scheduler ran', async () => {
    const { deck, clock, scheduler } = await deckAt();
    const every = { type: 'interval', seconds: 10 } as const;
    const once = await deck.jobs.create({ title: 'once', task: 'test.echo', schedule: every });
    const skip = await deck.jobs.create({ title: 'skip', task: 'test.echo', schedule: every, misfirePolicy: 'skip' });
    const all = await deck.jobs.create({
      title: 'all',
      task: 'test.echo',
      schedule: every,
      misfirePolicy: 'all',
      overlapPolicy: 'allow',
    });
    clock.now = T0 + 100_500; // slots 10 s … 100 s are due; only the last is within the grace period
    await scheduler.fireDue();
    expect((await runsOf(deck, once.id)).map((r) => r.scheduledFor?.getTime())).toEqual([T0 + 90_000]);
    // 8 slots folded into the catch-up run; the on-time slot 100 s is skipped by overlap policy skip.
    const onceSkips = (await deck.schedules.skipped(once.id)).items;
    expect(onceSkips.filter((s) => s.reason.startsWith('missed'))).toHaveLength(8);
    expect(onceSkips.filter((s) => s.reason.startsWith('overlap')).map((s) => s.scheduledFor.getTime())).toEqual([
      T0 + 100_000,
    ]);
    expect((await runsOf(deck, skip.id)).map((r) => r.scheduledFor?.getTime())).toEqual([T0 + 100_000]);
    expect((await deck.schedules.skipped(skip.id)).items[0]!.reason).toMatch(/^missed/);
    expect(await runsOf(deck, all.id)).toHaveLength(10);
    for (const job of [once, skip, all])
      expect((await deck.jobs.get(job.id)).nextRunAt).toEqual(new Date(T0 + 110_000));
  });

  it('fires each slot exactly once with three schedulers on separate connections', async () => {
    const url = useTestDatabase().url;
    const decks = await Promise.all([0, 1, 2].map(() => deckAt(T0, url)));
    const jobs = [];
    for (let i = 0; i < 30; i++) {
      jobs.push(
        await decks[0]!.deck.jobs.create({
          title: `j${i}`,
          task: 'test.echo',
          overlapPolicy: 'allow',
          schedule: { type: 'interval', seconds: 10 },
        }),
      );
    }
    for (const t of [10_000, 20_000, 30_000]) {
      for (const d of decks) d.clock.now = T0 + t;
      await Promise.all(decks.map((d) => d.scheduler.fireDue()));
    }
    const all = await decks[0]!.deck.runs.list({ size: 100 });
    expect(all.total).toBe(90);
    const slots = new Set(all.items.map((r) => `${r.jobId}@${r.scheduledFor!.toISOString()}`));
    expect(slots.size).toBe(90);
  });

  it('runs on the real clock: fires a 1-second job on time and stops the moment it is deactivated', async () => {
    const deck = await openTestDeck();
    const scheduler = deck.createScheduler();
    const job = await deck.jobs.create({
      title: 'Live',
      task: 'test.echo',
      overlapPolicy: 'allow',
      schedule: { type: 'interval', seconds: 1 },
    });
    await scheduler.start();
    try {
      const fired = () =>
        nextEvent(
          (l: (r: unknown) => void) => (scheduler.on('fired', l), () => scheduler.off('fired', l)),
          () => true,
          3000,
        );
      await fired();
      await fired();
      await deck.jobs.update(job.id, { active: false });
      const count = (await runsOf(deck, job.id)).length;
      await expect(fired()).rejects.toThrow(/no matching event/);
      const runs = await runsOf(deck, job.id);
      expect(runs).toHaveLength(count);
      for (const run of runs) expect(run.created.getTime() - run.scheduledFor!.getTime()).toBeLessThan(500);
    } finally {
      await scheduler.stop();
    }
  });
});
