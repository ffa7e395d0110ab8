import type { Command } from 'commander';
import type { Service } from '../../engine/service.js';
import { parseInteger, parseList, withContext } from '../command-support.js';
import { openContext, type GlobalOptions } from '../context.js';
import { printJson, reportError } from '../output.js';
import { releaseNewSpace } from '../start-up-heap.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import type { ServerHandle } from '../../http/server.js';

interface WorkerFlags {
  queues?: string[];
  concurrency?: number;
  shutdownGrace?: number;
}

interface ServerFlags {
  port: number;
  host: string;
}

/**
 * Runs long-running services until SIGINT/SIGTERM: the first signal stops them (a worker lets
 * running runs end within its grace period); a second one exits at once.
 */
async function runServices(
  command: Command,
  parts: { worker?: WorkerFlags; scheduler?: boolean; server?: ServerFlags },
  label: string,
): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const services: Service[] = [];
  try {
    const { deck, config } = await openContext(options, { waitForDatabase: true });
    const flags = parts.worker;
    // The server listens first, so that without a configured public URL the notifier's links
    // point at the port it really got (`--port 3311`, or 0), not at a guessed default.
    const server = parts.server ? await serverService(deck, parts.server) : undefined;
    if (server) services.push(server);
    const configuredUrl = config.notifications?.publicUrl ?? (process.env.JOBDECK_PUBLIC_URL || undefined);
    const notifierLinks = () => {
      const listening = server?.url();
      return configuredUrl === undefined && listening ? { publicUrl: listening } : true;
    };
    // deck.start(): the config's jobs upserted by key; rescue of dead workers' runs rides along
    // with schedulers and workers (any live process rescues, each run once); notifications go
    // out from every process that runs work (the outbox makes that exactly-once); a scheduler's
    // first start creates the daily "Prune history" job, once per database.
    services.push({
      start: () =>
        deck.start({
          scheduler: parts.scheduler ?? false,
          maintenance: Boolean(parts.scheduler || parts.worker),
          notifier: parts.worker ? notifierLinks() : false,
          worker: flags
            ? {
                ...(flags.queues && { queues: flags.queues }),
                ...(flags.concurrency && { concurrency: flags.concurrency }),
                ...(flags.shutdownGrace !== undefined && { shutdownGraceMs: flags.shutdownGrace * 1000 }),
              }
            : false,
          declareJobs: Boolean(parts.scheduler || parts.worker),
        }),
      stop: () => deck.stop(),
    });
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
    // Start-up is over: from here the new space grows with the work again (see start-up-heap.ts).
    releaseNewSpace();
    deck.logger.info({ database: deck.store.location, tasks: deck.tasks.registry.ids() }, `${label} running`);
  } catch (error) {
    reportError(error, options.json ?? false);
    await Promise.all(services.map((service) => service.stop()));
    process.exit(1);
  }
}

/** The HTTP server as a service; on a first start it makes the admin token and prints it once. */
async function serverService(deck: Jobdeck, flags: ServerFlags): Promise<Service & { url(): string | undefined }> {
  const secret = await deck.tokens.ensureAdminToken(process.env.JOBDECK_ADMIN_TOKEN);
  if (secret) {
    process.stdout.write(
      `\nNo API token existed, so an admin token was created. It is shown only now:\n\n  ${secret}\n\n` +
        'Use it as "Authorization: Bearer <token>" or to sign in to the admin.\n\n',
    );
  }
  // No account yet and no admin token from the environment: a newcomer creates the first admin in the browser.
  const setup = process.env.JOBDECK_ADMIN_TOKEN ? null : await deck.users.setupSecret();
  let handle: ServerHandle | undefined;
  return {
    url: () => handle?.url,
    async start() {
      // Loaded here: a `worker` or `scheduler` process never loads the HTTP layer.
      const { startServer } = await import('../../http/server.js');
      handle ??= await startServer(deck, flags.port, flags.host, { logger: deck.logger });
      deck.logger.info({ url: `${handle.url}/api`, admin: `${handle.url}/admin` }, 'server listening');
      // Service logs are JSON on stderr; a newcomer needs the address in plain words.
      process.stdout.write(`Jobdeck admin: ${handle.url}/admin  (API: ${handle.url}/api)\n`);
      if (setup) {
        const base = (process.env.JOBDECK_PUBLIC_URL || handle.url).replace(/\/+$/, '');
        process.stdout.write(
          `\nNo account exists yet. Create the first admin account here (works once, for 24 hours):\n\n` +
            `  ${base}/admin/setup?token=${setup}\n\n`,
        );
      }
    },
    async stop() {
      await handle?.close();
      handle = undefined;
    },
  };
}

export function registerServiceCommands(program: Command): void {
  const serverOptions = (command: Command) =>
    command
      .option(
        '--port <n>',
        'HTTP port (env JOBDECK_PORT; 0 picks a free one)',
        parseInteger('port'),
        Number(process.env.JOBDECK_PORT ?? 3000),
      )
      .option('--host <address>', 'address to listen on', process.env.JOBDECK_HOST ?? '127.0.0.1');

  const workerOptions = (command: Command) =>
    command
      .option('--queues <list>', 'queues to take runs from, comma-separated (default: all)', parseList)
      .option('--concurrency <n>', 'runs executed at once (default 10)', parseInteger('concurrency', 1))
      .option(
        '--shutdown-grace <seconds>',
        'on stop, time running runs get to finish (default 30)',
        parseInteger('shutdown-grace'),
      );

  serverOptions(
    workerOptions(
      program.command('start').description('run Jobdeck: the HTTP API, a scheduler and a worker on all queues'),
    ),
  ).action((flags: WorkerFlags & ServerFlags, command: Command) =>
    runServices(command, { worker: flags, scheduler: true, server: flags }, 'jobdeck'),
  );

  serverOptions(program.command('server').description('run the HTTP API only')).action(
    (flags: ServerFlags, command: Command) => runServices(command, { server: flags }, 'server'),
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
