import { describe, expect, it } from 'vitest';
import { isFinalStatus } from '../../src/domain/run-status.js';
import type { Run } from '../../src/domain/model.js';
import { createJobdeck, type Jobdeck } from '../../src/service/jobdeck.js';
import { faultTasks } from './support/fault-tasks.js';
import { figure, startService, until } from './support/processes.js';
import { onCleanup, useTestDatabase } from '../support/fixtures.js';

async function openDeck(url: string): Promise<Jobdeck> {
  const deck = await createJobdeck({ database: url, tasks: faultTasks });
  onCleanup(() => deck.close());
  return deck;
}

const ended = (deck: Jobdeck, id: number, ms = 30_000): Promise<Run> =>
  until(
    async () => {
      const run = (await deck.store.runGet(id))!;
      return isFinalStatus(run.status) ? run : undefined;
    },
    ms,
    `run ${id} to end`,
  );

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid an isolated fault.stubborn run logs from its child process. */
async function childPid(deck: Jobdeck, runId: number): Promise<number> {
  return until(
    async () => {
      const line = (await deck.store.logList(runId, { limit: 10 })).find((l) => l.message.startsWith('pid '));
      return line ? Number(line.message.slice(4)) : undefined;
    },
    30_000,
    'the isolated task to start',
  );
}

describe('isolated tasks that ignore their signal', () => {
  it('end for certain on timeout and on stop: SIGTERM, then SIGKILL after the grace period', async () => {
    const { url, dialect } = useTestDatabase();
    const deck = await openDeck(url);
    const worker = await startService('worker', url);
    const timed = await deck.jobs.create({ title: 'Timed', task: 'fault.stubborn', timeoutSeconds: 2 });
    const stopped = await deck.jobs.create({ title: 'Stopped', task: 'fault.stubborn' });

    const a = await deck.runs.create(timed.id);
    const pidA = await childPid(deck, a.id);
    const runA = await ended(deck, a.id);
    expect(runA.status).toBe('FAILED');
    expect(runA.message).toMatch(/^Timed out after 2 s\./);
    const timeoutMs = runA.finishedAt!.getTime() - runA.startedAt!.getTime();

    const b = await deck.runs.create(stopped.id);
    const pidB = await childPid(deck, b.id);
    const stopAt = Date.now();
    await deck.runs.stop(b.id);
    const runB = await ended(deck, b.id);
    const stopMs = Date.now() - stopAt;
    expect(runB.status).toBe('CANCELLED');
    await until(async () => (!alive(pidA) && !alive(pidB) ? true : undefined), 5000, 'the children to be gone');
    // kill -9 of the worker: its isolated child notices the lost IPC channel and ends too.
    const c = await deck.runs.create(stopped.id);
    const pidC = await childPid(deck, c.id);
    worker.child.kill('SIGKILL');
    await worker.exited;
    const killedAt = Date.now();
    await until(async () => (!alive(pidC) ? true : undefined), 5000, 'the orphaned child to end');
    figure(`isolation.${dialect}.orphan_child_gone_after_worker_kill9_ms`, Date.now() - killedAt);
    figure(`isolation.${dialect}.timeout_2s_run_ended_after_ms`, timeoutMs);
    figure(`isolation.${dialect}.stop_to_cancelled_ms`, stopMs);
  });
});

describe('worker shutdown', () => {
  it('SIGTERM lets short runs finish, aborts the rest after the grace period and records them', async () => {
    const { url } = useTestDatabase();
    const deck = await openDeck(url);
    const worker = await startService('worker', url);
    const short = await deck.jobs.create({ title: 'Short', task: 'fault.work', args: { ms: 800, lines: 2 } });
    const long = await deck.jobs.create({ title: 'Long', task: 'fault.work', args: { ms: 60_000, lines: 2 } });
    const s = await deck.runs.create(short.id);
    const l = await deck.runs.create(long.id);
    await until(async () => ((await deck.store.runGet(s.id))!.startedAt ? true : undefined), 20_000, 'start');
    await until(async () => ((await deck.store.runGet(l.id))!.startedAt ? true : undefined), 20_000, 'start');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await deck.store.runGet(s.id)).toMatchObject({ status: 'SUCCESS' });
    const interrupted = (await deck.store.runGet(l.id))!;
    expect(interrupted.status).toBe('FAILED');
    expect(interrupted.message).toMatch(/^Interrupted: the worker shut down/);
  });

  it('a second signal exits at once; the runs left behind are rescued by another worker', async () => {
    const { url, dialect } = useTestDatabase();
    const deck = await openDeck(url);
    const env = { FAULT_LEASE_MS: '2000' };
    const first = await startService('worker', url, { env });
    const job = await deck.jobs.create({
      title: 'Long',
      task: 'fault.work',
      args: { ms: 3000, lines: 2 },
      maxAttempts: 2,
      retryBackoffSeconds: 0,
    });
    const run = await deck.runs.create(job.id);
    await until(async () => ((await deck.store.runGet(run.id))!.startedAt ? true : undefined), 20_000, 'start');
    first.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    first.child.kill('SIGTERM');
    const killedAt = Date.now();
    expect(await first.exited).toBe(130);
    expect((await deck.store.runGet(run.id))!.status).toBe('RUNNING');
    await startService('worker', url, { env });
    const last = await ended(deck, run.id);
    expect(last).toMatchObject({ status: 'SUCCESS', attempt: 2 });
    figure(`shutdown.${dialect}.second_signal_run_done_elsewhere_ms`, Date.now() - killedAt);
  });
});
