import { UnavailableError } from '../domain/errors.js';
import { createJobdeck, type Jobdeck } from '../service/jobdeck.js';
import { retrying } from '../engine/retrying.js';
import { createServerLogger } from '../observability/server-logger.js';
import { DEFAULT_DATABASE_URL, redactUrl } from '../storage/database-url.js';
import { builtinTasks, demoTasks } from '../tasks/index.js';
import { loadConfig, type JobdeckConfig } from '../config/config-file.js';

export interface GlobalOptions {
  json?: boolean;
  database?: string;
  config?: string;
}

export interface CliContext {
  deck: Jobdeck;
  config: JobdeckConfig;
  json: boolean;
}

/** The database URL in force: --database, then JOBDECK_DATABASE_URL, then the config, then the default. */
function databaseUrl(options: GlobalOptions, config: JobdeckConfig): string {
  return options.database ?? process.env.JOBDECK_DATABASE_URL ?? config.database ?? DEFAULT_DATABASE_URL;
}

/**
 * Opens Jobdeck as the options and config file say. Long-running services pass `waitForDatabase`
 * so an unreachable database is retried with backoff instead of ending the process.
 */
export async function openContext(
  options: GlobalOptions,
  { waitForDatabase = false }: { waitForDatabase?: boolean } = {},
): Promise<CliContext> {
  const { config, file } = await loadConfig(options.config);
  // Isolated tasks run in child processes that load the custom tasks from the same file.
  if (file) process.env.JOBDECK_TASKS_MODULE ??= file;
  const logger = createServerLogger({ level: process.env.JOBDECK_LOG_LEVEL ?? 'info' });
  const url = databaseUrl(options, config);
  const open = () =>
    createJobdeck({
      database: url,
      ...((process.env.JOBDECK_LISTEN_URL ?? config.listenUrl) !== undefined && {
        listenUrl: process.env.JOBDECK_LISTEN_URL ?? config.listenUrl,
      }),
      tasks: [...builtinTasks, ...(config.demo ? demoTasks : []), ...(config.tasks ?? [])],
      ...(config.queues && { queues: config.queues }),
      ...(config.worker && { worker: config.worker }),
      ...(config.scheduler && { scheduler: config.scheduler }),
      ...(config.maintenance && { maintenance: config.maintenance }),
      ...(config.jobs && { jobs: config.jobs }),
      ...(config.notifications && { notifications: config.notifications }),
      ...(config.outbound && { outbound: config.outbound }),
      ...(config.oidc && { oidc: config.oidc }),
      logger,
    });
  const deck = waitForDatabase
    ? await retrying(
        open,
        (error, attempt) =>
          logger.warn(
            { attempt, database: redactUrl(url) },
            `database not reachable, retrying: ${(error as Error).message}`,
          ),
        Number.POSITIVE_INFINITY,
        // Only an unreachable database is worth waiting for; a wrong URL or a missing folder is not.
        (error) => error instanceof UnavailableError && !/does not exist|Cannot open sqlite/.test(error.message),
      )
    : await open();
  return { deck, config, json: options.json ?? false };
}
