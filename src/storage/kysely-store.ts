import { sql, type Kysely } from 'kysely';
import { ConfigurationError } from '../domain/errors.js';
import { hostTransactionDb, TransactionNotifier, type HostTransaction } from './host-connection.js';
import type pg from 'pg';
import type { ApiToken, NewAuditEntry } from '../domain/access.js';
import type { Job, LogLine, Run, RunProgress } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';
import * as access from './access-queries.js';
import * as sessions from './session-queries.js';
import * as users from './user-queries.js';
import type { NewUser, TicketPurpose, UserChanges } from './user-store.js';
import type { Session, SessionSubject } from '../domain/session.js';
import * as attempts from './attempt-queries.js';
import * as calendar from './calendar-queries.js';
import type { DialectTraits } from './dialect.js';
import * as jobs from './job-queries.js';
import * as logs from './log-queries.js';
import { logSearch } from './log-search-queries.js';
import { logWordsIndex } from './log-words-queries.js';
import type { LogSearchQuery } from './log-search-store.js';
import * as notifications from './notification-queries.js';
import * as overview from './overview-queries.js';
import * as consoleReads from './console-queries.js';
import type { RunSearch } from '../domain/run-search.js';
import type { RunSearchPaging } from './console-store.js';
import * as scans from './notification-scan-queries.js';
import * as retention from './retention-queries.js';
import * as settings from './settings-queries.js';
import type { NewNotification } from '../domain/notification.js';
import * as metrics from './metric-queries.js';
import type { Notifier, StoreListener } from './notifier.js';
import * as runs from './run-queries.js';
import * as writes from './announced-writes.js';
import * as lifecycle from './run-lifecycle-queries.js';
import * as idle from './idle-queries.js';
import * as family from './run-family-queries.js';
import { PreparedRunStatements } from './prepared-run-statements.js';
import * as schedules from './schedule-queries.js';
import * as workerRegistry from './worker-queries.js';
import type { WorkerRegistration, WorkerSweep } from './worker-store.js';
import * as stats from './stats-queries.js';
import type { StatsScope } from './stats-store.js';
import type { Database } from './schema.js';
import type {
  AuditFilter,
  ClaimRequest,
  JobBasis,
  JobChanges,
  JobFilter,
  LogHolder,
  LogQuery,
  NewRun,
  Page,
  RunFilter,
  RunOutcome,
  Store,
  DueJob,
  FirePlan,
  FireResult,
  PruneOptions,
  RecordedAttempt,
  RunPruneOptions,
  ScanCursor,
  SlotScanCursor,
} from './store.js';

export interface KyselyStoreParts {
  db: Kysely<Database>;
  traits: DialectTraits;
  notifier: Notifier;
  location: string;
  now: () => number;
  /** Gives the connection back (closing it if no other store of this process uses it). */
  release: () => Promise<void>;
  /** PostgreSQL's pool, for what Kysely cannot express (COPY). */
  pgPool?: pg.Pool | undefined;
  /**
   * PostgreSQL schema of Jobdeck's tables (`db` qualifies its queries with it); unset on a
   * host's pool without one: the connection's current schema.
   */
  schema?: string | undefined;
  /** Named prepared statements are allowed (PostgreSQL, not behind a transaction pooler). */
  namedStatements?: boolean | undefined;
  /** Set on a store bound to a host's transaction: statements run in it, never in one of their own. */
  inTransaction?: boolean;
}

/** The Store over Kysely. Writes that other processes wait for are announced after they commit. */
export class KyselyStore implements Store {
  readonly traits: DialectTraits;
  readonly location: string;
  readonly #ctx: jobs.QueryContext;
  readonly #notifier: Notifier;
  readonly #release: () => Promise<void>;
  readonly #pgPool: pg.Pool | undefined;
  readonly #parts: KyselyStoreParts;
  /** The worker's claim and finish, and a single enqueue, as prepared statements where the database has them. */
  readonly #prepared: PreparedRunStatements | undefined;
  #closed = false;
  readonly #schema: string | undefined;

  constructor(parts: KyselyStoreParts) {
    this.traits = parts.traits;
    this.location = parts.location;
    this.#notifier = parts.notifier;
    this.#release = parts.release;
    this.#pgPool = parts.pgPool;
    const schema = parts.schema;
    this.#prepared =
      parts.pgPool &&
      new PreparedRunStatements(parts.pgPool, { schema: schema ?? 'public', named: parts.namedStatements ?? true });
    this.#ctx = {
      db: parts.db,
      traits: parts.traits,
      now: parts.now,
      table: (name) => sql.table(schema ? `${schema}.${name}` : name),
      inTransaction: parts.inTransaction ?? false,
    };
    this.#schema = schema;
    this.#parts = parts;
  }

  /**
   * This store's verbs inside a host program's open transaction (PostgreSQL only): rows written
   * through it, and the wake-up of workers, become visible when the host commits, and vanish if
   * it rolls back. Statements name the tables with their schema, whatever the host's search_path.
   */
  async within(tx: HostTransaction): Promise<Store> {
    if (this.traits.name !== 'postgres') {
      throw new ConfigurationError(
        'Enqueueing in a host transaction needs PostgreSQL; on SQLite Jobdeck has its own connection (create runs after your commit).',
      );
    }
    const schema =
      this.#schema ??
      (await sql<{ schema: string }>`select current_schema() as schema`.execute(this.#ctx.db)).rows[0]!.schema;
    const db = hostTransactionDb(tx, schema);
    return new KyselyStore({
      ...this.#parts,
      db,
      schema,
      notifier: new TransactionNotifier(db, schema),
      pgPool: undefined,
      inTransaction: true,
      release: async () => undefined,
    });
  }

  /** Listen to changes made by this and other processes. */
  subscribe = (listener: StoreListener): (() => void) => this.#notifier.subscribe(listener);

  /** Resolves when subscriptions receive events (PostgreSQL: LISTEN is in effect). */
  async listening(): Promise<void> {
    await (this.#notifier as { listening?: () => Promise<void> }).listening?.();
  }

  // Each verb delegates to its query module (announcing writes: announced-writes.ts), one line each.
  jobCreate = (job: Job) => writes.jobCreate(this.#ctx, this.#notifier, job);
  jobGet = (id: string) => jobs.jobGet(this.#ctx, id);
  jobGetByKey = (key: string) => jobs.jobGetByKey(this.#ctx, key);
  jobList = (filter: JobFilter): Promise<Page<Job>> => jobs.jobList(this.#ctx, filter);
  jobUpdate = (id: string, changes: JobChanges) => writes.jobUpdate(this.#ctx, this.#notifier, id, changes);
  jobDelete = (id: string) => writes.jobDelete(this.#ctx, this.#notifier, id);
  jobHasActiveRuns = (id: string) => jobs.jobHasActiveRuns(this.#ctx, id);

  runCreate = (input: NewRun): Promise<Run> => writes.runCreate(this.#ctx, this.#notifier, this.#prepared, input);
  runCreateFromJob = (input: NewRun, basis: JobBasis) =>
    writes.runCreateFromJob(this.#ctx, this.#notifier, this.#prepared, input, basis);
  runsCreate = (inputs: NewRun[]): Promise<number> => writes.runsCreate(this.#ctx, this.#notifier, inputs);
  subRunsCreate = (parentId: number, inputs: NewRun[], failRatio?: number | null): Promise<number | undefined> =>
    writes.subRunsCreate(this.#ctx, this.#notifier, parentId, inputs, failRatio);
  subRunsStop = (parentId: number, message: string) => writes.subRunsStop(this.#ctx, this.#notifier, parentId, message);
  subRunCounts = (parentId: number) => family.subRunCounts(this.#ctx, parentId);
  runDelete = (id: number) => writes.runDelete(this.#ctx, this.#notifier, id);
  runGet = (id: number) => runs.runGet(this.#ctx, id);
  runList = (filter: RunFilter) => runs.runList(this.#ctx, filter);
  runLastSuccess = (jobId: string) => runs.runLastSuccess(this.#ctx, jobId);
  runSearch = (search: RunSearch, paging: RunSearchPaging) => consoleReads.runSearch(this.#ctx, search, paging);
  runSearchIds = (search: RunSearch, limit: number) => consoleReads.runSearchIds(this.#ctx, search, limit);
  overviewRead = (failedSince: Date, limit: number) => consoleReads.overviewRead(this.#ctx, failedSince, limit);
  jobsUpcoming = (until: Date, limit: number) => consoleReads.jobsUpcoming(this.#ctx, until, limit);
  runsLastOf = (jobIds: readonly string[]) => overview.runsLastOf(this.#ctx, jobIds);
  runClaim = (request: ClaimRequest) =>
    this.#prepared ? this.#prepared.claim(request, this.#ctx.now()) : lifecycle.runClaim(this.#ctx, request);
  runClaimLookingAhead = (request: ClaimRequest) =>
    this.#prepared
      ? this.#prepared.claimLookingAhead(request, this.#ctx.now())
      : lifecycle.runClaimLookingAhead(this.#ctx, request);
  runsFinish = (outcomes: RunOutcome[]): Promise<number[]> =>
    writes.runsFinish(this.#ctx, this.#notifier, this.#prepared, outcomes);
  runTransition = (id: number, to: RunStatus, message?: string | null) =>
    writes.runTransition(this.#ctx, this.#notifier, id, to, message);
  runProgress = (id: number, progress: Partial<RunProgress>) =>
    writes.runProgress(this.#ctx, this.#notifier, id, progress);
  runsHeartbeat = (ids: number[], workerId: string) => lifecycle.runsHeartbeat(this.#ctx, ids, workerId);
  runsRelease = (ids: number[], workerId: string): Promise<number[]> =>
    writes.runsRelease(this.#ctx, this.#notifier, ids, workerId);
  runsRescue = (leaseMs: number): Promise<Run[]> => writes.runsRescue(this.#ctx, this.#notifier, leaseMs);
  runsCancelling = (ids: number[]) => lifecycle.runsCancelling(this.#ctx, ids);
  runRetry = (outcome: RunOutcome, availableAt: Date): Promise<Run | undefined> =>
    writes.runRetry(this.#ctx, this.#notifier, outcome, availableAt);
  runsNextAvailable = (queues: string[]) => idle.runsNextAvailable(this.#ctx, queues);
  runsHeldBy = (workerId: string) => attempts.runsHeldBy(this.#ctx, workerId);
  attemptList = (runId: number) => attempts.attemptList(this.#ctx, runId);

  async jobsFireDue(now: Date, limit: number, plan: (due: DueJob) => FirePlan): Promise<FireResult[]> {
    const results = await schedules.jobsFireDue(this.#ctx, now, limit, plan);
    for (const queue of new Set(results.flatMap((r) => r.runs.map((run) => run.queue)))) {
      await this.#notifier.publish({ type: 'queued', queue });
    }
    return results;
  }
  jobsNextDue = () => schedules.jobsNextDue(this.#ctx);
  skippedSlotList = (jobId: string, limit: number, offset: number) =>
    schedules.skippedSlotList(this.#ctx, jobId, limit, offset);
  // Calendar, schedule fidelity and run comparison (calendar-store.ts).
  jobsScheduled = (limit: number) => calendar.jobsScheduled(this.#ctx, limit);
  runsForSlots = (jobId: string, from: Date, to: Date, limit: number) =>
    calendar.runsForSlots(this.#ctx, jobId, from, to, limit);
  skippedSlotsBetween = (jobId: string, from: Date, to: Date, limit: number) =>
    calendar.skippedSlotsBetween(this.#ctx, jobId, from, to, limit);
  logLevelCounts = (runId: number, limit: number) => calendar.logLevelCounts(this.#ctx, runId, limit);

  logAppend = (lines: LogLine[], heldBy?: LogHolder) =>
    logs.logAppend(this.#ctx, lines, this.#pgPool && { pool: this.#pgPool, schema: this.#schema ?? 'public' }, heldBy);
  logList = (runId: number, query: LogQuery) => logs.logList(this.#ctx, runId, query);
  logMaxSeq = (runId: number) => logs.logMaxSeq(this.#ctx, runId);
  logSearch = (query: LogSearchQuery) => logSearch(this.#ctx, query);
  logWordsIndex = (maxRuns?: number) => logWordsIndex(this.#ctx, maxRuns);

  tokenCreate = (token: ApiToken & { tokenHash: string }) => access.tokenCreate(this.#ctx, token);
  tokenByHash = (hash: string) => access.tokenByHash(this.#ctx, hash);
  tokenGet = (id: string) => access.tokenGet(this.#ctx, id);
  userCreate = (user: NewUser) => users.userCreate(this.#ctx, user);
  userGet = (id: string) => users.userGet(this.#ctx, id);
  userByEmail = (email: string) => users.userByEmail(this.#ctx, email);
  userByOidc = (issuer: string, subject: string) => users.userByOidc(this.#ctx, issuer, subject);
  userList = (limit: number) => users.userList(this.#ctx, limit);
  userUpdate = (id: string, changes: UserChanges) => users.userUpdate(this.#ctx, id, changes);
  userCount = () => users.userCount(this.#ctx);
  ticketCreate = (ticket: { secretHash: string; purpose: TicketPurpose; data: string; expires: Date }) =>
    users.ticketCreate(this.#ctx, ticket);
  ticketTake = (secretHash: string, purpose: TicketPurpose) => users.ticketTake(this.#ctx, secretHash, purpose);
  sessionCreate = (session: Session & { secretHash: string }) => sessions.sessionCreate(this.#ctx, session);
  sessionByHash = (hash: string) => sessions.sessionByHash(this.#ctx, hash);
  sessionTouch = (session: Session) => sessions.sessionTouch(this.#ctx, session);
  sessionList = (subject?: SessionSubject) => sessions.sessionList(this.#ctx, subject);
  sessionRevoke = (which: { id: string } | { subject: SessionSubject }) => sessions.sessionRevoke(this.#ctx, which);
  sessionPrune = (before: number) => sessions.sessionPrune(this.#ctx, before);
  tokenList = () => access.tokenList(this.#ctx);
  tokenRevoke = (id: string) => access.tokenRevoke(this.#ctx, id);
  tokenCount = () => access.tokenCount(this.#ctx);

  auditAppend = (entry: NewAuditEntry) => access.auditAppend(this.#ctx, entry);
  auditList = (filter: AuditFilter) => access.auditList(this.#ctx, filter);

  queueSetPaused = (name: string, paused: boolean): Promise<void> =>
    writes.queueSetPaused(this.#ctx, this.#notifier, name, paused);
  queuesPaused = () => access.queuesPaused(this.#ctx);
  queueCounts = (finishedSince?: Date) => overview.queueCounts(this.#ctx, finishedSince);
  queueDepth = () => metrics.queueDepth(this.#ctx);

  settingGet = (key: string) => settings.settingGet(this.#ctx, key);
  settingPut = (key: string, value: string) => settings.settingPut(this.#ctx, key, value);
  settingInsert = (key: string, value: string) => settings.settingInsert(this.#ctx, key, value);
  settingDelete = (key: string) => settings.settingDelete(this.#ctx, key);

  runsEndedForNotification = (after: ScanCursor, until: Date, limit: number) =>
    scans.runsEndedForNotification(this.#ctx, after, until.getTime(), limit);
  runsRunningLong = (now: Date) => scans.runsRunningLong(this.#ctx, now.getTime());
  slotsMissedForNotification = (after: SlotScanCursor, until: Date, limit: number) =>
    scans.slotsMissedForNotification(this.#ctx, after, until.getTime(), limit);
  notificationsEnqueue = (items: NewNotification[]) => notifications.notificationsEnqueue(this.#ctx, items);
  notificationsClaim = (workerId: string, limit: number, leaseMs: number) =>
    notifications.notificationsClaim(this.#ctx, workerId, limit, leaseMs);
  notificationRecordAttempt = (attempt: RecordedAttempt) => notifications.notificationRecordAttempt(this.#ctx, attempt);
  notificationList = (filter: { runId?: number; jobId?: string; limit: number }) =>
    notifications.notificationList(this.#ctx, filter);

  logsPrune = (options: PruneOptions) => retention.logsPrune(this.#ctx, options);
  runsPrune = (options: RunPruneOptions) => retention.runsPrune(this.#ctx, options);

  workerBeat = (worker: WorkerRegistration) => workerRegistry.workerBeat(this.#ctx, worker);
  workerEnd = (id: string) => workerRegistry.workerEnd(this.#ctx, id);
  workersSweep = (options: WorkerSweep) => workerRegistry.workersSweep(this.#ctx, options);
  workerList = (options: { limit: number; heldPerWorker: number }) => workerRegistry.workerList(this.#ctx, options);
  taskRecentRuns = (task: string, limit: number) => workerRegistry.taskRecentRuns(this.#ctx, task, limit);
  // Charts and history alerts (stats-store.ts).
  statsRunPoints = (scope: StatsScope, limit: number, successOnly?: boolean) =>
    stats.statsRunPoints(this.#ctx, scope, limit, successOnly);
  statsOutcomes = (scope: StatsScope, from: Date, until: Date, maxRows: number) =>
    stats.statsOutcomes(this.#ctx, scope, from.getTime(), until.getTime(), maxRows);
  statsQueues = (from: Date, until: Date, bucketMs: number, maxRows: number) =>
    stats.statsQueues(this.#ctx, from.getTime(), until.getTime(), bucketMs, maxRows);
  runsGoingWithHistoryAlerts = () => stats.runsGoingWithHistoryAlerts(this.#ctx);
  runsEndedUpTo = (jobId: string, at: { time: number; id: number }, limit: number) =>
    stats.runsEndedUpTo(this.#ctx, jobId, at, limit);

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#release();
  }
}
