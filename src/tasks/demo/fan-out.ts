import { z } from 'zod';
import { defineTask } from '../../domain/task.js';
import { sleep } from './wait.js';

/**
 * The fan-out pattern of imports and harvests: a parent run splits its records into sub-runs,
 * one each, and ends when they all have. With `fail_every` N, every Nth record fails, so the
 * parent ends PARTIAL_SUCCESS with `failed_subruns` = records / N.
 */
export const fanOutTask = defineTask({
  id: 'demo.fan-out',
  title: 'Fan out records to sub-runs',
  description:
    'Splits "records" records into one sub-run each; every "fail_every"-th record fails. ' +
    'The run waits for its sub-runs and ends PARTIAL_SUCCESS if any failed.',
  args: z.object({
    records: z.number().int().min(1).max(100_000).default(100).describe('How many records (sub-runs)'),
    fail_every: z.number().int().min(0).default(10).describe('Every Nth record fails (0: none fails)'),
    record_ms: z.number().int().min(0).max(60_000).default(0).describe('How long each record takes, in ms'),
    record: z.number().int().min(1).optional().describe('Set on sub-runs: the record this one imports'),
  }),
  async run(ctx, args) {
    if (args.record === undefined) {
      const items = Array.from({ length: args.records }, (_, i) => ({
        args: { ...args, record: i + 1 },
        title: `Record ${i + 1} of ${args.records}`,
      }));
      const created = await ctx.subRuns.create(items);
      ctx.log.info(`Created ${created} sub-runs.`);
      return { sub_runs: created };
    }
    // Each sub-run logs, so that the parent's "all sub-runs' lines" and the log search show the
    // family's lines grouped by sub-run (a failure is otherwise only the run's message).
    ctx.log.info(`Importing record ${args.record} of ${args.records}.`, { record: args.record });
    if (args.record_ms > 0) await sleep(args.record_ms, ctx.signal);
    if (args.fail_every > 0 && args.record % args.fail_every === 0) {
      const reason = `Record ${args.record} is invalid: it has no name.`;
      ctx.log.error(reason, { record: args.record });
      throw new Error(reason);
    }
    ctx.progress({ total: 1, inserted: 1 });
    ctx.log.info(`Imported record ${args.record}.`, { record: args.record });
    return null;
  },
});
