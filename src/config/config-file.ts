import fs from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../domain/errors.js';
import type { AnyTask } from '../domain/task.js';
import type { QueueConfig } from '../service/queue-registry.js';
import type { WorkerOptions } from '../engine/worker-options.js';
import type { SchedulerOptions } from '../engine/scheduler.js';
import type { NotificationServiceOptions } from '../notifications/notification-service.js';
import type { MaintenanceOptions } from '../engine/maintenance.js';
import { importUserModule } from '../engine/typescript-modules.js';
import type { OutboundConfig } from '../engine/outbound-policy.js';
import type { JobDefinition } from '../service/job-definitions.js';
import type { OidcConfig } from '../service/oidc-config.js';

/** What `jobdeck.config.{ts,mjs,js}` exports (default export, or a function returning it). */
export interface JobdeckConfig {
  /** Database URL; `--database` and JOBDECK_DATABASE_URL take precedence. */
  database?: string;
  /** Direct PostgreSQL URL to LISTEN on behind a transaction pooler; JOBDECK_LISTEN_URL takes precedence. */
  listenUrl?: string;
  tasks?: AnyTask[];
  queues?: QueueConfig[];
  worker?: Omit<WorkerOptions, 'queues' | 'logger' | 'workerId'> & { queues?: string[] };
  scheduler?: Omit<SchedulerOptions, 'logger' | 'now'>;
  /** Rescue of dead workers' runs: `leaseMs` (default 30 s, keep it above the worker's heartbeatMs) and `intervalMs`. */
  maintenance?: Omit<MaintenanceOptions, 'logger'>;
  /**
   * `smtp` (URL), `mailFrom`, `publicUrl` (links in messages) and retry settings of notifications;
   * JOBDECK_SMTP_URL, JOBDECK_MAIL_FROM and JOBDECK_PUBLIC_URL fill what is not set here.
   */
  notifications?: Omit<NotificationServiceOptions, 'logger' | 'now' | 'onAttempt'>;
  /** Internal targets http.request and webhooks may call, e.g. `{ allow: ['10.0.0.0/8'] }` (see docs/outbound-and-secrets.md). */
  outbound?: OutboundConfig;
  /**
   * Jobs declared in code: `{ key, task, title?, schedule?, args?, … }`, upserted by key when a
   * worker or scheduler starts; the fields given are managed by code (see docs/library.md).
   */
  jobs?: JobDefinition[];
  /**
   * Sign-in through an OpenID Connect provider: `{ issuer, clientId, clientSecret, scopes, label,
   * roleClaim: 'groups', roles: { admin: ['jobdeck-admins'], … }, otherwise: 'refuse' }`;
   * JOBDECK_OIDC_* fill what is not set here (docs/sign-in.md).
   */
  oidc?: OidcConfig;
  /** Also register the demo tasks (default: only when there is no config file). */
  demo?: boolean;
}

export function defineConfig(config: JobdeckConfig): JobdeckConfig {
  return config;
}

const CONFIG_FILE_NAMES = ['jobdeck.config.ts', 'jobdeck.config.mts', 'jobdeck.config.mjs', 'jobdeck.config.js'];

export interface LoadedConfig {
  config: JobdeckConfig;
  /** The file it came from; undefined when none was found (the built-in demo setup). */
  file: string | undefined;
}

/** Loads the named config file, or the first of CONFIG_FILE_NAMES in `cwd`. */
export async function loadConfig(file: string | undefined, cwd = process.cwd()): Promise<LoadedConfig> {
  const found = file
    ? path.resolve(cwd, file)
    : CONFIG_FILE_NAMES.map((name) => path.join(cwd, name)).find((candidate) => fs.existsSync(candidate));
  if (!found) return { config: { demo: true }, file: undefined };
  if (!fs.existsSync(found)) throw new ConfigurationError(`Config file ${found} does not exist.`);
  let exported: unknown;
  try {
    const module = (await importUserModule(found)) as { default?: unknown };
    exported = module.default ?? module;
    if (typeof exported === 'function') exported = await (exported as () => unknown)();
  } catch (error) {
    throw new ConfigurationError(`Cannot load config file ${found}: ${(error as Error).message}`);
  }
  return { config: checkConfig(exported, found), file: found };
}

function checkConfig(value: unknown, file: string): JobdeckConfig {
  if (value === null || typeof value !== 'object') {
    throw new ConfigurationError(`Config file ${file} must export an object (export default defineConfig({...})).`);
  }
  const config = value as JobdeckConfig;
  if (config.tasks !== undefined && !Array.isArray(config.tasks)) {
    throw new ConfigurationError(`Config file ${file}: "tasks" must be an array of defineTask(...) results.`);
  }
  if (config.jobs !== undefined && !Array.isArray(config.jobs)) {
    throw new ConfigurationError(`Config file ${file}: "jobs" must be an array of {key, task, ...} job declarations.`);
  }
  if (config.queues !== undefined && !Array.isArray(config.queues)) {
    throw new ConfigurationError(
      `Config file ${file}: "queues" must be an array of queue names or {name, title, description}.`,
    );
  }
  return config;
}
