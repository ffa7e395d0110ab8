import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTask } from '../../../src/domain/task.js';
import type { Jobdeck } from '../../../src/service/jobdeck.js';
import { logPages } from '../../../src/service/log-export.js';
import { finished, openTestDeck, startWorker, started, testTasks } from '../../support/deck.js';
import { useTestDatabase } from '../../support/fixtures.js';

const logTasks = [
  defineTask({
    id: 'logs.many',
    title: 'Many lines',
    description: 'Logs numbered lines through ctx.log and console.log in turn, then maybe throws',
    args: z.object({ count: z.number().int(), fail: z.boolean().default(false) }),
    async run(ctx, args) {
      for (let i = 1; i <= args.count; i += 1) {
        if (i % 2) ctx.log.info(`line ${i}`, { i });
        else console.log('line %d', i);
        if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      if (args.fail) throw new Error('failed after logging');
    },
  }),
  defineTask({
    id: 'logs.until-stopped',
    title: 'Log, then wait for the stop',
    description: 'Logs lines, waits until aborted, logs once more and ends',
    args: z.object({ count: z.number().int() }),
    async run(ctx, args) {
      for (let i = 1; i <= args.count; i += 1) ctx.log.info(`line ${i}`);
      await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
      console.warn('cleaning up');
      throw ctx.signal.reason;
    },
  }),
  defineTask({
    id: 'logs.tagged',
    title: 'Tagged console output',
    description: 'Prints its tag through console.* with pauses, so that concurrent runs interleave',
    args: z.object({ tag: z.string(), count: z.number().int() }),
    async run(_ctx, args) {
      for (let i = 1; i <= args.count; i += 1) {
        if (i % 3 === 0) console.error(`${args.tag} ${i}`);
        else console.info(`${args.tag} ${i}`);
        await sleep(i % 2);
      }
      // Output after the run has ended must not be added to its log.
      setTimeout(() => console.log(`${args.tag} late`), 30);
    },
  }),
  defineTask({
    id: 'logs.sized',
    title: 'Lines of ten bytes',
    description: 'Logs `count` lines of exactly ten bytes',
    args: z.object({ count: z.number().int() }),
    run(ctx, args) {
      for (let i = 0; i < args.count; i += 1) ctx.log.debug(`${i}`.padStart(10, '0'));
    },
  }),
];

async function allLines(deck: Jobdeck, runId: number) {
  const lines = [];
  for await (const page of logPages(deck.runs, runId, {})) lines.push(...page);
  return lines;
}

/** Worker options that keep every line in memory until the run's log is closed. */
const holdLines = { logs: { flushIntervalMs: 60_000, maxBuffered: 1_000_000 } };

describe('run logs', () => {
  it('keeps ctx.log and console lines in order with gapless sequence numbers', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, ...logTasks] });
    const worker = await startWorker(deck, { logs: { batchLines: 700 } });
    const job = await deck.jobs.create({ title: 'Many', task: 'logs.many' });
    const run = await deck.runs.create(job.id, { args: { count: 2500 } });
    expect((await finished(worker, run.id)).status).toBe('SUCCESS');
    const lines = await allLines(deck, run.id);
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    expect(lines.map((l) => l.message)).toEqual(Array.from({ length: 2500 }, (_, i) => `line ${i + 1}`));
    expect(lines[0]).toMatchObject({ level: 'info', fields: { i: 1 } });
    expect(lines[1]).toMatchObject({ level: 'info', fields: null });
  });

  it('stores every line before the final state, when the task throws', async () => {
    const url = useTestDatabase().url;
    const workerSide = await openTestDeck({ tasks: [...testTasks, ...logTasks] }, url);
    const reader = await openTestDeck({ tasks: [...testTasks, ...logTasks] }, url);
    await startWorker(workerSide, holdLines);
    const job = await reader.jobs.create({ title: 'Many', task: 'logs.many' });
    const run = await reader.runs.create(job.id, { args: { count: 1500, fail: true } });
    const ended = await reader.runs.waitForEnd(run.id, { timeoutMs: 10_000 });
    // Read as soon as another connection sees the final state: nothing may be missing.
    const lines = await allLines(reader, run.id);
    expect(ended.status).toBe('FAILED');
    expect(ended.message).toContain('failed after logging');
    expect(lines).toHaveLength(1500);
    expect(lines.at(-1)!.message).toBe('line 1500');
  });

  it('stores every line before the final state, when the run is stopped', async () => {
    const url = useTestDatabase().url;
    const workerSide = await openTestDeck({ tasks: [...testTasks, ...logTasks] }, url);
    const reader = await openTestDeck({ tasks: [...testTasks, ...logTasks] }, url);
    const worker = await startWorker(workerSide, holdLines);
    const job = await reader.jobs.create({ title: 'Until stopped', task: 'logs.until-stopped' });
    const run = await reader.runs.create(job.id, { args: { count: 1200 } });
    await started(worker, run.id);
    await reader.runs.stop(run.id);
    const ended = await reader.runs.waitForEnd(run.id, { timeoutMs: 10_000 });
    const lines = await allLines(reader, run.id);
    expect(ended.status).toBe('CANCELLED');
    expect(lines).toHaveLength(1201);
    expect(lines.at(-1)).toMatchObject({ seq: 1201, level: 'warn', message: 'cleaning up' });
  });

  it('deletes the lines of runs with their job', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, ...logTasks] });
    const worker = await startWorker(deck);
    const job = await deck.jobs.create({ title: 'Many', task: 'logs.many' });
    const other = await deck.jobs.create({ title: 'Kept', task: 'logs.many' });
    const runs = [
      await deck.runs.create(job.id, { args: { count: 30 } }),
      await deck.runs.create(other.id, { args: { count: 5 } }),
    ];
    for (const run of runs) await finished(worker, run.id);
    await deck.jobs.delete(job.id);
    expect(await deck.store.logMaxSeq(runs[0]!.id)).toBe(0);
    expect(await deck.store.logMaxSeq(runs[1]!.id)).toBe(5);
  });

  it('caps lines per run and ends the log with one line saying what was dropped', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, ...logTasks] });
    const worker = await startWorker(deck, { logs: { maxLinesPerRun: 10 } });
    const job = await deck.jobs.create({ title: 'Many', task: 'logs.many' });
    const run = await deck.runs.create(job.id, { args: { count: 25 } });
    await finished(worker, run.id);
    const lines = await allLines(deck, run.id);
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(lines.slice(0, 10).map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 1}`));
    expect(lines[10]).toMatchObject({ level: 'warn', fields: { dropped_lines: 15 } });
    expect(lines[10]!.message).toMatch(/^Log cap reached: 15 more line\(s\)/);
    expect(lines.filter((l) => l.message.startsWith('Log cap reached'))).toHaveLength(1);
  });

  it('caps bytes per run', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, ...logTasks] });
    const worker = await startWorker(deck, { logs: { maxBytesPerRun: 55 } });
    const job = await deck.jobs.create({ title: 'Sized', task: 'logs.sized' });
    const run = await deck.runs.create(job.id, { args: { count: 8 } });
    await finished(worker, run.id);
    const lines = await allLines(deck, run.id);
    expect(lines).toHaveLength(6);
    expect(lines[4]!.message).toBe('0000000004');
    expect(lines[5]!.fields).toEqual({ dropped_lines: 3, dropped_bytes: 30 });
  });

  it('routes console output to the run that printed it, with concurrent runs in one process', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, ...logTasks] });
    const worker = await startWorker(deck, { concurrency: 3 });
    const job = await deck.jobs.create({ title: 'Tagged', task: 'logs.tagged' });
    const tags = ['alpha', 'beta', 'gamma'];
    const runs = await Promise.all(tags.map((tag) => deck.runs.create(job.id, { args: { tag, count: 60 } })));
    await Promise.all(runs.map((run) => started(worker, run.id)));
    // Printed by the test itself while the runs go on: it belongs to no run.
    console.log('alpha from outside any run');
    await Promise.all(runs.map((run) => finished(worker, run.id)));
    await sleep(80); // the tasks' late timers have fired by now
    for (const [i, run] of runs.entries()) {
      const lines = await allLines(deck, run.id);
      expect(lines.map((l) => l.message)).toEqual(Array.from({ length: 60 }, (_, n) => `${tags[i]} ${n + 1}`));
      expect(lines.map((l) => l.level)).toEqual(Array.from({ length: 60 }, (_, n) => ((n + 1) % 3 ? 'info' : 'error')));
    }
  });
});
