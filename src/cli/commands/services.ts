import type { Command } from 'commander';
import type { Worker } from '../../engine/worker.js';
import { parseInteger, parseList } from '../command-support.js';
import { openContext, type GlobalOptions } from '../context.js';
import { printJson, reportError } from '../output.js';
import { withContext } from '../command-support.js';

interface WorkerFlags {
  queues?: string[];
  concurrency?: number;
  shutdownGrace?: number;
}

/**
 * Runs a worker until SIGINT/SIGTERM: the first signal stops claiming and lets running runs end
 * within the grace period; a second one exits at once.
 */
async function runWorker(command: Command, flags: WorkerFlags, label: string): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
  let worker: Worker | undefined;
  try {
    const { deck, config } = await openContext(options, { waitForDatabase: true });
    worker = deck.createWorker({
      ...config.worker,
      ...(flags.queues && { queues: flags.queues }),
      ...(flags.concurrency && { concurrency: flags.concurrency }),
      ...(flags.shutdownGrace !== undefined && { shutdownGraceMs: flags.shutdownGrace * 1000 }),
    });
    const started = worker;
    let signals = 0;
    const onSignal = (signal: string) => {
      signals += 1;
      if (signals > 1) {
        deck.logger.warn(`${signal} again: exiting now`);
        process.exit(130);
      }
      deck.logger.info(`${signal}: stopping (send it again to exit at once)`);
      void started
        .stop()
        .then(() => deck.close())
        .then(() => process.exit(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    await worker.start();
    deck.logger.info({ database: deck.store.location, tasks: deck.tasks.registry.ids() }, `${label} running`);
  } catch (error) {
    reportError(error, options.json ?? false);
    await worker?.stop();
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
      .description('run Jobdeck: a worker on all queues (scheduler and server join in later versions)'),
  ).action((flags: WorkerFlags, command: Command) => runWorker(command, flags, 'jobdeck'));

  workerOptions(program.command('worker').description('run a worker only')).action(
    (flags: WorkerFlags, command: Command) => runWorker(command, flags, 'worker'),
  );

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
