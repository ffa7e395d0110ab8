import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Run } from '../domain/model.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { StoreEvent } from '../storage/notifier.js';
import type { RunOutcome, Store } from '../storage/store.js';
import { executeClaimedRun, type ClaimedRunDeps } from './claimed-run.js';
import { LogSink } from './log-sink.js';
import { ProgressThrottle } from './progress-throttle.js';
import { RunAbort, RunAbortedError } from './run-abort.js';
import { RunCompleter, workerOutcome } from './run-completer.js';
import { ClaimBuffer } from './claim-buffer.js';
import { silentLogger } from './silent-logger.js';
import { WorkerPresence } from './worker-presence.js';
import { claimedRunDeps, workerSettings } from './worker-options.js';
import type { WorkerEvents, WorkerOptions, WorkerSettings } from './worker-options.js';
import { withTimeout } from './with-timeout.js';

interface InFlight {
  run: Run;
  controller: RunAbort;
  done: Promise<void>;
  /** The task returned (or was abandoned): the slot is free while the final state is written. */
  slotFreed: boolean;
}

/** A flight's `done` until its execution has begun. */
const STARTED = Promise.resolve();

/**
 * Claims QUEUED runs of its queues and executes them, at most `concurrency` at once. Wakes on
 * store notifications, with a slow poll as a fallback; keeps leases alive; aborts runs whose stop
 * was asked from any process.
 */
export class Worker extends EventEmitter<WorkerEvents> {
  readonly id: string;
  readonly #store: Store;
  readonly #opts: WorkerSettings;
  readonly #log: Logger;
  readonly #inFlight = new Map<number, InFlight>();
  /** Runs whose task is executing (the rest of #inFlight are having their final state written). */
  #executing = 0;
  /** Claimed runs waiting for a free slot. */
  readonly #buffer: ClaimBuffer;
  readonly #logs: LogSink;
  readonly #progress: ProgressThrottle;
  readonly #completer: RunCompleter;
  readonly #deps: ClaimedRunDeps;
  readonly #presence: WorkerPresence;
  #timers: NodeJS.Timeout[] = [];
  /** Lease renewal, stop checks and stale-buffer release: armed only while runs are held. */
  #busyTimers: NodeJS.Timeout[] | undefined;
  #unsubscribe: (() => void) | undefined;
  #running = false;
  #stopping: Promise<void> | undefined;

  constructor(store: Store, tasks: TaskRegistry, options: WorkerOptions) {
    super();
    this.#store = store;
    this.#opts = workerSettings(options);
    this.id = this.#opts.id;
    this.#log = (options.logger ?? silentLogger).child({ worker: this.id });
    const onError = (error: unknown) => this.#report(error);
    const { queues, concurrency, pollIntervalMs } = this.#opts;
    this.#buffer = new ClaimBuffer(
      store,
      { queues, concurrency, pollIntervalMs, workerId: this.id, logger: this.#log, ...this.#opts.prefetch },
      {
        executing: () => this.#executing,
        holds: (id) => this.#inFlight.has(id),
        claimed: (count) => {
          if (count) this.#arm();
          this.#pump();
        },
        released: () => this.#disarm(),
        report: onError,
      },
    );
    this.#logs = new LogSink(store, { ...options.logs, onError }, this.id);
    this.#progress = new ProgressThrottle(store, { onError });
    this.#completer = new RunCompleter(store, onError);
    const presence = { id: this.id, queues, concurrency, intervalMs: options.presenceIntervalMs };
    this.#presence = new WorkerPresence(store, presence, onError);
    this.#deps = claimedRunDeps(store, tasks, options, this.#opts, this.#logs, this.#progress);
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Slots executing a task and slots free (for metrics). */
  get slots(): { busy: number; free: number } {
    return { busy: this.#executing, free: Math.max(0, this.#opts.concurrency - this.#executing) };
  }

  /** Starts claiming. Calling it again while running does nothing. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#stopping = undefined;
    this.#running = true;
    this.#buffer.start();
    this.#unsubscribe = this.#store.subscribe((event) => this.#onEvent(event));
    await this.#store.listening();
    await this.#presence.register();
    this.#timers = [
      setInterval(() => this.#buffer.wake(), this.#opts.pollIntervalMs),
      // The worker's row in `workers` is renewed idle or busy (the lease timer only runs while
      // runs are held): one upsert per interval.
      setInterval(
        () => void this.#presence.tick(this.#executing, this.#presence.intervalMs),
        this.#presence.intervalMs,
      ),
    ];
    this.#log.info({ queues: this.#opts.queues, concurrency: this.#opts.concurrency }, 'worker started');
    this.#buffer.wake();
  }

  /**
   * Stops claiming, lets running runs finish within the grace period, then aborts the rest and
   * records their final state, so no run is left RUNNING. Idempotent.
   */
  stop(): Promise<void> {
    this.#stopping ??= this.#shutdown();
    return this.#stopping;
  }

  async #shutdown(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    // A claim in flight may still add runs to the buffer: let it land, then give them all back.
    await this.#buffer.stop();
    const waitAll = () => Promise.all([...this.#inFlight.values()].map((f) => f.done));
    if (this.#inFlight.size) {
      this.#log.info({ running: this.#inFlight.size }, 'worker stopping: waiting for running runs');
      await withTimeout(waitAll(), this.#opts.shutdownGraceMs);
    }
    if (this.#inFlight.size) {
      const message = `Interrupted: the worker shut down and the run did not finish within the ${this.#opts.shutdownGraceMs / 1000} s grace period.`;
      for (const flight of this.#inFlight.values()) {
        flight.controller.abort(new RunAbortedError('shutdown', message));
      }
      await withTimeout(waitAll(), this.#opts.abortGraceMs);
      // Tasks that ignore their signal are recorded as interrupted; their late end is ignored.
      await Promise.all(
        [...this.#inFlight.values()].map(async ({ run }) => {
          this.#inFlight.delete(run.id);
          await this.#logs.close(run.id);
          await this.#complete(workerOutcome(run, this.id, 'FAILED', message), run);
        }),
      );
    }
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    this.#disarm(true);
    this.#unsubscribe?.();
    await this.#logs.flush();
    await this.#presence.end();
    this.#log.info('worker stopped');
  }

  #onEvent(event: StoreEvent): void {
    if (event.type === 'queued') {
      if (this.#opts.queues.includes(event.queue)) this.#buffer.wake();
    } else if (event.type === 'cancel') {
      if (this.#inFlight.has(event.runId) || this.#buffer.has(event.runId)) this.#abortStopped([event.runId]);
    } else if (event.type === 'external') {
      this.#buffer.wake();
      void this.#checkStops();
    }
  }

  /** The timers that only matter while runs are held; off when idle, so an idle worker sleeps. */
  #arm(): void {
    this.#busyTimers ??= [
      setInterval(() => void this.#heartbeat(), this.#opts.heartbeatMs),
      setInterval(() => void this.#checkStops(), this.#opts.stopCheckMs),
      setInterval(() => void this.#buffer.releaseStale(), this.#buffer.staleCheckMs),
    ];
  }

  #disarm(always = false): void {
    if (!this.#busyTimers || (!always && this.#inFlight.size + this.#buffer.size > 0)) return;
    for (const timer of this.#busyTimers) clearInterval(timer);
    this.#busyTimers = undefined;
  }

  /** Starts buffered runs while slots are free. */
  #pump(): void {
    // Final states are written in batches behind the tasks, but never more than a buffer's worth
    // behind (a crash re-runs at most that many finished runs).
    const behind = Math.max(4 * this.#opts.concurrency, this.#buffer.max);
    while (this.#buffer.size > 0) {
      const writing = this.#inFlight.size - this.#executing;
      if (!this.#running || this.#executing >= this.#opts.concurrency || writing > behind) return;
      const run = this.#buffer.take();
      if (run) this.#begin(run);
    }
  }

  #begin(run: Run): void {
    // Methods and a flag on the flight rather than closures: this runs for every run.
    const flight: InFlight = { run, controller: new RunAbort(), done: STARTED, slotFreed: false };
    this.#inFlight.set(run.id, flight);
    this.#executing += 1;
    flight.done = this.#execute(flight).then(
      () => this.#ended(flight),
      (error: unknown) => {
        this.#ended(flight);
        throw error;
      },
    );
  }

  #freeSlot(flight: InFlight): void {
    if (flight.slotFreed) return;
    flight.slotFreed = true;
    this.#executing -= 1;
    this.#pump();
    this.#buffer.claim();
  }

  #ended(flight: InFlight): void {
    if (this.#inFlight.get(flight.run.id) === flight) this.#inFlight.delete(flight.run.id);
    this.#freeSlot(flight);
    this.#disarm();
    // A write backlog that shrinks may let buffered runs start.
    this.#pump();
    this.#buffer.claim();
  }

  async #execute(flight: InFlight): Promise<void> {
    const { run } = flight;
    this.emit('run:started', run);
    const outcome = await executeClaimedRun(run, flight.controller, this.#deps);
    // The stack is not in the message everyone reads; the service log keeps it (and admins see it).
    if (outcome.errorStack)
      this.#log.warn({ run: run.id, message: outcome.message, stack: outcome.errorStack }, 'run failed');
    // The task is done: its slot can take the next run while the final state is written.
    this.#freeSlot(flight);
    // Lines must be stored before the final state, so a finished run never shows partial logs.
    await this.#logs.close(run.id);
    await this.#progress.forget(run.id);
    if (this.#inFlight.has(run.id)) await this.#complete(outcome, run);
  }

  async #complete(outcome: RunOutcome, started?: Run): Promise<void> {
    try {
      const recorded = await this.#completer.complete(outcome);
      if (recorded) this.emit('run:finished', recorded, started);
      else this.#log.warn({ run: outcome.id }, 'final state not recorded: the run is no longer held by this worker');
    } catch (error) {
      this.#report(error);
    }
  }

  async #heartbeat(): Promise<void> {
    try {
      await this.#store.runsHeartbeat([...this.#inFlight.keys(), ...this.#buffer.ids()], this.id);
    } catch (error) {
      this.#report(error);
    }
    await this.#presence.tick(this.#executing, this.#opts.heartbeatMs);
  }

  async #checkStops(): Promise<void> {
    if (this.#inFlight.size + this.#buffer.size === 0) return;
    try {
      this.#abortStopped(await this.#store.runsCancelling([...this.#inFlight.keys(), ...this.#buffer.ids()]));
    } catch (error) {
      this.#report(error);
    }
  }

  #abortStopped(ids: number[]): void {
    for (const id of ids) {
      const buffered = this.#buffer.remove(id);
      if (buffered) {
        // Stopped before its task started: nothing to abort.
        this.#disarm();
        void this.#complete(workerOutcome(buffered, this.id, 'CANCELLED', 'Stopped before it started.'));
        continue;
      }
      const flight = this.#inFlight.get(id);
      if (flight && !flight.controller.aborted) {
        this.#log.info({ run: id }, 'stop requested: aborting run');
        flight.controller.abort(new RunAbortedError('stop', 'Stopped on request.'));
      }
    }
  }

  #report(error: unknown): void {
    this.#log.error({ err: error }, 'worker error');
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}
