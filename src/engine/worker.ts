import { OutboundPolicy } from './outbound-policy.js';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Run } from '../domain/model.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { StoreEvent } from '../storage/notifier.js';
import type { RunOutcome, Store } from '../storage/store.js';
import { executeClaimedRun, type ClaimedRunDeps } from './claimed-run.js';
import { JobCache } from './job-cache.js';
import { LogSink, type LogSinkOptions } from './log-sink.js';
import { ProgressThrottle } from './progress-throttle.js';
import { RunAbort, RunAbortedError } from './run-abort.js';
import { RunCompleter, workerOutcome } from './run-completer.js';
import { PrefetchSize } from './prefetch-size.js';
import { DelayedWake } from './delayed-wake.js';
import { silentLogger } from './silent-logger.js';
import { subRunsFactory } from './sub-runs.js';
import { WorkerPresence } from './worker-presence.js';

export interface WorkerOptions {
  queues: string[];
  concurrency?: number;
  /**
   * Runs claimed ahead into a local buffer, so claims are batched. By default the buffer follows
   * the pace at which runs start (prefetch-size.ts): about 50 ms of runs, between the concurrency
   * and fifty per slot (20..500). A number fixes its size. A buffered run not started within
   * `prefetchTtlMs` (default 1 s) goes back to the queue.
   */
  prefetch?: number;
  prefetchTtlMs?: number;
  /**
   * Fallback poll for new runs when no notification arrives (default 30 s): the store announces
   * new runs (LISTEN/NOTIFY, or the SQLite file's changes), and a run delayed into the future is
   * waited for with a timer (see #lookAhead), so the poll only covers announcements lost.
   */
  pollIntervalMs?: number;
  /** How often running runs renew their lease (default 5000 ms). */
  heartbeatMs?: number;
  /** How often the process renews its row in `workers`, on the lease timer (default 10 s). */
  presenceIntervalMs?: number;
  /** Fallback check for stops asked elsewhere (default 500 ms). */
  cancelCheckMs?: number;
  /** On stop(), how long running runs may take to finish before they are aborted (default 30 s). */
  shutdownGraceMs?: number;
  /** After an abort, how long to wait for a task to return before recording it anyway (5 s). */
  abortGraceMs?: number;
  workerId?: string;
  /** The module isolated tasks' child processes load custom tasks from (default $JOBDECK_TASKS_MODULE). */
  tasksModule?: string;
  logger?: Logger;
  /** Run logs: the per-run cap (`maxLinesPerRun`, `maxBytesPerRun`) and batching. */
  logs?: Omit<LogSinkOptions, 'onError'>;
  /** What tasks' HTTP calls may reach (default: public addresses plus JOBDECK_OUTBOUND_ALLOW). */
  outbound?: OutboundPolicy;
}

interface InFlight {
  run: Run;
  controller: RunAbort;
  done: Promise<void>;
  /** The task returned (or was abandoned): the slot is free while the final state is written. */
  slotFreed: boolean;
}

/** A flight's `done` until its execution has begun. */
const STARTED = Promise.resolve();

export interface WorkerEvents {
  'run:started': [Run];
  /** The final state as recorded, and the run if its task started (not for one stopped in the buffer). */
  'run:finished': [outcome: RunOutcome, started?: Run];
  error: [unknown];
}

/**
 * Claims QUEUED runs of its queues and executes them, at most `concurrency` at once. Wakes on
 * store notifications, with a slow poll as a fallback; keeps leases alive; aborts runs whose stop
 * was asked from any process.
 */
export class Worker extends EventEmitter<WorkerEvents> {
  readonly id: string;
  readonly #store: Store;
  readonly #opts: Required<
    Omit<WorkerOptions, 'workerId' | 'logger' | 'logs' | 'tasksModule' | 'prefetch' | 'outbound' | 'presenceIntervalMs'>
  >;
  readonly #log: Logger;
  readonly #inFlight = new Map<number, InFlight>();
  /** Runs whose task is executing (the rest of #inFlight are having their final state written). */
  #executing = 0;
  /** After giving back stale buffered runs, claim only for free slots until then. */
  #prefetchPausedUntil = 0;
  readonly #prefetchSize: PrefetchSize;
  /** Claimed runs waiting for a free slot, in claim order. */
  readonly #buffer = new Map<number, { run: Run; claimedAt: number }>();
  readonly #logs: LogSink;
  readonly #progress: ProgressThrottle;
  readonly #completer: RunCompleter;
  readonly #deps: ClaimedRunDeps;
  readonly #presence: WorkerPresence;
  #timers: NodeJS.Timeout[] = [];
  /** Lease renewal, stop checks and stale-buffer release: armed only while runs are held. */
  #busyTimers: NodeJS.Timeout[] | undefined;
  /** The next claim that finds nothing asks when a delayed run becomes available. */
  #lookAhead = true;
  readonly #delayed: DelayedWake;
  #unsubscribe: (() => void) | undefined;
  #running = false;
  #claiming = false;
  #claimRound: Promise<void> = Promise.resolve();
  #claimAgain = false;
  /**
   * A claim failed: the database may have applied it while the answer was lost (a connection
   * dropped mid-statement). Such runs would sit RUNNING until their lease expires, so the next
   * claim round first gives back whatever the database says we hold but we never received.
   */
  #claimUncertain = false;
  #stopping: Promise<void> | undefined;

  constructor(store: Store, tasks: TaskRegistry, options: WorkerOptions) {
    super();
    this.#store = store;
    this.#opts = {
      queues: options.queues,
      concurrency: options.concurrency ?? 10,
      prefetchTtlMs: options.prefetchTtlMs ?? 1000,
      pollIntervalMs: options.pollIntervalMs ?? 30_000,
      heartbeatMs: options.heartbeatMs ?? 5000,
      cancelCheckMs: options.cancelCheckMs ?? 500,
      shutdownGraceMs: options.shutdownGraceMs ?? 30_000,
      abortGraceMs: options.abortGraceMs ?? 5000,
    };
    this.#delayed = new DelayedWake(this.#opts.pollIntervalMs, () => this.#wake());
    this.#prefetchSize = new PrefetchSize(this.#opts.concurrency, options.prefetch);
    this.id = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#log = (options.logger ?? silentLogger).child({ worker: this.id });
    const onError = (error: unknown) => this.#report(error);
    this.#logs = new LogSink(store, { ...options.logs, onError }, this.id);
    this.#progress = new ProgressThrottle(store, { onError });
    this.#completer = new RunCompleter(store, onError);
    const { queues, concurrency } = this.#opts;
    const presence = { id: this.id, queues, concurrency, intervalMs: options.presenceIntervalMs };
    this.#presence = new WorkerPresence(store, presence, onError);
    this.#deps = {
      store,
      tasks,
      jobs: new JobCache(store),
      workerId: this.id,
      abortGraceMs: this.#opts.abortGraceMs,
      tasksModule: options.tasksModule ?? process.env.JOBDECK_TASKS_MODULE,
      logs: this.#logs,
      reportProgress: (id, progress) => this.#progress.report(id, progress),
      outbound: options.outbound ?? OutboundPolicy.from(),
      subRuns: subRunsFactory(store, tasks),
    };
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
    this.#unsubscribe = this.#store.subscribe((event) => this.#onEvent(event));
    await this.#store.listening();
    await this.#presence.register();
    this.#lookAhead = true;
    this.#timers = [
      setInterval(() => this.#wake(), this.#opts.pollIntervalMs),
      // The worker's row in `workers` is renewed idle or busy (the lease timer only runs while
      // runs are held): one upsert per interval.
      setInterval(
        () => void this.#presence.tick(this.#executing, this.#presence.intervalMs),
        this.#presence.intervalMs,
      ),
    ];
    this.#log.info({ queues: this.#opts.queues, concurrency: this.#opts.concurrency }, 'worker started');
    this.#claim();
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
    await this.#claimRound;
    await this.#release([...this.#buffer.keys()]);
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
      if (this.#opts.queues.includes(event.queue)) this.#wake();
    } else if (event.type === 'cancel') {
      if (this.#inFlight.has(event.runId) || this.#buffer.has(event.runId)) this.#abortStopped([event.runId]);
    } else if (event.type === 'external') {
      this.#wake();
      void this.#checkStops();
    }
  }

  /** A claim that, if it finds nothing, also looks for the next delayed run. */
  #wake(): void {
    this.#lookAhead = true;
    this.#claim();
  }

  /** The timers that only matter while runs are held; off when idle, so an idle worker sleeps. */
  #arm(): void {
    this.#busyTimers ??= [
      setInterval(() => void this.#heartbeat(), this.#opts.heartbeatMs),
      setInterval(() => void this.#checkStops(), this.#opts.cancelCheckMs),
      setInterval(() => void this.#releaseStale(), Math.max(50, this.#opts.prefetchTtlMs / 4)),
    ];
  }

  #disarm(always = false): void {
    if (always) this.#delayed.clear();
    if (!this.#busyTimers || (!always && this.#inFlight.size + this.#buffer.size > 0)) return;
    for (const timer of this.#busyTimers) clearInterval(timer);
    this.#busyTimers = undefined;
  }

  /** Claims while there are free slots; concurrent calls coalesce into one more round. */
  #claim(): void {
    if (!this.#running) return;
    if (this.#claiming) {
      this.#claimAgain = true;
      return;
    }
    this.#claiming = true;
    this.#claimRound = this.#claimRounds().finally(() => {
      this.#claiming = false;
    });
  }

  async #claimRounds(): Promise<void> {
    do {
      this.#claimAgain = false;
      const { concurrency } = this.#opts;
      const prefetch = Date.now() < this.#prefetchPausedUntil ? 0 : this.#prefetchSize.now();
      const want = concurrency + prefetch - this.#executing - this.#buffer.size;
      const starved = this.#executing + this.#buffer.size < concurrency;
      // Claim in batches: wait until half the buffer is used unless slots would sit idle.
      if (!this.#running || want <= 0 || (!starved && want < Math.ceil(prefetch / 2))) return;
      let runs: Run[];
      const lookAhead = this.#lookAhead;
      this.#lookAhead = false;
      try {
        if (this.#claimUncertain) await this.#releaseUnseen();
        runs = await this.#store.runClaim({ queues: this.#opts.queues, limit: want, workerId: this.id });
        if (runs.length === 0 && lookAhead) {
          const next = await this.#store.runsNextAvailable(this.#opts.queues);
          if (next && this.#running) this.#delayed.at(next.getTime());
        }
      } catch (error) {
        this.#claimUncertain = true;
        this.#report(error);
        return;
      }
      const now = Date.now();
      for (const run of runs) this.#buffer.set(run.id, { run, claimedAt: now });
      if (runs.length) this.#arm();
      this.#pump();
      if (runs.length === want) this.#claimAgain = true;
    } while (this.#claimAgain);
  }

  /** Gives back runs claimed for this worker whose claim answer never arrived (see #claimUncertain). */
  async #releaseUnseen(): Promise<void> {
    const unseen = (await this.#store.runsHeldBy(this.id)).filter(
      (id) => !this.#inFlight.has(id) && !this.#buffer.has(id),
    );
    if (unseen.length) {
      this.#log.warn({ runs: unseen }, 'giving back runs whose claim was lost with the database connection');
      await this.#store.runsRelease(unseen, this.id);
    }
    this.#claimUncertain = false;
  }

  /** Starts buffered runs while slots are free. */
  #pump(): void {
    for (const [id, { run }] of this.#buffer) {
      // Final states are written in batches behind the tasks, but never more than a buffer's
      // worth behind (a crash re-runs at most that many finished runs).
      const writing = this.#inFlight.size - this.#executing;
      const behind = Math.max(4 * this.#opts.concurrency, this.#prefetchSize.max);
      if (!this.#running || this.#executing >= this.#opts.concurrency || writing > behind) return;
      this.#buffer.delete(id);
      this.#begin(run);
    }
  }

  /** Buffered runs that waited too long go back to the queue, where an idle worker may take them. */
  async #releaseStale(): Promise<void> {
    const now = Date.now();
    const stale = [...this.#buffer].filter(([, b]) => b.claimedAt < now - this.#opts.prefetchTtlMs);
    if (stale.length === 0) return;
    // Slots are busy with long runs: stop hoarding, or we would claim back what we give away.
    this.#prefetchPausedUntil = now + 2 * this.#opts.prefetchTtlMs;
    await this.#release(stale.map(([id]) => id));
  }

  async #release(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const id of ids) this.#buffer.delete(id);
    this.#disarm();
    try {
      await this.#store.runsRelease(ids, this.id);
    } catch (error) {
      // They stay RUNNING under this worker until their lease expires and they are rescued.
      this.#report(error);
    }
  }

  #begin(run: Run): void {
    this.#prefetchSize.runStarted();
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
    this.#claim();
  }

  #ended(flight: InFlight): void {
    if (this.#inFlight.get(flight.run.id) === flight) this.#inFlight.delete(flight.run.id);
    this.#freeSlot(flight);
    this.#disarm();
    // A write backlog that shrinks may let buffered runs start.
    this.#pump();
    this.#claim();
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
    // (Most runs neither log nor report progress: then there is nothing to await.)
    const closing = this.#logs.close(run.id);
    if (closing) await closing;
    const forgetting = this.#progress.forget(run.id);
    if (forgetting) await forgetting;
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
      await this.#store.runsHeartbeat([...this.#inFlight.keys(), ...this.#buffer.keys()], this.id);
    } catch (error) {
      this.#report(error);
    }
    await this.#presence.tick(this.#executing, this.#opts.heartbeatMs);
  }

  async #checkStops(): Promise<void> {
    if (this.#inFlight.size + this.#buffer.size === 0) return;
    try {
      this.#abortStopped(await this.#store.runsCancelling([...this.#inFlight.keys(), ...this.#buffer.keys()]));
    } catch (error) {
      this.#report(error);
    }
  }

  #abortStopped(ids: number[]): void {
    for (const id of ids) {
      const buffered = this.#buffer.get(id);
      if (buffered) {
        // Stopped before its task started: nothing to abort.
        this.#buffer.delete(id);
        this.#disarm();
        void this.#complete(workerOutcome(buffered.run, this.id, 'CANCELLED', 'Stopped before it started.'));
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

function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
