import { z } from 'zod';
import { PartialSuccessError } from '../../src/domain/errors.js';
import { defineTask } from '../../src/domain/task.js';

/**
 * Tasks that run in a child process (`isolate: true`). The worker's child runner loads this
 * module by path (the worker's `tasksModule`), as it loads a config file's tasks in production.
 */
const isolatedTasks = [
  defineTask({
    id: 'test.isolated-echo',
    title: 'Isolated echo',
    description: 'Logs, reports progress, prints, and returns its pid',
    isolate: true,
    args: z.object({
      lines: z.number().int().default(3),
      partial: z.boolean().default(false),
      warn: z.string().optional(),
    }),
    run(ctx, args) {
      for (let i = 1; i <= args.lines; i += 1) ctx.log.info(`line ${i}`, { i });
      ctx.progress({ total: args.lines, inserted: args.lines });
      console.log('printed by the child');
      if (args.warn !== undefined) ctx.warn(args.warn, { from: 'child' });
      if (args.partial) throw new PartialSuccessError('2 entries failed', 2);
      return { pid: process.pid, since: ctx.since?.toISOString() ?? null };
    },
  }),
  defineTask({
    id: 'test.isolated-stubborn',
    title: 'Isolated stubborn',
    description: 'Ignores its signal and SIGTERM, and blocks; only SIGKILL ends it',
    isolate: true,
    args: z.object({}),
    async run(ctx) {
      process.removeAllListeners('SIGTERM');
      process.on('SIGTERM', () => ctx.log.warn('SIGTERM ignored'));
      ctx.log.info(`pid ${process.pid}`);
      await new Promise(() => setInterval(() => undefined, 1000));
    },
  }),
];

export default isolatedTasks;
