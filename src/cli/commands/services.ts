import type { Command } from 'commander';
import type { Service } from '../../engine/service-support.js';
import { parseInteger, parseList, withContext } from '../command-support.js';
import { openContext, type GlobalOptions } from '../context.js';
import { printJson, reportError } from '../output.js';

interface WorkerFlags {
  queues?: string[];
  concurrency?: number;
  shutdownGrace?: number;
}

/**
 * Runs long-running services until SIGINT/SIGTERM: the first signal stops them (a worker lets
 * running runs end within its grace period); a second one exits at once.
 */
async function runServices(
  command: Command,
  parts: { worker?: WorkerFlags; scheduler?: boolean },
  label: string,
): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const services: Service[] = [];
  try {
    const { deck, config } = await openContext(options, { waitForDatabase: true });
    if (parts.scheduler) services.push(deck.createScheduler(config.scheduler));
    if (parts.worker) {
      const flags = parts.worker;
      services.push(
        deck.createWorker({
          ...config.worker,
          ...(flags.queues && { queues: flags.queues }),
          ...(flags.concurrency && { concurrency: flags.concurrency }),
          ...(flags.shutdownGrace !== undefined && { shutdownGraceMs: flags.shutdownGrace * 1000 }),
        }),
      );
    }
    let signals = 0;
    const onSignal = (signal: string) => {
      signals += 1;
      if (signals > 1) {
        deck.logger.warn(`${signal} again: exiting now`);
        process.exit(130);
      }
      deck.logger.info(`${signal}: stopping (send it again to exit at once)`);
      void Promise.all(services.map((service) => service.stop()))
        .then(() => deck.close())
        .then(() => process.exit(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    for (const service of services) await service.start();
    deck.logger.info({ database: deck.store.location, tasks: deck.tasks.registry.ids() }, `${label} running`);
  } catch (error) {
    reportError(error, options.json ?? false);
    await Promise.all(services.map((service) => service.stop()));
    process.exit(1);
  }
}

export function registerServiceCommands(program: Command): void {
  const workerOptions = (command: Command) =>
    command
      .option('--queues <list>', 'queues to take runs from, comma-separated (default: all)', parseList)
      .option('--concurrency <n>', 'runs executed at once (default 10)', parseInteger('concurrency', 1))
      .option(
        '--shutdown-grace <seconds>',
        'on stop, time running runs get to finish (default 30)',
        parseInteger('shutdown-grace'),
      );

  workerOptions(
    program
      .command('start')
      .description('run Jobdeck: a scheduler and a worker on all queues (the server joins later)'),
  ).action((flags: WorkerFlags, command: Command) =>
    runServices(command, { worker: flags, scheduler: true }, 'jobdeck'),
  );

  workerOptions(program.command('worker').description('run a worker only')).action(
    (flags: WorkerFlags, command: Command) => runServices(command, { worker: flags }, 'worker'),
  );

  program
    .command('scheduler')
    .description('run a scheduler only (any number may run against one database)')
    .action((_flags: unknown, command: Command) => runServices(command, { scheduler: true }, 'scheduler'));

  program
    .command('migrate')
    .description('create or upgrade the database schema')
    .action(
      withContext(async ({ deck, json }) => {
        // Opening the store applies pending migrations.
        if (json) printJson({ migrated: true, database: deck.store.location });
        else process.stdout.write(`Database ${deck.store.location} is up to date.\n`);
      }),
    );
}
