import { z } from 'zod';
import { defineTask, type AnyTask } from '../../domain/task.js';
import type { Store } from '../../storage/store.js';

export const PRUNE_HISTORY_TASK_ID = 'maintenance.prune-history';
const DAY_MS = 24 * 3600 * 1000;

const pruneHistoryArgs = z.object({
  keepLogsDays: z
    .number()
    .int()
    .min(1)
    .max(36_500)
    .default(90)
    .describe('Delete the log lines of runs that ended more than this many days ago'),
  keepRunsDays: z
    .number()
    .int()
    .min(1)
    .max(36_500)
    .default(365)
    .describe('Delete runs that ended more than this many days ago'),
  keepLastRuns: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(20)
    .describe('Always keep this many newest runs of each job, however old'),
  batchSize: z
    .number()
    .int()
    .min(100)
    .max(50_000)
    .default(5000)
    .describe('Rows deleted per statement (smaller: shorter locks, longer prune)'),
});

/**
 * The built-in retention task, bound to the store of the Jobdeck that runs it (tasks get no
 * database handle of their own). Deleting happens in small batches, so it can run at any time
 * beside workers; a stop ends it after the current batch with what was deleted so far.
 */
export function pruneHistoryTask(store: Store, clock: () => number = Date.now): AnyTask {
  return defineTask({
    id: PRUNE_HISTORY_TASK_ID,
    title: 'Prune history',
    description:
      'Deletes old run logs and old runs (never unfinished runs, never the newest runs of each job), in small batches.',
    args: pruneHistoryArgs,
    async run(ctx, args) {
      const now = clock();
      let logsDeleted = 0;
      let runsDeleted = 0;
      // Counters: total = rows deleted, inserted = log lines, updated = runs (shown live on the run).
      const report = () =>
        ctx.progress({ total: logsDeleted + runsDeleted, inserted: logsDeleted, updated: runsDeleted });
      const logsBefore = new Date(now - args.keepLogsDays * DAY_MS);
      const runsBefore = new Date(now - args.keepRunsDays * DAY_MS);
      ctx.log.info('pruning log lines', { endedBefore: logsBefore.toISOString() });
      await store.logsPrune({
        before: logsBefore,
        batchSize: args.batchSize,
        signal: ctx.signal,
        onBatch: (n) => {
          logsDeleted += n;
          report();
        },
      });
      if (!ctx.signal.aborted) {
        ctx.log.info('pruning runs', { endedBefore: runsBefore.toISOString(), keepLastRuns: args.keepLastRuns });
        await store.runsPrune({
          before: runsBefore,
          keepLast: args.keepLastRuns,
          batchSize: args.batchSize,
          signal: ctx.signal,
          onBatch: (n) => {
            runsDeleted += n;
            report();
          },
        });
      }
      report();
      ctx.log.info('pruned', { logsDeleted, runsDeleted });
      ctx.signal.throwIfAborted();
      return { logs_deleted: logsDeleted, runs_deleted: runsDeleted };
    },
  });
}
