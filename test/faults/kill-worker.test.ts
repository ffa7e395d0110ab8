import { describe, expect, it } from 'vitest';
import { createJobdeck } from '../../src/service/jobdeck.js';
import { faultTasks } from './support/fault-tasks.js';
import { figure, startService, until } from './support/processes.js';
import { onCleanup, useTestDatabase } from '../support/fixtures.js';

const RUNS = 50;
const LEASE_MS = 3000;

describe('kill -9 of a worker with runs in flight', () => {
  it('rescues every run onto the surviving worker: none lost, none ends twice', async () => {
    const { url, dialect } = useTestDatabase();
    const deck = await createJobdeck({ database: url, tasks: faultTasks });
    onCleanup(() => deck.close());
    const job = await deck.jobs.create({
      title: 'Killed',
      task: 'fault.work',
      maxAttempts: 2,
      retryBackoffSeconds: 0,
      args: { ms: 6000, lines: 3 },
    });
    const env = { FAULT_LEASE_MS: String(LEASE_MS) };
    const doomed = await startService('worker', url, { args: ['--concurrency', String(RUNS)], env });
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await deck.runs.create(job.id));
    const ids = runs.map((r) => r.id);
    // All 50 in flight on the first worker before the second one joins.
    await until(
      async () => {
        const page = await deck.runs.list({ status: 'RUNNING', size: 100 });
        return page.total === RUNS ? true : undefined;
      },
      30_000,
      `${RUNS} runs RUNNING`,
    );
    const survivor = await startService('worker', url, { args: ['--concurrency', String(RUNS)], env });
    const doomedWorker = (await deck.store.runGet(ids[0]!))!.workerId!;

    doomed.child.kill('SIGKILL');
    const killedAt = Date.now();
    expect(await doomed.exited).toBe('SIGKILL');
    // Rescue time: from the kill until every run is back in the queue or on the survivor.
    await until(
      async () => {
        const held = await Promise.all(ids.map((id) => deck.store.runGet(id)));
        return held.every((run) => run!.workerId !== doomedWorker) ? true : undefined;
      },
      LEASE_MS + 15_000,
      'the runs of the killed worker to be rescued',
    );
    const rescueMs = Date.now() - killedAt;
    await until(
      async () => {
        const done = await deck.runs.list({ status: 'SUCCESS,FAILED,CANCELLED,PARTIAL_SUCCESS', size: 100 });
        return done.total === RUNS ? true : undefined;
      },
      60_000,
      'every run to end',
    );
    const endedMs = Date.now() - killedAt;

    let lost = 0;
    let endedTwice = 0;
    let reruns = 0;
    for (const id of ids) {
      const run = (await deck.store.runGet(id))!;
      const attempts = await deck.store.attemptList(id);
      if (run.status !== 'SUCCESS') lost += 1;
      // One final state per attempt, and exactly one attempt that ended the run.
      if (attempts.filter((a) => a.status === 'SUCCESS').length !== 1) endedTwice += 1;
      if (attempts.length === 2) {
        reruns += 1;
        expect(attempts[0]).toMatchObject({ attempt: 1, workerId: doomedWorker, status: 'FAILED' });
        expect(attempts[0]!.message).toMatch(/^Worker lost/);
      }
      // Each execution wrote a start line; the lines of both attempts are kept and numbered on.
      const lines = await deck.store.logList(id, { limit: 100 });
      expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
      expect(lines.filter((l) => l.message.endsWith(' start')).length).toBe(attempts.length);
    }
    figure(`kill9.${dialect}.rescue_time_ms (lease ${LEASE_MS} ms)`, rescueMs);
    figure(`kill9.${dialect}.all_ended_ms`, endedMs);
    figure(`kill9.${dialect}.runs`, RUNS);
    figure(`kill9.${dialect}.rerun`, reruns);
    figure(`kill9.${dialect}.lost`, lost);
    figure(`kill9.${dialect}.ended_twice`, endedTwice);
    expect({ lost, endedTwice, reruns }).toEqual({ lost: 0, endedTwice: 0, reruns: RUNS });
    expect(survivor.child.exitCode).toBeNull();
  });
});
