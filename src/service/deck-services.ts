import type { Logger } from 'pino';
import type { Service } from '../engine/service.js';
import type { MaintenanceOptions } from '../engine/maintenance.js';
import type { SchedulerOptions } from '../engine/scheduler.js';
import type { WorkerOptions } from '../engine/worker-options.js';
import type { Job } from '../domain/model.js';
import type { NotificationServiceOptions } from '../notifications/notification-service.js';

/** A part `deck.start()` runs: on (default), off, or on with these options. */
type Part<T> = boolean | T;

/** What `deck.start()` brings up in this process; everything by default. */
export interface StartOptions {
  /** Runs queued runs (default: all configured queues). */
  worker?: Part<Omit<WorkerOptions, 'queues' | 'logger'> & { queues?: string[] }>;
  /** Fires scheduled jobs; any number of processes may run one. */
  scheduler?: Part<Omit<SchedulerOptions, 'logger'>>;
  /** Rescues runs of dead workers (crash, kill -9): on by default, in every process that starts. */
  maintenance?: Part<Omit<MaintenanceOptions, 'logger'>>;
  /** Delivers notifications (e-mail, webhooks); exactly once across processes. */
  notifier?: Part<NotificationServiceOptions>;
  /** Upsert the jobs declared in `createJobdeck({ jobs })` by key (default true). */
  declareJobs?: boolean;
  /** With a scheduler, create the daily "Prune history" job once per database (default true). */
  pruneJob?: boolean;
}

/** How the parts are made; given by createJobdeck. */
export interface ServiceFactory {
  logger: Logger;
  createWorker(options?: Exclude<StartOptions['worker'], boolean>): Service;
  createScheduler(options?: Exclude<StartOptions['scheduler'], boolean>): Service;
  createMaintenance(options?: Exclude<StartOptions['maintenance'], boolean>): Service;
  createNotifier(options?: NotificationServiceOptions): Service;
  declareJobs(): Promise<Job[]>;
  ensurePruneJob(): Promise<Job | undefined>;
}

function optionsOf<T extends object>(part: Part<T> | undefined): T | undefined {
  return typeof part === 'object' ? part : undefined;
}

/**
 * The services of one process, started together and stopped in reverse order: the worker last
 * to start and first to stop, so its running runs end (within its grace period) while the rest
 * still works. start() and stop() may be called any number of times.
 */
export class DeckServices {
  #running: Service[] = [];
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;

  constructor(private readonly factory: ServiceFactory) {}

  start(options: StartOptions = {}): Promise<void> {
    this.#starting ??= this.#start(options).catch(async (error: unknown) => {
      this.factory.logger.error({ err: error }, 'Jobdeck could not start');
      this.#starting = undefined;
      await this.#stopRunning();
      throw error;
    });
    return this.#starting;
  }

  async #start(options: StartOptions): Promise<void> {
    await this.#stopping;
    const f = this.factory;
    const parts: Service[] = [];
    const on = (part: Part<object> | undefined) => part !== false;
    // Built first so that a configuration error (e.g. an isolated task with no module) stops
    // everything before anything runs.
    if (on(options.maintenance)) parts.push(f.createMaintenance(optionsOf(options.maintenance)));
    if (on(options.scheduler)) parts.push(f.createScheduler(optionsOf(options.scheduler)));
    if (on(options.notifier)) parts.push(f.createNotifier(optionsOf(options.notifier)));
    if (on(options.worker)) parts.push(f.createWorker(optionsOf(options.worker)));
    if (options.declareJobs !== false) {
      const jobs = await f.declareJobs();
      if (jobs.length) f.logger.info({ jobs: jobs.map((job) => job.key) }, 'jobs declared in code are up to date');
    }
    if (on(options.scheduler) && options.pruneJob !== false) {
      const pruneJob = await f.ensurePruneJob();
      if (pruneJob) f.logger.info({ job: pruneJob.id }, 'created the daily "Prune history" job');
    }
    for (const part of parts) {
      this.#running.push(part);
      await part.start();
    }
  }

  /** Stops what start() started: idempotent; the worker lets running runs end within its grace. */
  async stop(): Promise<void> {
    const starting = this.#starting;
    this.#starting = undefined;
    // A start in progress finishes first, so nothing it starts is left running.
    await starting?.catch(() => undefined);
    await this.#stopRunning();
  }

  #stopRunning(): Promise<void> {
    const running = this.#running.reverse();
    this.#running = [];
    const previous = this.#stopping ?? Promise.resolve();
    this.#stopping = previous.then(async () => {
      for (const part of running) {
        try {
          await part.stop();
        } catch (error) {
          this.factory.logger.error({ err: error }, 'a Jobdeck service did not stop cleanly');
        }
      }
    });
    return this.#stopping;
  }
}
