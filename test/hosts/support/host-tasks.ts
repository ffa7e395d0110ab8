import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defineTask } from '../../../src/domain/task.js';

/**
 * The task the across-hosts suite runs on its worker hosts. Each line names its attempt, so a
 * line of a rescued attempt is told apart from the new attempt's; each execution that completes
 * leaves a file `<run>-<attempt>-<pid>` in HOSTS_EXECUTIONS_DIR (a folder every host sees), so
 * the suite counts executions independently of the database.
 */
export const hostTasks = [
  defineTask({
    id: 'hosts.work',
    title: 'Work on a host',
    description: 'Logs `lines` lines over `ms`, then records its execution',
    args: z.object({
      ms: z.number().int().default(1000),
      lines: z.number().int().default(5),
      /** Attempt 1 first logs a tick every 250 ms until this file exists (the suite says when). */
      holdUntil: z.string().optional(),
    }),
    async run(ctx, args) {
      const attempt = ctx.run.attempt;
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      ctx.log.info(`attempt ${attempt} start`);
      for (let tick = 1; attempt === 1 && args.holdUntil && !fs.existsSync(args.holdUntil); tick += 1) {
        await sleep(250);
        ctx.log.info(`attempt ${attempt} tick ${tick}`);
      }
      for (let i = 1; i <= args.lines; i += 1) {
        await sleep(args.ms / args.lines);
        ctx.log.info(`attempt ${attempt} line ${i}`);
      }
      const dir = process.env.HOSTS_EXECUTIONS_DIR;
      if (dir) fs.writeFileSync(path.join(dir, `${ctx.run.id}-${attempt}-${process.pid}`), '');
      return { lines: args.lines };
    },
  }),
];
