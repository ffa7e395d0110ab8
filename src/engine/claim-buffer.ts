import type { Logger } from 'pino';
import type { Run } from '../domain/model.js';
import type { Store } from '../storage/store.js';
import { DelayedWake } from './delayed-wake.js';
import { PrefetchSize } from './prefetch-size.js';

export interface ClaimBufferOptions {
  queues: string[];
  concurrency: number;
  workerId: string;
  /** A fixed buffer size; adaptive when undefined. */
  prefetch: number | undefined;
  ttlMs: number;
  /** The longest wait for a delayed run before claiming anyway (the worker's poll interval). */
  pollIntervalMs: number;
  logger: Logger;
}

/** What the buffer needs from the worker's slots. */
export interface ClaimBufferHost {
  /** Slots executing a task now. */
  executing(): number;
  /** Whether a slot holds the run (executing it or writing its final state). */
  holds(runId: number): boolean;
  /** A claim round buffered `count` runs (maybe none): start what the free slots can take. */
  claimed(count: number): void;
  /** Buffered runs went back to the queue. */
  released(): void;
  report(error: unknown): void;
}

/**
 * A worker's claim buffer: runs claimed ahead of free slots, so that claims (one round trip and
 * one commit each) come in batches rather than one per run. The worker (worker.ts) owns the
 * slots; it takes runs from here in claim order while a slot is free.
 *
 * Modes:
 * - **Adaptive (default).** The buffer holds about 50 ms of runs at the pace they have been
 *   starting (PrefetchSize in prefetch-size.ts): up to a hundred per slot (20..1000) for short runs,
 *   down to the concurrency for long ones, so long runs are not hoarded away from other workers.
 * - **Fixed (`prefetch: n`).** The buffer holds up to `n` runs beyond the busy slots.
 * - **Batching.** A round claims `concurrency + prefetch - executing - buffered` runs, but waits
 *   until half the buffer is used unless a slot would sit idle; a full batch claims again at once.
 * - **TTL return (`prefetchTtlMs`, default 1 s).** A buffered run not started within the TTL goes
 *   back to the queue (`runsRelease`), where an idle worker may take it; the buffer then claims
 *   only for free slots for twice the TTL, or it would claim back what it gave away.
 * - **Stopped while buffered.** The worker removes the run (`remove`) and records it CANCELLED.
 * - **Lost claim.** A claim that failed may have been applied by the database; the next round
 *   first gives back whatever the database says the worker holds but never received.
 * - **On stop.** Claiming ends, a claim in flight is let land, and every buffered run goes back to
 *   the queue QUEUED (never started, so no attempt is spent).
 *
 * When a claim finds fewer runs than it wants it asks when the next delayed run becomes available
 * and wakes then (DelayedWake), so a delayed run needs no polling; until something wakes the
 * buffer, the end of a run no longer claims (the queues are known empty, see #empty).
 */
export class ClaimBuffer {
  readonly #store: Store;
  readonly #opts: ClaimBufferOptions;
  readonly #host: ClaimBufferHost;
  readonly #size: PrefetchSize;
  /** Claimed runs waiting for a free slot, in claim order. */
  readonly #runs = new Map<number, { run: Run; claimedAt: number }>();
  /** After giving back stale buffered runs, claim only for free slots until then. */
  #pausedUntil = 0;
  /**
   * Since the last wake, no claim has asked when the next delayed run becomes available: the next
   * claim that finds fewer runs than it wants asks (and arms DelayedWake).
   */
  #lookAhead = true;
  /**
   * The last claim found fewer due runs than it wanted, asked for the next delayed one, and
   * nothing woke the buffer since: a claim now would find nothing, so a run's end does not claim
   * (it did: two empty claims per run when runs come one at a time, and the enqueue that arrived
   * meanwhile waited for them). Every way a run becomes claimable wakes the buffer: a `queued` or
   * `external` event, DelayedWake, the poll tick (the fallback for anything missed).
   */
  #empty = false;
  /** Counts wakes, so a claim knows whether one arrived while it was in flight. */
  #wakes = 0;
  readonly #delayed: DelayedWake;
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

  constructor(store: Store, options: ClaimBufferOptions, host: ClaimBufferHost) {
    this.#store = store;
    this.#opts = options;
    this.#host = host;
    this.#size = new PrefetchSize(options.concurrency, options.prefetch);
    this.#delayed = new DelayedWake(options.pollIntervalMs, () => this.wake());
  }

  get size(): number {
    return this.#runs.size;
  }

  /** The largest buffer (also how far final-state writes may lag behind the tasks). */
  get max(): number {
    return this.#size.max;
  }

  /** How often the worker should call `releaseStale` while it holds runs. */
  get staleCheckMs(): number {
    return Math.max(50, this.#opts.ttlMs / 4);
  }

  has(runId: number): boolean {
    return this.#runs.has(runId);
  }

  ids(): IterableIterator<number> {
    return this.#runs.keys();
  }

  /** Takes the oldest buffered run to start it in a slot. */
  take(): Run | undefined {
    for (const [id, { run }] of this.#runs) {
      this.#runs.delete(id);
      this.#size.runStarted();
      return run;
    }
    return undefined;
  }

  /** Removes a buffered run that will not start (stopped before it started). */
  remove(runId: number): Run | undefined {
    const buffered = this.#runs.get(runId);
    this.#runs.delete(runId);
    return buffered?.run;
  }

  /** Allows claiming (the first claim comes with `wake`). */
  start(): void {
    this.#running = true;
    this.#lookAhead = true;
    this.#empty = false;
  }

  /** Ends claiming, lets a claim in flight land, then gives every buffered run back. */
  async stop(): Promise<void> {
    this.#running = false;
    await this.#claimRound;
    await this.#release([...this.#runs.keys()]);
    this.#delayed.clear();
  }

  /**
   * Something may have become claimable: claims (even if the last claim found the queues empty),
   * and a claim that finds fewer runs than it wants also looks for the next delayed run.
   */
  wake(): void {
    this.#wakes += 1;
    this.#empty = false;
    this.#lookAhead = true;
    this.claim();
  }

  /**
   * Claims while there are free slots, unless the queues are known empty (see #empty); concurrent
   * calls coalesce into one more round.
   */
  claim(): void {
    if (!this.#running || this.#empty) return;
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
      const { concurrency, queues, workerId } = this.#opts;
      const executing = this.#host.executing();
      const prefetch = Date.now() < this.#pausedUntil ? 0 : this.#size.now();
      const want = concurrency + prefetch - executing - this.#runs.size;
      const starved = executing + this.#runs.size < concurrency;
      // Claim in batches: wait until half the buffer is used unless slots would sit idle.
      if (this.#empty || !this.#running || want <= 0 || (!starved && want < Math.ceil(prefetch / 2))) return;
      const wakes = this.#wakes;
      const lookAhead = this.#lookAhead;
      let runs: Run[];
      let next: Date | undefined;
      try {
        if (this.#claimUncertain) await this.#releaseUnseen();
        const request = { queues, limit: want, workerId };
        if (lookAhead) ({ runs, next } = await this.#store.runClaimLookingAhead(request));
        else runs = await this.#store.runClaim(request);
      } catch (error) {
        this.#claimUncertain = true;
        this.#host.report(error);
        return;
      }
      const now = Date.now();
      for (const run of runs) this.#runs.set(run.id, { run, claimedAt: now });
      this.#host.claimed(runs.length);
      if (runs.length === want) {
        this.#claimAgain = true;
        continue;
      }
      if (next && this.#running) this.#delayed.at(next.getTime());
      // No due run was left when the claim ran, and the next delayed one has a wake: claims wait
      // for the next wake (one that arrived meanwhile has set #claimAgain).
      if (wakes === this.#wakes) {
        this.#lookAhead = false;
        this.#empty = true;
      }
    } while (this.#claimAgain);
  }

  /** Gives back runs claimed for this worker whose claim answer never arrived (see #claimUncertain). */
  async #releaseUnseen(): Promise<void> {
    const { workerId } = this.#opts;
    const unseen = (await this.#store.runsHeldBy(workerId)).filter(
      (id) => !this.#host.holds(id) && !this.#runs.has(id),
    );
    if (unseen.length) {
      this.#opts.logger.warn({ runs: unseen }, 'giving back runs whose claim was lost with the database connection');
      await this.#store.runsRelease(unseen, workerId);
    }
    this.#claimUncertain = false;
  }

  /** Buffered runs that waited too long go back to the queue, where an idle worker may take them. */
  async releaseStale(): Promise<void> {
    const now = Date.now();
    const stale = [...this.#runs].filter(([, b]) => b.claimedAt < now - this.#opts.ttlMs);
    if (stale.length === 0) return;
    // Slots are busy with long runs: stop hoarding, or we would claim back what we give away.
    this.#pausedUntil = now + 2 * this.#opts.ttlMs;
    await this.#release(stale.map(([id]) => id));
  }

  async #release(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const id of ids) this.#runs.delete(id);
    this.#host.released();
    try {
      await this.#store.runsRelease(ids, this.#opts.workerId);
    } catch (error) {
      // They stay RUNNING under this worker until their lease expires and they are rescued.
      this.#host.report(error);
    }
  }
}
