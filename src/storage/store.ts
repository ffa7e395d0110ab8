import type { UserStore } from './user-store.js';
import type { IdleStore } from './idle-store.js';
import type { Session, SessionSubject } from '../domain/session.js';
import type { LogSearchStore } from './log-search-store.js';
import type { ApiToken, AuditEntry, NewAuditEntry } from '../domain/access.js';
import type { Job, JsonObject, JsonValue, LogLevel, LogLine, Run, RunProgress, SkippedSlot } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';
import type { JobPlainSettings } from '../domain/job-contract.js';
import type { DialectTraits } from './dialect.js';
import type { ClaimedNotification, MissedSlots, NewNotification, Notification } from '../domain/notification.js';
import type { StoreListener } from './notifier.js';
import type { HostTransaction } from './host-connection.js';
import type { WorkerStore } from './worker-store.js';
import type { CalendarStore } from './calendar-store.js';
import type { StatsStore } from './stats-store.js';
import type { ConsoleStore } from './console-store.js';

/**
 * The worker that writes log lines, and the attempt of each run it writes for: a line is stored
 * only while that worker still holds the run in that attempt. A worker cut off from the database
 * past its lease sends its lines late, after its runs were rescued; they are refused rather than
 * mixed into (or taking the sequence numbers of) the new attempt's log.
 */
export interface LogHolder {
  workerId: string;
  /** Run id → attempt. */
  attempts: ReadonlyMap<number, number>;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export const JOB_SORTS = ['title', '-title', 'created', '-created', 'last_run', '-last_run', 'next_run'] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export interface JobFilter {
  /** Case-insensitive match on title or description. */
  q?: string | undefined;
  /** Default `-created` (newest first); `next_run` puts unscheduled jobs last. */
  sort?: JobSort | undefined;
  active?: boolean | undefined;
  task?: string | undefined;
  queue?: string | undefined;
  limit: number;
  offset: number;
}

export type JobChanges = Partial<
  Pick<
    Job,
    | 'title'
    | 'description'
    | 'task'
    | 'defaultQueue'
    | 'active'
    | 'args'
    | 'customArgs'
    | 'schedule'
    | 'nextRunAt'
    | 'overlapPolicy'
    | 'misfirePolicy'
    | 'notificationEmails'
    | 'notificationStatuses'
    | 'notificationWebhooks'
    | 'notifyRunningLongerThan'
    | 'historyAlerts'
    | 'historyAlerts'
    | 'key'
    | 'managedFields'
  > &
    JobPlainSettings
>;

export interface NewRun {
  jobId: string;
  task: string;
  title: string;
  queue: string;
  args: JsonObject;
  customArgs: JsonObject | null;
  since: Date | null;
  startedBy: string;
  priority?: number;
  availableAt?: Date;
  maxAttempts?: number;
  parentRunId?: number | null;
  scheduledFor?: Date | null;
}

/** A job whose next slot is due, with what the scheduler needs to decide about it. */
export interface DueJob {
  job: Job;
  /** Top-level runs of the job that are QUEUED, and RUNNING, CANCELLING or WAITING (a family counts once). */
  queuedRuns: number;
  runningRuns: number;
  lastSuccessStartedAt: Date | null;
}

/** What firing a due job does, decided by the scheduler. */
export interface FirePlan {
  runs: NewRun[];
  skips: { scheduledFor: Date; reason: string }[];
  nextRunAt: Date | null;
}

export interface FireResult {
  jobId: string;
  runs: Run[];
  skipped: number;
}

export interface RunFilter {
  jobId?: string | undefined;
  /** Case-insensitive match on title or message. */
  q?: string | undefined;
  statuses?: RunStatus[] | undefined;
  queue?: string | undefined;
  task?: string | undefined;
  /** Only the sub-runs of this run (oldest first); otherwise top-level runs, newest first. */
  parentRunId?: number | undefined;
  /** Top-level runs and sub-runs alike. */
  includeSubRuns?: boolean | undefined;
  limit: number;
  offset: number;
}

/** What deleting a run did: deleted it, refused (it or a sub-run is active), or found none. */
export type RunDeleteResult = 'deleted' | 'active' | 'missing';

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

export interface LogQuery {
  /** Only lines with a larger sequence number (cursor). */
  after?: number | undefined;
  /** Only lines with a sequence number up to this one. */
  through?: number | undefined;
  limit: number;
  levels?: LogLevel[] | undefined;
  /** Case-insensitive match on the message. */
  q?: string | undefined;
}

export interface AuditFilter {
  jobId?: string | undefined;
  limit: number;
  offset: number;
}

/** How many runs of a queue are in a status (only pairs with at least one run). */
export interface QueueCount {
  queue: string;
  status: RunStatus;
  count: number;
}

export interface RecordedAttempt {
  id: number;
  workerId: string;
  attempt: number;
  outcome: 'delivered' | 'failed';
  error: string | null;
  durationMs: number;
  /** When to try again; null when there is no further attempt (delivered, or out of attempts). */
  retryAt: Date | null;
}

/** A position in a time-ordered scan: rows after (time, id). */
export interface ScanCursor {
  time: number;
  id: number;
}

/** A position in the scan of missed slots: groups after (creation time, job id). */
export interface SlotScanCursor {
  time: number;
  jobId: string;
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

/**
 * Pruning of old history. Every statement deletes at most `batchSize` rows chosen by key
 * (run id, log sequence), so on PostgreSQL no statement holds locks for long and workers keep
 * claiming and logging while a prune runs; SQLite's single writer is released between batches.
 */
export interface PruneOptions {
  /** Only runs that ended before this instant (and their log lines) are pruned. */
  before: Date;
  /** Rows per statement (default 5000). */
  batchSize?: number;
  /** Checked between batches: a prune that is stopped ends after the current batch. */
  signal?: AbortSignal;
  /** Called after each batch with the rows it deleted. */
  onBatch?: (deleted: number) => void;
}

export interface RunPruneOptions extends PruneOptions {
  /** The newest runs of each job kept whatever their age. */
  keepLast: number;
}

/**
 * Everything Jobdeck keeps, in domain verbs. The only implementation speaks SQL through Kysely;
 * a conformance suite holds every dialect to the same behaviour.
 */
export interface Store
  extends WorkerStore, CalendarStore, StatsStore, ConsoleStore, UserStore, LogSearchStore, IdleStore {
  readonly traits: DialectTraits;
  /** Where the data lives, without credentials: for messages. */
  readonly location: string;

  jobCreate(job: Job): Promise<Job>;
  jobGet(id: string): Promise<Job | undefined>;
  /** The job declared or applied with this key (migration 0013). */
  jobGetByKey(key: string): Promise<Job | undefined>;
  /**
   * This store inside a host program's open transaction (PostgreSQL; see host-connection.ts):
   * what it writes is committed or rolled back with the host's work. Refused on SQLite.
   */
  within(tx: HostTransaction): Promise<Store>;
  jobList(filter: JobFilter): Promise<Page<Job>>;
  jobUpdate(id: string, changes: JobChanges): Promise<Job | undefined>;
  /** Deletes the job with its runs and their logs. */
  jobDelete(id: string): Promise<boolean>;
  jobHasActiveRuns(id: string): Promise<boolean>;

  runCreate(run: NewRun): Promise<Run>;
  /** Bulk enqueue: one statement per chunk. Returns the number of runs created. */
  runsCreate(runs: NewRun[]): Promise<number>;
  /**
   * Creates sub-runs of a running top-level run, in bulk (one statement per chunk), and adds
   * them to its `total_subruns` in the same transaction. Returns the number created, or
   * undefined when the parent is no longer RUNNING (stopped, ended) or is itself a sub-run.
   * `failRatio`: the parent ends FAILED once this share of its sub-runs failed (task's subRuns.failWhen).
   */
  subRunsCreate(parentId: number, runs: NewRun[], failRatio?: number | null): Promise<number | undefined>;
  /** Stops a parent's sub-runs: QUEUED ones become CANCELLED, RUNNING ones CANCELLING. */
  subRunsStop(parentId: number, message: string): Promise<{ cancelled: number; cancelling: number }>;
  /** How many sub-runs of the run are in each status (only statuses with at least one). */
  subRunCounts(parentId: number): Promise<Partial<Record<RunStatus, number>>>;
  /** Deletes an ended run with its logs and sub-runs, unless it or a sub-run is active. */
  runDelete(id: number): Promise<RunDeleteResult>;
  runGet(id: number): Promise<Run | undefined>;
  runList(filter: RunFilter): Promise<Page<Run>>;
  /** The last top-level SUCCESS run of a job, by start time. */
  runLastSuccess(jobId: string): Promise<Run | undefined>;
  /** The latest run (highest id) of each of the jobs, in one query; jobs never run are absent. */
  runsLastOf(jobIds: readonly string[]): Promise<Map<string, Run>>;
  /** Moves up to `limit` due QUEUED runs of the queues to RUNNING for this worker. */
  runClaim(request: ClaimRequest): Promise<Run[]>;
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

  /**
   * In one write transaction: locks up to `limit` active jobs due at `now` (skipping those
   * another scheduler holds), asks `plan` what to do with each, inserts its runs (at most one
   * per job and slot) and skipped slots, and moves `next_run_at` on.
   */
  jobsFireDue(now: Date, limit: number, plan: (due: DueJob) => FirePlan): Promise<FireResult[]>;
  /** The earliest `next_run_at` of an active job. */
  jobsNextDue(): Promise<Date | null>;
  skippedSlotList(jobId: string, limit: number, offset: number): Promise<Page<SkippedSlot>>;

  /** Stores lines (a line already stored is skipped); with `heldBy`, only lines of runs still held (LogHolder). */
  logAppend(lines: LogLine[], heldBy?: LogHolder): Promise<void>;
  logList(runId: number, query: LogQuery): Promise<LogLine[]>;
  logMaxSeq(runId: number): Promise<number>;

  /** Stores a token with the hash of its secret (unique: a duplicate is a ConflictError). */
  tokenCreate(token: ApiToken & { tokenHash: string }): Promise<ApiToken>;
  /**
   * The non-revoked token whose secret has this hash. Records the use in `lastUsed`, at most
   * once a minute so that authenticating stays a read.
   */
  tokenByHash(hash: string): Promise<ApiToken | undefined>;
  /** The non-revoked token with this id, without recording a use. */
  tokenGet(id: string): Promise<ApiToken | undefined>;
  /** All tokens, revoked ones included, oldest first. */
  tokenList(): Promise<ApiToken[]>;
  /** Marks the token revoked (a second revocation keeps the first time); undefined if missing. */
  tokenRevoke(id: string): Promise<ApiToken | undefined>;
  /** The number of non-revoked tokens. */
  tokenCount(): Promise<number>;

  /** Stores a new sign-in session with the hash of its secret. */
  sessionCreate(session: Session & { secretHash: string }): Promise<Session>;
  /** The session whose secret has this hash, ended or not. */
  sessionByHash(hash: string): Promise<Session | undefined>;
  /** Records a use of the session (at most once a minute: a read otherwise). */
  sessionTouch(session: Session): Promise<void>;
  /** Live sessions (not revoked, before their absolute end), of one subject or all, newest first. */
  sessionList(subject?: SessionSubject): Promise<Session[]>;
  /** Ends one session or all of a subject; returns those ended now. */
  sessionRevoke(which: { id: string } | { subject: SessionSubject }): Promise<Session[]>;
  /** Deletes sessions that ended before this time. */
  sessionPrune(before: number): Promise<number>;

  auditAppend(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries, newest first. */
  auditList(filter: AuditFilter): Promise<Page<AuditEntry>>;

  /** Runs of a paused queue are not claimed; resuming wakes the workers. */
  queueSetPaused(name: string, paused: boolean): Promise<void>;
  /** Names of the paused queues. */
  queuesPaused(): Promise<string[]>;
  /**
   * Runs per queue and status: live statuses all, finished ones only from `finishedSince` on
   * (all when not given).
   */
  queueCounts(finishedSince?: Date): Promise<QueueCount[]>;
  /** Runs per queue in QUEUED, RUNNING and CANCELLING only (cheap: for metrics scrapes). */
  queueDepth(): Promise<QueueCount[]>;

  /** A stored setting (cursors, one-time markers); undefined if never set. */
  settingGet(key: string): Promise<string | undefined>;
  settingPut(key: string, value: string): Promise<void>;
  /** Inserts the setting unless it exists; true if this call inserted it. */
  settingInsert(key: string, value: string): Promise<boolean>;
  settingDelete(key: string): Promise<void>;

  /** Ended runs of jobs with notification targets, after a (finish time, id) cursor, oldest first. */
  runsEndedForNotification(after: ScanCursor, until: Date, limit: number): Promise<{ run: Run; job: Job }[]>;
  /** Running runs past their job's "running longer than" threshold at `now`. */
  runsRunningLong(now: Date): Promise<{ run: Run; job: Job }[]>;
  /** Missed (or failed) schedule slots of notified jobs, grouped by firing, after a (record time, job) cursor. */
  slotsMissedForNotification(after: SlotScanCursor, until: Date, limit: number): Promise<MissedSlots[]>;
  /** Adds deliveries to the outbox (idempotent by dedupe key); returns how many were new. */
  notificationsEnqueue(items: NewNotification[]): Promise<number>;
  /** Claims due deliveries for this sender for `leaseMs` (SKIP LOCKED / single writer). */
  notificationsClaim(workerId: string, limit: number, leaseMs: number): Promise<ClaimedNotification[]>;
  notificationRecordAttempt(attempt: RecordedAttempt): Promise<void>;
  /** Deliveries of a run or job, newest first, with every attempt; secrets are never read. */
  notificationList(filter: { runId?: number; jobId?: string; limit: number }): Promise<Notification[]>;

  /** Deletes log lines of runs that ended before `before`, in batches; returns lines deleted. */
  logsPrune(options: PruneOptions): Promise<number>;
  /** Deletes ended runs before `before` except each job's newest `keepLast`, in batches; returns runs deleted. */
  runsPrune(options: RunPruneOptions): Promise<number>;

  /** Changes made by this and other processes (see StoreEvent). */
  subscribe(listener: StoreListener): () => void;
  /** Resolves once subscriptions are in effect, so no later change is missed. */
  listening(): Promise<void>;

  close(): Promise<void>;
}
