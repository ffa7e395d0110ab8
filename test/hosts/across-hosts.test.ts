import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFinalStatus } from '../../src/domain/run-status.js';
import { figure, until } from '../faults/support/processes.js';
import { openDataCentre, queueThroughServer, runsOf, type DataCentre } from './support/hosts.js';

/**
 * Jobdeck across hosts: a database host, two worker hosts and a server host, each its own
 * network namespace on one switch (support/network.ts). Partitions are real: a host's cable is
 * unplugged at the switch while its TCP connections stay open, as when a machine drops off.
 */
let dc: DataCentre;
beforeAll(async () => {
  dc = await openDataCentre();
}, 120_000);
afterAll(async () => {
  await dc?.destroy();
});

const RUNS = 20;
const LEASE_MS = 3000;
const TASK_MS = 2000;
const LINES = 4;

describe('across hosts', () => {
  it('(a) a worker host cut off with 20 runs: rescued and finished by the other host; (b) healed: its late results and lines are refused', async () => {
    const { deck, net } = dc;
    // Attempt 1 (on the host that gets cut off) runs until the suite creates this file.
    const release = path.join(dc.executions, 'release');
    const job = await deck.jobs.create({
      title: 'Partitioned',
      task: 'hosts.work',
      maxAttempts: 2,
      retryBackoffSeconds: 0,
      args: { ms: TASK_MS, lines: LINES, holdUntil: release },
    });
    const server = await dc.start('srv', 'server');
    // Queued before w1 starts, so that w1 takes all 20 at once.
    queueThroughServer(dc, 'w2', server, job.id, RUNS);
    const cutOff = await dc.start('w1', 'worker', { args: ['--concurrency', String(RUNS)], leaseMs: LEASE_MS });
    const running = await until(
      async () => {
        const runs = await runsOf(deck, job.id);
        return runs.length === RUNS && runs.every((r) => r.status === 'RUNNING') ? runs : undefined;
      },
      30_000,
      `${RUNS} runs RUNNING on host w1`,
    );
    const ids = running.map((r) => r.id);
    const cutOffId = running[0]!.workerId!;
    expect(new Set(running.map((r) => r.workerId))).toEqual(new Set([cutOffId]));
    const survivor = await dc.start('w2', 'worker', { args: ['--concurrency', String(RUNS)], leaseMs: LEASE_MS });

    // (a) Unplug w1 in the middle of its runs.
    expect((await runsOf(deck, job.id)).filter((r) => r.status === 'RUNNING' && r.workerId === cutOffId)).toHaveLength(
      RUNS,
    );
    net.cut('w1');
    const cutAt = Date.now();
    await until(
      async () => ((await runsOf(deck, job.id)).every((r) => r.workerId !== cutOffId) ? true : undefined),
      LEASE_MS + 10_000,
      'the cut-off host’s runs to be rescued',
    );
    const rescueMs = Date.now() - cutAt;
    const ended = await until(
      async () => {
        const runs = await runsOf(deck, job.id);
        return runs.every((r) => isFinalStatus(r.status)) ? runs : undefined;
      },
      LEASE_MS + TASK_MS + 20_000,
      'every run to end on host w2',
    );
    const finishedMs = Date.now() - cutAt;
    figure('hosts.partition.rescue_ms (lease 3000 ms)', rescueMs);
    figure(`hosts.partition.all_finished_ms (tasks take ${TASK_MS} ms)`, finishedMs);

    // (b) Let w1's tasks end while it is cut off, then plug it back: their results and last lines
    // are on their way (in TCP retransmissions and the worker's retries).
    fs.writeFileSync(release, '');
    await new Promise((resolve) => setTimeout(resolve, TASK_MS + 1000));
    net.heal('w1');
    const healedAt = Date.now();
    const refusedLine = /final state not recorded/g;
    await until(
      async () => ((cutOff.log().match(refusedLine)?.length ?? 0) >= RUNS ? true : undefined),
      60_000,
      'the cut-off worker to learn its results were refused',
    );
    figure('hosts.partition.late_results_refused_after_heal_ms', Date.now() - healedAt);

    const after = await runsOf(deck, job.id);
    const executions = dc.executionsByRun();
    let lost = 0;
    let endedTwice = 0;
    let foreignLines = 0;
    let missingLines = 0;
    let rerun = 0;
    for (const id of ids) {
      const before = ended.find((r) => r.id === id)!;
      const run = after.find((r) => r.id === id)!;
      if (run.status !== 'SUCCESS') lost += 1;
      // Ended once: the row written by w2 is never overwritten by w1's late answer.
      if (run.finishedAt?.getTime() !== before.finishedAt?.getTime() || run.workerId !== before.workerId)
        endedTwice += 1;
      const attempts = await deck.store.attemptList(id);
      if (attempts.filter((a) => a.status === 'SUCCESS').length !== 1) endedTwice += 1;
      expect(attempts[0]).toMatchObject({ attempt: 1, workerId: cutOffId, status: 'FAILED' });
      expect(attempts[0]!.message).toMatch(/^Worker lost/);
      expect(attempts[1]).toMatchObject({ attempt: 2, status: 'SUCCESS' });
      expect(attempts[1]!.workerId).not.toBe(cutOffId);
      if ((executions.get(id) ?? []).some((file) => file.startsWith(`${id}-1-`))) rerun += 1;
      // From its start line on, the log of attempt 2 holds attempt 2's lines and nothing else.
      const lines = await deck.store.logList(id, { limit: 1000 });
      const start = lines.findIndex((l) => l.message === 'attempt 2 start');
      const tail = lines.slice(start);
      if (start < 0 || tail.filter((l) => l.message.startsWith('attempt 2 ')).length !== LINES + 1) missingLines += 1;
      foreignLines += tail.filter((l) => !l.message.startsWith('attempt 2 ')).length;
      expect(new Set(lines.map((l) => l.seq)).size).toBe(lines.length);
    }
    figure('hosts.partition.runs', ids.length);
    figure('hosts.partition.lost', lost);
    figure('hosts.partition.ended_twice', endedTwice);
    figure('hosts.partition.executed_on_both_hosts', rerun);
    figure('hosts.partition.rescued_attempt_lines_in_new_attempt', foreignLines);
    figure('hosts.partition.runs_missing_new_attempt_lines', missingLines);
    expect({ lost, endedTwice, foreignLines, missingLines }).toEqual({
      lost: 0,
      endedTwice: 0,
      foreignLines: 0,
      missingLines: 0,
    });
    expect(rescueMs).toBeLessThan(LEASE_MS + 3000);
    expect(finishedMs).toBeLessThan(LEASE_MS + TASK_MS + 5000);
    expect(cutOff.child.exitCode).toBeNull();
    expect(survivor.child.exitCode).toBeNull();
  });

  it('(c) PostgreSQL restarts while both worker hosts work: no run lost, none executed twice', async () => {
    const { deck, cluster } = dc;
    const total = 200;
    const job = await deck.jobs.create({ title: 'Restart', task: 'hosts.work', args: { ms: 300, lines: 3 } });
    // A long lease: seconds without the database must not look like dead hosts.
    const options = { args: ['--concurrency', '10'], leaseMs: 30_000 };
    const workers = await Promise.all([dc.start('w1', 'worker', options), dc.start('w2', 'worker', options)]);
    const ids: number[] = [];
    for (let i = 0; i < total; i += 1) ids.push((await deck.runs.create(job.id)).id);
    const endedCount = async () => (await runsOf(deck, job.id)).filter((r) => isFinalStatus(r.status)).length;
    const restarts: number[] = [];
    for (const atEnded of [50, 120]) {
      await until(async () => ((await endedCount()) >= atEnded ? true : undefined), 60_000, `${atEnded} runs to end`);
      const t0 = Date.now();
      cluster.restart();
      restarts.push(Date.now() - t0);
    }
    const t1 = Date.now();
    await until(async () => ((await endedCount()) === total ? true : undefined), 120_000, 'every run to end');
    figure('hosts.pg_restart.restart_ms', restarts.join(', '));
    figure('hosts.pg_restart.all_ended_after_last_restart_ms', Date.now() - t1);

    const runs = await runsOf(deck, job.id);
    const executions = dc.executionsByRun();
    let lost = 0;
    let duplicated = 0;
    let executed = 0;
    for (const run of runs) {
      const count = executions.get(run.id)?.length ?? 0;
      executed += count;
      if (run.status !== 'SUCCESS' || count === 0) lost += 1;
      if (count > 1) duplicated += 1;
    }
    const hosts = new Set(runs.map((r) => r.workerId));
    figure('hosts.pg_restart.runs', runs.length);
    figure('hosts.pg_restart.executions', executed);
    figure('hosts.pg_restart.lost', lost);
    figure('hosts.pg_restart.duplicated', duplicated);
    expect(runs.length).toBe(total);
    expect({ lost, duplicated, executed }).toEqual({ lost: 0, duplicated: 0, executed: total });
    // Both hosts took part.
    expect(hosts.size).toBe(2);
    for (const worker of workers) expect(worker.child.exitCode).toBeNull();
  });

  it('(d) a scheduler on each host: every slot of a 1-second schedule fires exactly once', async () => {
    const { deck } = dc;
    const schedulers = await Promise.all((['w1', 'w2', 'srv'] as const).map((host) => dc.start(host, 'scheduler')));
    const second = 1000;
    const startAt = new Date(Math.ceil(Date.now() / second) * second + 2 * second);
    const jobs = [];
    for (let i = 0; i < 3; i += 1) {
      jobs.push(
        await deck.jobs.create({
          title: `Every second ${i}`,
          task: 'hosts.work',
          // No worker runs: runs stay queued, and 'allow' makes every slot a run.
          overlapPolicy: 'allow',
          schedule: { type: 'interval', seconds: 1, start_at: startAt.toISOString() },
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, startAt.getTime() + 10 * second - Date.now()));
    // Slots up to a moment safely past must all have fired by now.
    const horizon = Date.now() - 1500;
    for (const scheduler of schedulers) scheduler.child.kill('SIGTERM');
    await Promise.all(schedulers.map((s) => s.exited));
    let slots = 0;
    let duplicates = 0;
    let missed = 0;
    for (const job of jobs) {
      const fired = [
        ...(await runsOf(deck, job.id)).map((r) => r.scheduledFor!.getTime()),
        ...(await deck.store.skippedSlotList(job.id, 100, 0)).items.map((s) => s.scheduledFor.getTime()),
      ].filter((t) => t <= horizon);
      duplicates += fired.length - new Set(fired).size;
      for (let t = startAt.getTime(); t <= horizon; t += second) {
        slots += 1;
        if (!fired.includes(t)) missed += 1;
      }
    }
    figure('hosts.schedulers.hosts', schedulers.length);
    figure('hosts.schedulers.slots', slots);
    figure('hosts.schedulers.duplicates', duplicates);
    figure('hosts.schedulers.missed', missed);
    expect({ duplicates, missed }).toEqual({ duplicates: 0, missed: 0 });
    expect(slots).toBeGreaterThanOrEqual(3 * 7);
  });
});
