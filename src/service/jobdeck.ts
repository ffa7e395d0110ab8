import type { Logger } from 'pino';
import type { AnyTask } from '../domain/task.js';
import { TaskRegistry } from '../domain/task-registry.js';
import { silentLogger } from '../engine/silent-logger.js';
import { Worker } from '../engine/worker.js';
import type { WorkerOptions } from '../engine/worker-options.js';
import { Scheduler, type SchedulerOptions } from '../engine/scheduler.js';
import { Maintenance, type MaintenanceOptions } from '../engine/maintenance.js';
import { ScheduleService } from './schedule-service.js';
import { DEFAULT_DATABASE_URL } from '../storage/database-url.js';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { AuditService } from './audit-service.js';
import { JobService } from './job-service.js';
import { JobdeckMetrics } from '../observability/metrics.js';
import { QueueRegistry, type QueueConfig } from './queue-registry.js';
import { QueueService } from './queue-service.js';
import { RunService } from './run-service.js';
import { OperationsService } from './operations-service.js';
import { TaskService } from './task-service.js';
import { TokenService } from './token-service.js';
import { SessionService } from './session-service.js';
import { UserService } from './user-service.js';
import { OidcService } from './oidc-service.js';
import { resolveOidcConfig, type OidcConfig } from './oidc-config.js';
import type { SessionPolicy } from '../domain/session.js';
import { NotificationService, type NotificationServiceOptions } from '../notifications/notification-service.js';
import { NotificationReader } from '../notifications/settings.js';
import type { Job } from '../domain/model.js';
import { PRUNE_HISTORY_TASK_ID, pruneHistoryTask } from '../tasks/maintenance/prune-history.js';
import { ensurePruneJob } from './prune-job.js';
import { checkZod } from './zod-support.js';
import { OutboundPolicy, type OutboundConfig } from '../engine/outbound-policy.js';
import { builtinTasks, demoTasks } from '../tasks/index.js';
import { ConfigurationError } from '../domain/errors.js';
import type { HostPoolDatabase } from '../storage/open-store.js';
import { createServerLogger } from '../observability/server-logger.js';
import { createEnqueue, type Enqueue } from './enqueue.js';
import { JobDefinitions, type JobDefinition } from './job-definitions.js';
import { DeckServices, type StartOptions } from './deck-services.js';
import { CalendarService } from './calendar-service.js';
import { RunCompareService } from './run-compare-service.js';

export interface JobdeckOptions {
  /**
   * `sqlite:./jobdeck.db` (default), `postgres://…`, the host's own `pg.Pool` as
   * `{ pool, schema? }` (see storage/host-pool.ts), or an open Store.
   */
  database?: string | HostPoolDatabase | Store;
  tasks?: AnyTask[];
  queues?: QueueConfig[];
  worker?: Omit<WorkerOptions, 'queues' | 'logger'> & { queues?: string[] };
  scheduler?: Omit<SchedulerOptions, 'logger'>;
  /** Rescue of dead workers' runs: `leaseMs` (default 30 s) and `intervalMs` (default 5 s). */
  maintenance?: Omit<MaintenanceOptions, 'logger'>;
  /**
   * Where services log (errors of the HTTP API included). Default: JSON lines on stderr at
   * `info` ($JOBDECK_LOG_LEVEL), credentials redacted; pass `false` for none.
   */
  logger?: Logger | false;
  /** Jobs declared in code, upserted by key at `start()`; their fields are "managed by code". */
  jobs?: JobDefinition[];
  /** Apply pending migrations when opening the database (default true). */
  migrate?: boolean;
  /**
   * With `?pooler=transaction`: a direct PostgreSQL URL to LISTEN on (default JOBDECK_LISTEN_URL);
   * `''` or none: changes are polled for every 0.5 s (see docs/deployment.md).
   */
  listenUrl?: string;
  /** SMTP, From address, public URL, retries of notifications (env JOBDECK_SMTP_URL etc. fill gaps). */
  notifications?: NotificationServiceOptions;
  /** How long sign-in sessions last (default 12 h unused, 7 days at most). */
  sessions?: Partial<SessionPolicy>;
  /** Sign-in through an OpenID Connect provider (JOBDECK_OIDC_* fill gaps; docs/sign-in.md). */
  oidc?: OidcConfig;
  /**
   * Internal targets the http.request task and webhooks may call: `{ allow: ['10.0.0.0/8',
   * 'internal.example.org'] }`, added to JOBDECK_OUTBOUND_ALLOW. Default: public addresses only.
   */
  outbound?: OutboundConfig;
  /** Clock in epoch ms, for tests (default Date.now). */
  clock?: () => number;
}

/** One Jobdeck: its store, registries and the application services HTTP and CLI share. */
export interface Jobdeck {
  store: Store;
  tasks: TaskService;
  queues: QueueRegistry;
  jobs: JobService;
  runs: RunService;
  /** The operations console: overview, runs of all jobs, bulk actions (docs/console.md). */
  operations: OperationsService;
  /** API tokens: create (secret shown once), list, revoke, authenticate. */
  tokens: TokenService;
  /** Sign-in sessions: start, authenticate, end, list, revoke. */
  sessions: SessionService;
  /** People's accounts: create, update, disable, passwords, password and OpenID Connect sign-in. */
  users: UserService;
  /** Sign-in through the configured OpenID Connect provider; null when none is set up. */
  oidc: OidcService | null;
  audit: AuditService;
  /** Queues with their run counts; pause and resume. */
  queueAdmin: QueueService;
  logger: Logger;
  /** Prometheus metrics (own registry); `metrics.notificationDelivered(channel, outcome)` counts deliveries. */
  metrics: JobdeckMetrics;
  /** A worker over the given (default: all configured) queues; call start() on it. */
  createWorker(options?: JobdeckOptions['worker']): Worker;
  /** Rescues runs of dead workers; call start() on it. */
  createMaintenance(options?: Omit<MaintenanceOptions, 'logger'>): Maintenance;
  /** A scheduler that fires due jobs; call start() on it. */
  createScheduler(options?: JobdeckOptions['scheduler']): Scheduler;
  schedules: ScheduleService;
  /** The calendar of scheduled jobs, schedule fidelity (calendar-service.ts), two runs compared. */
  calendar: CalendarService;
  compareRuns: RunCompareService;
  /** Deliveries of notifications (with every attempt) by run or job. */
  notifications: NotificationReader;
  /** Finds notification events and delivers them (e-mail, webhooks); call start() on it. */
  createNotifier(options?: NotificationServiceOptions): NotificationService;
  /** Creates the daily "Prune history" job unless it was created once already (see README). */
  ensurePruneJob(): Promise<Job | undefined>;
  /** Creates a run of a task (arguments typed by its schema), optionally in the host's transaction. */
  enqueue: Enqueue;
  /** Jobs by key: declared in code (`jobs` option), exported to and applied from files. */
  jobDefinitions: JobDefinitions;
  /**
   * Brings up what a process runs: worker, scheduler, rescue of dead workers and notifier (each
   * on by default; `false` or options per part), after upserting the jobs declared in code.
   */
  start(options?: StartOptions): Promise<void>;
  /** Stops what start() started (idempotent; running runs get the worker's grace period). */
  stop(): Promise<void>;
  /** Stops the services, then closes the database connection. */
  close(): Promise<void>;
}

function isStore(database: JobdeckOptions['database']): database is Store {
  return typeof database === 'object' && 'traits' in database;
}

/**
 * An isolated task runs in a child process that loads it by module path: the worker's
 * `tasksModule` (the config file, for the CLI) or $JOBDECK_TASKS_MODULE. A task defined inline
 * with no such module would fail at each run; refuse it when the worker is made instead.
 */
function checkIsolatedTasks(registry: TaskRegistry, tasksModule: string | undefined): void {
  if (tasksModule) return;
  const loadable = new Set([...builtinTasks, ...demoTasks].map((task) => task.id));
  const inline = registry.list().filter((task) => task.isolate && !loadable.has(task.id));
  if (inline.length === 0) return;
  throw new ConfigurationError(
    `Task ${inline.map((task) => `"${task.id}"`).join(', ')} has isolate: true, but its child process could not load it: ` +
      'give the worker a `tasksModule` (a module whose default export, or `tasks` export, lists the tasks), ' +
      'set JOBDECK_TASKS_MODULE, or drop isolate.',
  );
}

export async function createJobdeck(options: JobdeckOptions = {}): Promise<Jobdeck> {
  checkZod(options.tasks ?? []);
  const oidcConfig = resolveOidcConfig(options.oidc);
  const registry = new TaskRegistry(options.tasks ?? []);
  const queues = new QueueRegistry(options.queues);
  const logger =
    options.logger === false
      ? silentLogger
      : (options.logger ?? createServerLogger({ level: process.env.JOBDECK_LOG_LEVEL ?? 'info' }));
  const store = isStore(options.database)
    ? options.database
    : await openStore(options.database ?? DEFAULT_DATABASE_URL, {
        ...(options.migrate !== undefined && { migrate: options.migrate }),
        ...(options.clock && { now: options.clock }),
        ...(options.listenUrl !== undefined && { listenUrl: options.listenUrl }),
        onNotice: (message) => logger.warn(message),
      });
  const clock = options.clock ?? Date.now;
  // Retention is built in; it needs this Jobdeck's store, so it is registered once that is open.
  if (!registry.has(PRUNE_HISTORY_TASK_ID)) registry.register(pruneHistoryTask(store, clock));
  const audit = new AuditService(store, clock);
  const jobs = new JobService(store, registry, queues, clock, audit);
  const runs = new RunService(store, jobs, registry, queues, audit);
  const metrics = new JobdeckMetrics(store);
  const sessions = new SessionService(store, audit, clock, options.sessions);
  const tokens = new TokenService(store, audit, clock, sessions);
  const outbound = OutboundPolicy.from(options.outbound);
  const users = new UserService(store, audit, sessions, clock);
  const jobDefinitions = new JobDefinitions(jobs, registry);
  const deck: Jobdeck = {
    store,
    tasks: new TaskService(registry),
    queues,
    jobs,
    runs,
    operations: new OperationsService(store, new RunService(store, jobs, registry, queues), audit, queues, clock),
    tokens,
    sessions,
    users,
    oidc: oidcConfig && new OidcService(oidcConfig, store, users, clock),
    audit,
    queueAdmin: new QueueService(store, queues, audit, clock),
    logger,
    metrics,
    createWorker(workerOptions = options.worker) {
      const names = workerOptions?.queues ?? queues.names();
      for (const name of names) queues.check(name, 'queues');
      checkIsolatedTasks(registry, workerOptions?.tasksModule ?? process.env.JOBDECK_TASKS_MODULE);
      const logs = {
        ...workerOptions?.logs,
        onStored: (n: number) => metrics.logLinesStored(n),
        onDropped: (n: number) => metrics.logLinesDropped(n),
      };
      const worker = new Worker(store, registry, { outbound, ...workerOptions, queues: names, logger, logs });
      metrics.trackWorker(worker);
      return worker;
    },
    createMaintenance(maintenanceOptions = {}) {
      return new Maintenance(store, { ...maintenanceOptions, logger });
    },
    createScheduler(schedulerOptions = options.scheduler) {
      const scheduler = new Scheduler(store, registry, { now: clock, ...schedulerOptions, logger });
      metrics.trackScheduler(scheduler);
      return scheduler;
    },
    schedules: new ScheduleService(store),
    calendar: new CalendarService(store, jobs, clock),
    compareRuns: new RunCompareService(store, runs),
    notifications: new NotificationReader(store, runs, jobs),
    createNotifier(notifierOptions = options.notifications) {
      return new NotificationService(store, {
        now: clock,
        outbound,
        ...notifierOptions,
        logger,
        onAttempt: (channel, outcome) => metrics.notificationDelivered(channel, outcome),
      });
    },
    ensurePruneJob: () => ensurePruneJob(store, jobs),
    enqueue: createEnqueue({ store, registry, jobs, runs }),
    jobDefinitions,
    start: (startOptions) => services.start(startOptions),
    stop: () => services.stop(),
    close: async () => {
      await services.stop();
      await store.close();
    },
  };
  const services = new DeckServices({
    logger,
    createWorker: (workerOptions) => deck.createWorker({ ...options.worker, ...workerOptions }),
    createScheduler: (schedulerOptions) => deck.createScheduler({ ...options.scheduler, ...schedulerOptions }),
    createMaintenance: (maintenanceOptions) =>
      deck.createMaintenance({ ...options.maintenance, ...maintenanceOptions }),
    createNotifier: (notifierOptions) => deck.createNotifier({ ...options.notifications, ...notifierOptions }),
    declareJobs: () => jobDefinitions.declare(options.jobs ?? []),
    ensurePruneJob: () => deck.ensurePruneJob(),
  });
  return deck;
}
