import { z } from 'zod';
import { PartialSuccessError } from '../../src/domain/errors.js';
import { defineTask, type AnyTask } from '../../src/domain/task.js';
import type { Run } from '../../src/domain/model.js';
import type { RunOutcome } from '../../src/storage/store.js';
import type { Worker } from '../../src/engine/worker.js';
import { createJobdeck, type Jobdeck, type JobdeckOptions } from '../../src/service/jobdeck.js';
import { nextEvent, onCleanup, useTestDatabase } from './fixtures.js';

/** Tasks whose behaviour the engine tests steer through their arguments. */
export const testTasks: AnyTask[] = [
  defineTask({
    id: 'test.echo',
    title: 'Echo',
    description: 'Returns its arguments and since; logs each line given',
    args: z.object({
      lines: z.array(z.string()).default([]),
      result: z.unknown().optional(),
      errored: z.number().int().optional(),
      warnings: z.array(z.string()).default([]),
    }),
    run(ctx, args) {
      args.lines.forEach((line, i) => ctx.log.info(line, { i }));
      args.warnings.forEach((warning, i) => ctx.warn(warning, { i }));
      if (args.errored !== undefined) ctx.progress({ total: 10, inserted: 10 - args.errored, errored: args.errored });
      return (args.result ?? { since: ctx.since?.toISOString() ?? null, job: ctx.job.title, run: ctx.run.id }) as never;
    },
  }),
  defineTask({
    id: 'test.fail',
    title: 'Fail',
    description: 'Throws',
    args: z.object({ partial: z.boolean().default(false) }),
    run(ctx, args) {
      ctx.log.warn('about to fail');
      if (args.partial) throw new PartialSuccessError('3 records were invalid', 3);
      throw new TypeError('boom');
    },
  }),
  defineTask({
    id: 'test.block',
    title: 'Block',
    description: 'Waits until aborted (or ignores the abort when told to)',
    args: z.object({ ignoreAbort: z.boolean().default(false), ms: z.number().default(60_000) }),
    async run(ctx, args) {
      ctx.log.info('blocking');
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, args.ms);
        if (!args.ignoreAbort)
          ctx.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(ctx.signal.reason);
          });
      });
      return 'finished';
    },
  }),
];

/** A Jobdeck over a fresh test database with the test tasks; closed after the test. */
export async function openTestDeck(
  options: Partial<JobdeckOptions> = {},
  url = useTestDatabase().url,
): Promise<Jobdeck> {
  const deck = await createJobdeck({
    database: url,
    tasks: testTasks,
    queues: ['default', 'other'],
    logger: false,
    ...options,
  });
  onCleanup(() => deck.close());
  return deck;
}

interface Seen {
  started: Map<number, Run>;
  finished: Map<number, RunOutcome>;
}
const seen = new WeakMap<Worker, Seen>();

/** A started worker, stopped after the test; its run events are recorded from the start. */
export async function startWorker(
  deck: Jobdeck,
  options: Parameters<Jobdeck['createWorker']>[0] = {},
): Promise<Worker> {
  const worker = deck.createWorker({ shutdownGraceMs: 1000, abortGraceMs: 1000, ...options });
  const record: Seen = { started: new Map(), finished: new Map() };
  seen.set(worker, record);
  worker.on('run:started', (run) => record.started.set(run.id, run));
  worker.on('run:finished', (outcome) => record.finished.set(outcome.id, outcome));
  await worker.start();
  onCleanup(() => worker.stop());
  return worker;
}

function eventFor<T>(worker: Worker, name: 'run:started' | 'run:finished', runId: number, ms: number): Promise<T> {
  const record = seen.get(worker)!;
  const already = (name === 'run:started' ? record.started : record.finished).get(runId);
  if (already) return Promise.resolve(already as T);
  return nextEvent<{ id: number }>(
    (listener) => {
      worker.on(name, listener);
      return () => worker.off(name, listener);
    },
    (e) => e.id === runId,
    ms,
  ) as Promise<T>;
}

/** Resolves when the worker has recorded the run's final state (even if that happened already). */
export function finished(worker: Worker, runId: number, ms = 10_000): Promise<RunOutcome> {
  return eventFor(worker, 'run:finished', runId, ms);
}

export function started(worker: Worker, runId: number, ms = 10_000): Promise<Run> {
  return eventFor(worker, 'run:started', runId, ms);
}
