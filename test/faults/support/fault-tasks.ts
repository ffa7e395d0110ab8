import { z } from 'zod';
import { defineTask } from '../../../src/domain/task.js';

/** Tasks the fault scenarios run in real worker processes (loaded through fault.config.ts). */
export const faultTasks = [
  defineTask({
    id: 'fault.work',
    title: 'Work',
    description: 'Logs `lines` numbered lines spread over `ms`, honouring its signal',
    args: z.object({ ms: z.number().int().default(1000), lines: z.number().int().default(5) }),
    async run(ctx, args) {
      ctx.log.info(`attempt ${ctx.run.attempt} start`);
      for (let i = 1; i <= args.lines; i += 1) {
        await new Promise<void>((resolve, reject) => {
          const onAbort = () => {
            clearTimeout(timer);
            reject(ctx.signal.reason);
          };
          const timer = setTimeout(() => {
            ctx.signal.removeEventListener('abort', onAbort);
            resolve();
          }, args.ms / args.lines);
          ctx.signal.addEventListener('abort', onAbort, { once: true });
        });
        ctx.log.info(`line ${i}`);
      }
      return { lines: args.lines };
    },
  }),
  defineTask({
    id: 'fault.stubborn',
    title: 'Stubborn',
    description: 'Isolated; ignores its signal and SIGTERM and blocks until killed',
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
