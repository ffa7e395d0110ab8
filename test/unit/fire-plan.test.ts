import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { planFiring, type DueJobState } from '../../src/domain/fire-plan.js';
import type { Job } from '../../src/domain/model.js';
import { defineTask } from '../../src/domain/task.js';
import { TaskRegistry } from '../../src/domain/task-registry.js';
import { jobFixture } from '../support/fixtures.js';

/** planFiring is the scheduler's whole decision: which slots of a due job become runs. */
const tasks = new TaskRegistry([
  defineTask({
    id: 'test.noop',
    title: 'No-op',
    description: 'Does nothing',
    args: z.object({ n: z.number().default(1) }),
    run: () => null,
  }),
]);
const minute = 60_000;
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function due(job: Partial<Job>, state: Partial<DueJobState> = {}): DueJobState {
  return {
    job: jobFixture({ schedule: { type: 'interval', minutes: 1 }, nextRunAt: t0, ...job }),
    queuedRuns: 0,
    runningRuns: 0,
    lastSuccessStartedAt: null,
    ...state,
  };
}

describe('planFiring', () => {
  it('runs the slot that is due now and moves to the next one', () => {
    const plan = planFiring(due({}), at(1000), tasks);
    expect(plan.runs.map((r) => r.scheduledFor)).toEqual([t0]);
    expect(plan.runs[0]).toMatchObject({ args: { n: 1 }, startedBy: 'system', queue: 'default' });
    expect(plan.skips).toEqual([]);
    expect(plan.nextRunAt).toEqual(at(minute));
  });

  it('plans nothing for an unscheduled job', () => {
    expect(planFiring(due({ schedule: null }), at(0), tasks)).toEqual({ runs: [], skips: [], nextRunAt: null });
  });

  it('misfire policy skip: records each missed slot and runs only the on-time one', () => {
    const plan = planFiring(due({ misfirePolicy: 'skip', overlapPolicy: 'allow' }), at(3 * minute + 1000), tasks);
    expect(plan.skips.map((s) => s.scheduledFor)).toEqual([t0, at(minute), at(2 * minute)]);
    expect(plan.skips[0]!.reason).toMatch(/misfire policy skip/);
    expect(plan.runs.map((r) => r.scheduledFor)).toEqual([at(3 * minute)]);
    expect(plan.nextRunAt).toEqual(at(4 * minute));
  });

  it('misfire policy once: folds the missed slots into one catch-up run', () => {
    const plan = planFiring(due({ misfirePolicy: 'once', overlapPolicy: 'allow' }), at(2 * minute + 30_000), tasks);
    expect(plan.runs.map((r) => r.scheduledFor)).toEqual([at(2 * minute)]);
    expect(plan.skips.map((s) => s.scheduledFor)).toEqual([t0, at(minute)]);
  });

  it('misfire policy all: runs missed slots up to maxCatchUp, skips older ones', () => {
    const plan = planFiring(due({ misfirePolicy: 'all', overlapPolicy: 'allow' }), at(4 * minute + 30_000), tasks, {
      maxCatchUp: 2,
    });
    expect(plan.runs.map((r) => r.scheduledFor)).toEqual([at(3 * minute), at(4 * minute)]);
    expect(plan.skips).toHaveLength(3);
    expect(plan.skips[0]!.reason).toMatch(/more than 2 slots/);
  });

  it('a slot within the misfire grace is on time, not missed', () => {
    const plan = planFiring(due({ misfirePolicy: 'skip' }), at(4000), tasks, { misfireGraceMs: 5000 });
    expect(plan.runs).toHaveLength(1);
  });

  it('overlap policy skip: no run while one is queued or running', () => {
    const plan = planFiring(due({ overlapPolicy: 'skip' }, { runningRuns: 1 }), at(0), tasks);
    expect(plan.runs).toEqual([]);
    expect(plan.skips[0]!.reason).toMatch(/overlap policy skip/);
  });

  it('overlap policy queue: one run may wait behind a running one, not two', () => {
    const running = planFiring(due({ overlapPolicy: 'queue' }, { runningRuns: 1 }), at(0), tasks);
    expect(running.runs).toHaveLength(1);
    const waiting = planFiring(due({ overlapPolicy: 'queue' }, { queuedRuns: 1 }), at(0), tasks);
    expect(waiting.runs).toEqual([]);
    expect(waiting.skips[0]!.reason).toMatch(/already waiting/);
  });

  it('overlap policy allow: every chosen slot runs', () => {
    const plan = planFiring(
      due({ overlapPolicy: 'allow', misfirePolicy: 'all' }, { runningRuns: 3 }),
      at(2 * minute),
      tasks,
    );
    expect(plan.runs).toHaveLength(3);
  });

  it('a job whose task is not registered skips with the reason', () => {
    const plan = planFiring(due({ task: 'gone.task' }), at(0), tasks);
    expect(plan.runs).toEqual([]);
    expect(plan.skips[0]!.reason).toMatch(/"gone.task" is not registered/);
  });

  it('saved arguments that no longer fit the task skip with the reason', () => {
    const plan = planFiring(due({ args: { n: 'many' } }), at(0), tasks);
    expect(plan.runs).toEqual([]);
    expect(plan.skips[0]!.reason).toMatch(/saved arguments do not fit/);
  });

  it('passes since, attempts and the job title on to the run', () => {
    const since = new Date('2025-12-31T00:00:00Z');
    const plan = planFiring(due({ maxAttempts: 3, title: 'Hourly' }, { lastSuccessStartedAt: since }), at(0), tasks);
    expect(plan.runs[0]).toMatchObject({ since, maxAttempts: 3, title: 'Hourly' });
  });

  it('after a very long outage the next slot is still the first one after now', () => {
    const schedule = { type: 'interval' as const, seconds: 1 };
    const plan = planFiring(due({ schedule, misfirePolicy: 'skip' }), at(20_000_000), tasks);
    expect(plan.nextRunAt!.getTime()).toBeGreaterThan(at(20_000_000).getTime());
    expect(plan.skips.length).toBeLessThanOrEqual(10_000);
  });
});
