import { describe, expect, it } from 'vitest';
import { openTestApi } from '../../support/http.js';

const HOUR = 3_600_000;

describe('calendar, schedule fidelity and run comparison over HTTP', () => {
  it('shows a 03:00 Europe/Paris job at the right instants, with its slot runs, to a viewer', async () => {
    const clock = { now: Date.parse('2026-03-27T12:00:00Z') };
    const { deck, call } = await openTestApi({ clock: () => clock.now }, { adminUi: false });
    const job = await deck.jobs.create({
      title: 'Paris at three',
      task: 'test.echo',
      schedule: { type: 'crontab', expression: '0 3 * * *', timezone: 'Europe/Paris' },
    });
    await deck.jobs.create({ title: 'Unscheduled', task: 'test.echo' });
    const past = await deck.store.runCreate({
      jobId: job.id,
      task: 'test.echo',
      title: job.title,
      queue: 'default',
      args: {},
      customArgs: null,
      since: null,
      startedBy: 'system',
      scheduledFor: new Date('2026-03-27T02:00:00Z'),
    });

    const from = '2026-03-27T00:00:00.000Z';
    const res = await call('GET', `/api/calendar?from=${from}&to=2026-03-31T00:00:00Z`, { role: 'viewer' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.more_jobs).toBe(false);
    expect(body.jobs).toHaveLength(1);
    expect(body.jobs[0]).toMatchObject({
      id: job.id,
      timezone: 'Europe/Paris',
      // Summer time begins on the 29th: 03:00 in Paris moves from 02:00Z to 01:00Z.
      fires: ['2026-03-28T02:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T01:00:00.000Z'],
      more_fires: false,
      runs: [{ id: past.id, status: 'QUEUED', scheduled_for: '2026-03-27T02:00:00.000Z' }],
    });
    // Default window: the next 7 days from now.
    expect((await (await call('GET', '/api/calendar')).json()).jobs[0].fires).toHaveLength(7);

    const tooLong = await call('GET', `/api/calendar?from=${from}&to=2026-04-20T00:00:00Z`);
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).errors).toEqual([{ field: 'to', messages: ['At most 14 days after from.'] }]);
    expect((await call('GET', '/api/calendar?from=yesterday')).status).toBe(400);
    expect((await call('GET', '/api/calendar', { role: null })).status).toBe(401);
  });

  it('classifies every slot of the last days: on time, late, skipped, missed', async () => {
    const T0 = Date.parse('2026-06-01T00:00:00Z');
    const clock = { now: T0 };
    const { deck, call } = await openTestApi({ clock: () => clock.now }, { adminUi: false });
    const job = await deck.jobs.create({
      title: 'Hourly',
      task: 'test.echo',
      schedule: { type: 'interval', hours: 1 },
    });
    const store = deck.store;
    const slot = (h: number) => new Date(T0 + h * HOUR);
    const runSlot = async (h: number, startedAfterMs: number) => {
      const run = await store.runCreate({
        jobId: job.id,
        task: 'test.echo',
        title: job.title,
        queue: 'default',
        args: {},
        customArgs: null,
        since: null,
        startedBy: 'system',
        scheduledFor: slot(h),
      });
      clock.now = slot(h).getTime() + startedAfterMs;
      await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w1' });
      await store.runTransition(run.id, 'SUCCESS');
      return run;
    };
    const onTime = await runSlot(1, 10_000);
    await runSlot(2, 5 * 60_000);
    clock.now = slot(3).getTime();
    await store.jobsFireDue(new Date(clock.now), 10, () => ({
      runs: [],
      skips: [{ scheduledFor: slot(3), reason: 'overlap: a run of this job was still queued or running' }],
      nextRunAt: slot(5),
    }));
    clock.now = slot(4).getTime() + 30 * 60_000; // the 04:00 slot came and went without a trace

    const res = await call('GET', `/api/jobs/${job.id}/fidelity?days=1`, { role: 'viewer' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.counts).toEqual({ on_time: 1, late: 1, waiting: 0, skipped: 1, missed: 1 });
    expect(
      body.slots.map((s: { slot: string; outcome: string; lateness_ms: number | null }) => [
        s.slot,
        s.outcome,
        s.lateness_ms,
      ]),
    ).toEqual([
      [slot(1).toISOString(), 'on_time', 10_000],
      [slot(2).toISOString(), 'late', 300_000],
      [slot(3).toISOString(), 'skipped', null],
      [slot(4).toISOString(), 'missed', null],
    ]);
    expect(body.slots[0]).toMatchObject({ run_id: onTime.id, run_status: 'SUCCESS' });
    expect(body.slots[2].reason).toMatch(/^overlap/);
    expect((await call('GET', `/api/jobs/${job.id}/fidelity?days=31`)).status).toBe(400);
    expect((await call('GET', '/api/jobs/nope/fidelity')).status).toBe(404);
  });

  it('compares two runs: arguments, counters, log counts and the first differing line', async () => {
    const { deck, call } = await openTestApi({}, { adminUi: false });
    const job = await deck.jobs.create({ title: 'Import', task: 'test.echo' });
    const make = async (args: Record<string, unknown>, messages: string[]) => {
      const run = await deck.runs.create(job.id, { args });
      await deck.store.logAppend(
        messages.map((message, i) => ({
          runId: run.id,
          seq: i + 1,
          time: new Date(),
          level: message.startsWith('!') ? 'error' : 'info',
          message,
          fields: null,
        })),
      );
      await deck.store.runClaim({ queues: ['default'], limit: 1, workerId: 'w1' });
      await deck.store.runProgress(run.id, { total: 10, inserted: 8, errored: messages.length });
      await deck.store.runTransition(run.id, 'SUCCESS');
      return run;
    };
    const a = await make({ lines: ['x'] }, ['start', 'row 1', 'row 2', 'done']);
    const b = await make({ lines: ['y'], errored: 1 }, ['start', 'row 1', '!row 2 failed', 'row 3', 'done']);

    const res = await call('GET', `/api/runs/compare?a=${a.id}&b=${b.id}`, { role: 'viewer' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.a.id).toBe(a.id);
    expect(body.same_job).toBe(true);
    expect(body.args).toEqual([
      { key: 'errored', a: null, b: 1, in_a: false, in_b: true, same: false },
      { key: 'lines', a: ['x'], b: ['y'], in_a: true, in_b: true, same: false },
      // test.echo's `warnings` argument, defaulted in both runs.
      { key: 'warnings', a: [], b: [], in_a: true, in_b: true, same: true },
    ]);
    expect(body.counters.find((c: { name: string }) => c.name === 'errored_entries')).toEqual({
      name: 'errored_entries',
      a: 4,
      b: 5,
      difference: 1,
    });
    expect(body.logs.a).toEqual({ counts: { debug: 0, info: 4, warn: 0, error: 0 }, lines: 4, more: false });
    expect(body.logs.b.counts.error).toBe(1);
    expect(body.divergence).toMatchObject({
      line: 3,
      a: { seq: 3, message: 'row 2' },
      b: { seq: 3, message: '!row 2 failed' },
      compared: 2,
      stopped_at_limit: false,
    });
    const same = await (await call('GET', `/api/runs/compare?a=${a.id}&b=${a.id}`)).json();
    expect(same.divergence).toMatchObject({ line: null, compared: 4, stopped_at_limit: false });
    expect((await call('GET', `/api/runs/compare?a=${a.id}&b=999999`)).status).toBe(404);
    expect((await call('GET', `/api/runs/compare?a=x&b=1`)).status).toBe(400);
  });
});
