import type { JsonValue, Run, RunProgress } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';

export interface ClaimRequest {
  queues: string[];
  limit: number;
  workerId: string;
}

/** How a claimed run ended, as its worker saw it. */
export interface RunOutcome {
  id: number;
  workerId: string;
  attempt: number;
  status: RunStatus;
  message: string | null;
  /** A failed run's stack trace: admins and the service log only, never in `message`. */
  errorStack?: string | null | undefined;
  result: JsonValue | null;
  progress: Partial<RunProgress>;
  /** Set when the attempt failed and is to be tried again then (see Store.runRetry). */
  retryAt?: Date | undefined;
}

/** One try of a run, as kept in `run_attempts`. */
export interface RunAttempt {
  runId: number;
  attempt: number;
  workerId: string | null;
  startedAt: Date | null;
  finishedAt: Date;
  status: RunStatus;
  message: string | null;
}

/** A claimed run's life: claimed by a worker, kept alive, stopped, retried, rescued or finished. */
export interface RunLifecycleStore {
  /** Moves up to `limit` due QUEUED runs of the queues to RUNNING for this worker. */
  runClaim(request: ClaimRequest): Promise<Run[]>;
  /**
   * `runClaim`, and when it claimed fewer runs than the limit, `runsNextAvailable` of the queues
   * (`next`; undefined after a full claim): one round trip where the database allows (PostgreSQL),
   * so a worker that finds its queues drained learns when to wake without a second statement.
   */
  runClaimLookingAhead(request: ClaimRequest): Promise<{ runs: Run[]; next: Date | undefined }>;
  /** Final states for many runs in one statement; returns the ids that took it. */
  runsFinish(outcomes: RunOutcome[]): Promise<number[]>;
  /**
   * A status change guarded by the state machine: only applies from a status that may lead to
   * `to`. Returns the updated run, or undefined when the run is missing or in another state.
   */
  runTransition(id: number, to: RunStatus, message?: string | null): Promise<Run | undefined>;
  runProgress(id: number, progress: Partial<RunProgress>): Promise<void>;
  runsHeartbeat(ids: number[], workerId: string): Promise<void>;
  /**
   * Gives claimed runs that never started back to the queue, as if never claimed (the attempt
   * is not counted). Only runs still RUNNING under this worker are released; returns their ids.
   */
  runsRelease(ids: number[], workerId: string): Promise<number[]>;
  /**
   * Rescues runs whose worker stopped renewing their lease for `leaseMs`: RUNNING ones go back to
   * the queue if attempts remain, else FAILED; CANCELLING ones become CANCELLED. Returns the
   * rescued runs, each in its new state.
   */
  runsRescue(leaseMs: number): Promise<Run[]>;
  /** Among `ids`, the runs a stop was asked for (status CANCELLING). */
  runsCancelling(ids: number[]): Promise<number[]>;
  /**
   * Queues a failed attempt's run again, available at `availableAt`, keeping the failed attempt in
   * the history. Guarded like `runsFinish` (still RUNNING, same worker and attempt); returns the
   * queued run, or undefined when the run is no longer held.
   */
  runRetry(outcome: RunOutcome, availableAt: Date): Promise<Run | undefined>;
  /** Runs held by a worker (RUNNING or CANCELLING under its id): to find claims it never saw. */
  runsHeldBy(workerId: string): Promise<number[]>;
  /** A run's attempts (retried, rescued or ended), first to last. */
  attemptList(runId: number): Promise<RunAttempt[]>;
}
