import { createRequire } from 'node:module';
import type * as PromClient from 'prom-client';
import type { Counter, Histogram, Registry } from 'prom-client';
import type { Run } from '../domain/model.js';
import { ACTIVE_STATUSES, isFinalStatus } from '../domain/run-status.js';
import type { Worker } from '../engine/worker.js';
import type { Scheduler } from '../engine/scheduler.js';
import type { Store } from '../storage/store.js';
import { RunDurationHistogram, type DurationSeries } from './run-duration-histogram.js';

/** What a notification delivery attempt came to. */
export type DeliveryOutcome = 'sent' | 'failed' | 'retrying' | (string & {});

const loadPromClient = () => createRequire(import.meta.url)('prom-client') as typeof PromClient;

/** The prom-client objects, made when first needed (see #prom). */
interface PromMetrics {
  registry: Registry;
  lateness: Histogram;
  logLines: Counter<'outcome'>;
  deliveries: Counter<'channel' | 'outcome'>;
}

/**
 * Prometheus metrics of one Jobdeck, in a registry of its own (never prom-client's global one,
 * so several Jobdecks, or a host program's own metrics, never collide). Counters and histograms
 * count what this process did; queue depth is read from the database on each scrape, so every
 * process reports the same, whole-system figure.
 *
 * prom-client is loaded at the first scrape, the first use of `registry` or the first count that
 * needs it (a log line, a delivery, a scheduled run's lateness), not at start: an idle process
 * keeps ~1.5 MiB less heap (docs/performance.md, "Idle memory, wave 2 session 4"). It is
 * CommonJS, so it loads synchronously and nothing has to be held back until it is there.
 */
export class JobdeckMetrics {
  /** Finished runs not yet added to jobdeck_runs_finished_total, by job, task, queue and status (see runFinished). */
  readonly #finishedPending = new Map<string, FinishedPending>();
  /** The entry of the last run counted: a worker draining one job's runs needs no key at all. */
  #lastPending: FinishedPending | undefined;
  readonly #runDuration = new RunDurationHistogram(
    'jobdeck_run_duration_seconds',
    'Time from the start of a run to its final state',
    [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600],
  );
  readonly #workers = new Set<Worker>();
  readonly #store: Store;
  #loaded: PromMetrics | undefined;
  #processMetrics = false;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The registry of these metrics (prom-client's `Registry`), e.g. to merge with a host's own. */
  get registry(): Registry {
    return this.#prom().registry;
  }

  #prom(): PromMetrics {
    this.#loaded ??= this.#register(loadPromClient());
    return this.#loaded;
  }

  #register({ Counter, Gauge, Histogram, Registry }: typeof PromClient): PromMetrics {
    const registry = new Registry();
    const registers = [registry];
    const finishedPending = this.#finishedPending;
    new Counter({
      name: 'jobdeck_runs_finished_total',
      help: 'Runs that reached a final state in this process, by job id, task, queue and status',
      labelNames: ['job', 'task', 'queue', 'status'],
      registers,
      collect() {
        for (const pending of finishedPending.values()) {
          if (pending.n > 0) this.inc(pending.labels, pending.n);
          pending.n = 0;
        }
      },
    });
    registry.registerMetric(this.#runDuration as never);
    const store = this.#store;
    new Gauge({
      name: 'jobdeck_queue_runs',
      help: `Runs waiting or in progress, by queue and status (${ACTIVE_STATUSES.join(', ')}), read from the database`,
      labelNames: ['queue', 'status'],
      registers,
      async collect() {
        this.reset();
        for (const row of await store.queueDepth()) this.set({ queue: row.queue, status: row.status }, row.count);
      },
    });
    const lateness = new Histogram({
      name: 'jobdeck_scheduler_lateness_seconds',
      help: 'How long after its scheduled time a scheduled run was created',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
      registers,
    });
    const workers = this.#workers;
    new Gauge({
      name: 'jobdeck_worker_slots',
      help: "Slots of this process's workers: busy executing a task, or free",
      labelNames: ['state'],
      registers,
      collect() {
        let busy = 0;
        let free = 0;
        for (const worker of workers) {
          busy += worker.slots.busy;
          free += worker.slots.free;
        }
        this.set({ state: 'busy' }, busy);
        this.set({ state: 'free' }, free);
      },
    });
    const logLines = new Counter({
      name: 'jobdeck_log_lines_total',
      help: 'Run log lines stored, or dropped by the per-run cap',
      labelNames: ['outcome'],
      registers,
    });
    const deliveries = new Counter({
      name: 'jobdeck_notification_deliveries_total',
      help: 'Notification delivery attempts by channel (email, webhook) and outcome',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    // Present from the first scrape, so dashboards and alerts see zeros rather than nothing.
    logLines.inc({ outcome: 'stored' }, 0);
    logLines.inc({ outcome: 'dropped' }, 0);
    return { registry, lateness, logLines, deliveries };
  }

  /**
   * Counts a run's final state (called by the workers this Jobdeck creates). Counted by a plain key
   * and handed to prom-client on a scrape: its own inc() and observe() validate and hash a label
   * object on every call, a measurable share of the CPU a worker spends on a short run.
   */
  runFinished(run: Pick<Run, 'jobId' | 'task' | 'queue'>, status: string, durationSeconds: number | null): void {
    const last = this.#lastPending;
    const labels = last?.labels;
    let pending: FinishedPending;
    if (
      labels?.job === run.jobId &&
      labels.task === run.task &&
      labels.queue === run.queue &&
      labels.status === status
    ) {
      pending = last!;
      pending.n += 1;
    } else pending = this.#pendingOf(run, status);
    if (durationSeconds !== null && durationSeconds >= 0) this.#runDuration.observe(pending.durations, durationSeconds);
  }

  #pendingOf(run: Pick<Run, 'jobId' | 'task' | 'queue'>, status: string): FinishedPending {
    const key = `${run.jobId}\u0000${run.task}\u0000${run.queue}\u0000${status}`;
    let pending = this.#finishedPending.get(key);
    if (!pending) {
      pending = {
        labels: { job: run.jobId, task: run.task, queue: run.queue, status },
        n: 0,
        durations: this.#runDuration.series(run.task, run.queue, status),
      };
      this.#finishedPending.set(key, pending);
    }
    pending.n += 1;
    this.#lastPending = pending;
    return pending;
  }

  logLinesStored(lines: number): void {
    this.#prom().logLines.inc({ outcome: 'stored' }, lines);
  }

  logLinesDropped(lines: number): void {
    this.#prom().logLines.inc({ outcome: 'dropped' }, lines);
  }

  schedulerLateness(seconds: number): void {
    this.#prom().lateness.observe(Math.max(0, seconds));
  }

  /** For the notification engine: one delivery attempt on a channel ended with this outcome. */
  notificationDelivered(channel: string, outcome: DeliveryOutcome): void {
    this.#prom().deliveries.inc({ channel, outcome });
  }

  /** Follows a worker's slots and finished runs. */
  trackWorker(worker: Worker): void {
    this.#workers.add(worker);
    worker.on('run:finished', (outcome, run) => {
      // An attempt given back for a retry (QUEUED) did not finish the run: only final states count.
      if (!isFinalStatus(outcome.status)) return;
      if (run) this.runFinished(run, outcome.status, (Date.now() - (run.startedAt ?? run.created).getTime()) / 1000);
      // A run stopped while still in the worker's buffer never started: counted, with no duration.
      else
        void this.#store.runGet(outcome.id).then(
          (r) => r && this.runFinished(r, outcome.status, null),
          () => undefined,
        );
    });
  }

  /** Observes the lateness of every run a scheduler fires. */
  trackScheduler(scheduler: Scheduler): void {
    scheduler.on('fired', (results) => {
      for (const result of results) {
        for (const run of result.runs) {
          if (run.scheduledFor) this.schedulerLateness((run.created.getTime() - run.scheduledFor.getTime()) / 1000);
        }
      }
    });
  }

  /** The exposition text; process metrics (CPU, memory, event loop) join on the first scrape. */
  async text(): Promise<string> {
    if (!this.#processMetrics) {
      this.#processMetrics = true;
      loadPromClient().collectDefaultMetrics({ register: this.registry });
    }
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

interface FinishedPending {
  labels: Record<'job' | 'task' | 'queue' | 'status', string>;
  n: number;
  durations: DurationSeries;
}
