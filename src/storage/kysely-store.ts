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
  /** The worker's claim and finish as prepared statements, where the database has them. */
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
      notifier: new TransactionNotifier(db),
      pgPool: undefined,
      inTransaction: true,
      release: async () => undefined,
    });
  }

  /** Listen to changes made by this and other processes. */
  subscribe(listener: StoreListener): () => void {
    return this.#notifier.subscribe(listener);
  }

  /** Resolves when subscriptions receive events (PostgreSQL: LISTEN is in effect). */
  async listening(): Promise<void> {
    await (this.#notifier as { listening?: () => Promise<void> }).listening?.();
  }

  async jobCreate(job: Job) {
    const created = await jobs.jobCreate(this.#ctx, job);
    await this.#notifier.publish({ type: 'job', action: 'created', jobId: created.id });
    return created;
  }
  jobGet(id: string) {
    return jobs.jobGet(this.#ctx, id);
  }
  jobGetByKey(key: string) {
    return jobs.jobGetByKey(this.#ctx, key);
  }
  jobList(filter: JobFilter): Promise<Page<Job>> {
    return jobs.jobList(this.#ctx, filter);
  }
  async jobUpdate(id: string, changes: JobChanges) {
    const job = await jobs.jobUpdate(this.#ctx, id, changes);
    if (job) await this.#notifier.publish({ type: 'job', action: 'updated', jobId: id });
    return job;
  }
  async jobDelete(id: string) {
    const deleted = await jobs.jobDelete(this.#ctx, id);
    if (deleted) await this.#notifier.publish({ type: 'job', action: 'deleted', jobId: id });
    return deleted;
  }
  jobHasActiveRuns(id: string) {
    return jobs.jobHasActiveRuns(this.#ctx, id);
  }

  async runCreate(input: NewRun): Promise<Run> {
    const run = await runs.runCreate(this.#ctx, input);
    await this.#notifier.publish({ type: 'queued', queue: run.queue, runId: run.id, jobId: run.jobId });
    return run;
  }
  async runsCreate(inputs: NewRun[]): Promise<number> {
    const count = await runs.runsCreate(this.#ctx, inputs);
    for (const queue of new Set(inputs.map((run) => run.queue))) {
      await this.#notifier.publish({ type: 'queued', queue });
    }
    return count;
  }
  async subRunsCreate(parentId: number, inputs: NewRun[], failRatio?: number | null): Promise<number | undefined> {
    const count = await family.subRunsCreate(this.#ctx, parentId, inputs, failRatio);
    if (count !== undefined) {
      for (const queue of new Set(inputs.map((run) => run.queue))) {
        await this.#notifier.publish({ type: 'queued', queue });
      }
      await this.#notifier.publish({ type: 'progress', runId: parentId });
    }
    return count;
  }
  async subRunsStop(parentId: number, message: string) {
    const stopped = await family.subRunsStop(this.#ctx, parentId, message);
    // Workers holding the running ones find the stop on their next check; listeners refetch.
    if (stopped.cancelled + stopped.cancelling > 0) await this.#notifier.publish({ type: 'changed' });
    return stopped;
  }
  subRunCounts(parentId: number) {
    return family.subRunCounts(this.#ctx, parentId);
  }
  async runDelete(id: number) {
    const result = await family.runDelete(this.#ctx, id);
    if (result === 'deleted') await this.#notifier.publish({ type: 'changed', runIds: [id] });
    return result;
  }
  runGet(id: number) {
    return runs.runGet(this.#ctx, id);
  }
  runList(filter: RunFilter) {
    return runs.runList(this.#ctx, filter);
  }
  runLastSuccess(jobId: string) {
    return runs.runLastSuccess(this.#ctx, jobId);
  }
  runSearch(search: RunSearch, paging: RunSearchPaging) {
    return consoleReads.runSearch(this.#ctx, search, paging);
  }
  runSearchIds(search: RunSearch, limit: number) {
    return consoleReads.runSearchIds(this.#ctx, search, limit);
  }
  overviewRead(failedSince: Date, limit: number) {
    return consoleReads.overviewRead(this.#ctx, failedSince, limit);
  }
  jobsUpcoming(until: Date, limit: number) {
    return consoleReads.jobsUpcoming(this.#ctx, until, limit);
  }
  runsLastOf(jobIds: readonly string[]) {
    return overview.runsLastOf(this.#ctx, jobIds);
  }
  runClaim(request: ClaimRequest) {
    return this.#prepared ? this.#prepared.claim(request, this.#ctx.now()) : lifecycle.runClaim(this.#ctx, request);
  }
  async runsFinish(outcomes: RunOutcome[]): Promise<number[]> {
    // Prepared, the statement announces the change itself.
    if (this.#prepared) return this.#prepared.finish(outcomes, this.#ctx.now());
    const ids = await lifecycle.runsFinish(this.#ctx, outcomes);
    // Failing to announce must not make committed final states look unwritten: listeners that
    // missed it catch up on their fallback poll.
    if (ids.length) void this.#notifier.publish({ type: 'changed', runIds: ids }).catch(() => undefined);
    return ids;
  }
  async runTransition(id: number, to: RunStatus, message?: string | null) {
    const run = await lifecycle.runTransition(this.#ctx, id, to, message);
    if (run) {
      await this.#notifier.publish(
        to === 'CANCELLING' ? { type: 'cancel', runId: id } : { type: 'changed', runIds: [id] },
      );
      if (to === 'QUEUED') await this.#notifier.publish({ type: 'queued', queue: run.queue });
    }
    return run;
  }
  async runProgress(id: number, progress: Partial<RunProgress>) {
    await lifecycle.runProgress(this.#ctx, id, progress);
    await this.#notifier.publish({ type: 'progress', runId: id });
  }
  runsHeartbeat(ids: number[], workerId: string) {
    return lifecycle.runsHeartbeat(this.#ctx, ids, workerId);
  }
  async runsRelease(ids: number[], workerId: string): Promise<number[]> {
    const released = await lifecycle.runsRelease(this.#ctx, ids, workerId);
    for (const queue of released.queues) await this.#notifier.publish({ type: 'queued', queue });
    if (released.cancelled.length) await this.#notifier.publish({ type: 'changed', runIds: released.cancelled });
    return released.ids;
  }
  async runsRescue(leaseMs: number): Promise<Run[]> {
    const rescued = await attempts.runsRescue(this.#ctx, leaseMs);
    if (rescued.length) await this.#notifier.publish({ type: 'changed', runIds: rescued.map((run) => run.id) });
    for (const queue of new Set(rescued.filter((r) => r.status === 'QUEUED').map((r) => r.queue))) {
      await this.#notifier.publish({ type: 'queued', queue });
    }
    return rescued;
  }
  runsCancelling(ids: number[]) {
    return lifecycle.runsCancelling(this.#ctx, ids);
  }
  async runRetry(outcome: RunOutcome, availableAt: Date): Promise<Run | undefined> {
    const run = await attempts.runRetry(this.#ctx, outcome, availableAt.getTime());
    if (run) {
      await this.#notifier.publish({ type: 'changed', runIds: [run.id] });
      await this.#notifier.publish({ type: 'queued', queue: run.queue });
    }
    return run;
  }
  runsNextAvailable(queues: string[]) {
    return idle.runsNextAvailable(this.#ctx, queues);
  }
  runsHeldBy(workerId: string) {
    return attempts.runsHeldBy(this.#ctx, workerId);
  }
  attemptList(runId: number) {
    return attempts.attemptList(this.#ctx, runId);
  }

  async jobsFireDue(now: Date, limit: number, plan: (due: DueJob) => FirePlan): Promise<FireResult[]> {
    const results = await schedules.jobsFireDue(this.#ctx, now, limit, plan);
    for (const queue of new Set(results.flatMap((r) => r.runs.map((run) => run.queue)))) {
      await this.#notifier.publish({ type: 'queued', queue });
    }
    return results;
  }
  jobsNextDue() {
    return schedules.jobsNextDue(this.#ctx);
  }
  skippedSlotList(jobId: string, limit: number, offset: number) {
    return schedules.skippedSlotList(this.#ctx, jobId, limit, offset);
  }
  // Calendar, schedule fidelity and run comparison (calendar-store.ts).
  jobsScheduled = (limit: number) => calendar.jobsScheduled(this.#ctx, limit);
  runsForSlots = (jobId: string, from: Date, to: Date, limit: number) =>
    calendar.runsForSlots(this.#ctx, jobId, from, to, limit);
  skippedSlotsBetween = (jobId: string, from: Date, to: Date, limit: number) =>
    calendar.skippedSlotsBetween(this.#ctx, jobId, from, to, limit);
  logLevelCounts = (runId: number, limit: number) => calendar.logLevelCounts(this.#ctx, runId, limit);

  logAppend(lines: LogLine[], heldBy?: LogHolder) {
    return logs.logAppend(
      this.#ctx,
      lines,
      this.#pgPool && { pool: this.#pgPool, schema: this.#schema ?? 'public' },
      heldBy,
    );
  }
  logList(runId: number, query: LogQuery) {
    return logs.logList(this.#ctx, runId, query);
  }
  logMaxSeq(runId: number) {
    return logs.logMaxSeq(this.#ctx, runId);
  }
  logSearch(query: LogSearchQuery) {
    return logSearch(this.#ctx, query);
  }

  tokenCreate(token: ApiToken & { tokenHash: string }) {
    return access.tokenCreate(this.#ctx, token);
  }
  tokenByHash(hash: string) {
    return access.tokenByHash(this.#ctx, hash);
  }
  tokenGet(id: string) {
    return access.tokenGet(this.#ctx, id);
  }
  userCreate(user: NewUser) {
    return users.userCreate(this.#ctx, user);
  }
  userGet(id: string) {
    return users.userGet(this.#ctx, id);
  }
  userByEmail(email: string) {
    return users.userByEmail(this.#ctx, email);
  }
  userByOidc(issuer: string, subject: string) {
    return users.userByOidc(this.#ctx, issuer, subject);
  }
  userList(limit: number) {
    return users.userList(this.#ctx, limit);
  }
  userUpdate(id: string, changes: UserChanges) {
    return users.userUpdate(this.#ctx, id, changes);
  }
  userCount() {
    return users.userCount(this.#ctx);
  }
  ticketCreate(ticket: { secretHash: string; purpose: TicketPurpose; data: string; expires: Date }) {
    return users.ticketCreate(this.#ctx, ticket);
  }
  ticketTake(secretHash: string, purpose: TicketPurpose) {
    return users.ticketTake(this.#ctx, secretHash, purpose);
  }
  sessionCreate(session: Session & { secretHash: string }) {
    return sessions.sessionCreate(this.#ctx, session);
  }
  sessionByHash(hash: string) {
    return sessions.sessionByHash(this.#ctx, hash);
  }
  sessionTouch(session: Session) {
    return sessions.sessionTouch(this.#ctx, session);
  }
  sessionList(subject?: SessionSubject) {
    return sessions.sessionList(this.#ctx, subject);
  }
  sessionRevoke(which: { id: string } | { subject: SessionSubject }) {
    return sessions.sessionRevoke(this.#ctx, which);
  }
  sessionPrune(before: number) {
    return sessions.sessionPrune(this.#ctx, before);
  }
  tokenList() {
    return access.tokenList(this.#ctx);
  }
  tokenRevoke(id: string) {
    return access.tokenRevoke(this.#ctx, id);
  }
  tokenCount() {
    return access.tokenCount(this.#ctx);
  }

  auditAppend(entry: NewAuditEntry) {
    return access.auditAppend(this.#ctx, entry);
  }
  auditList(filter: AuditFilter) {
    return access.auditList(this.#ctx, filter);
  }

  async queueSetPaused(name: string, paused: boolean): Promise<void> {
    await access.queueSetPaused(this.#ctx, name, paused);
    // Workers sleep while nothing they may claim is queued: a resumed queue may have a backlog.
    if (!paused) await this.#notifier.publish({ type: 'queued', queue: name });
  }
  queuesPaused() {
    return access.queuesPaused(this.#ctx);
  }
  queueCounts(finishedSince?: Date) {
    return overview.queueCounts(this.#ctx, finishedSince);
  }
  queueDepth() {
    return metrics.queueDepth(this.#ctx);
  }

  settingGet(key: string) {
    return settings.settingGet(this.#ctx, key);
  }
  settingPut(key: string, value: string) {
    return settings.settingPut(this.#ctx, key, value);
  }
  settingInsert(key: string, value: string) {
    return settings.settingInsert(this.#ctx, key, value);
  }
  settingDelete(key: string) {
    return settings.settingDelete(this.#ctx, key);
  }

  runsEndedForNotification(after: ScanCursor, until: Date, limit: number) {
    return scans.runsEndedForNotification(this.#ctx, after, until.getTime(), limit);
  }
  runsRunningLong(now: Date) {
    return scans.runsRunningLong(this.#ctx, now.getTime());
  }
  slotsMissedForNotification(after: SlotScanCursor, until: Date, limit: number) {
    return scans.slotsMissedForNotification(this.#ctx, after, until.getTime(), limit);
  }
  notificationsEnqueue(items: NewNotification[]) {
    return notifications.notificationsEnqueue(this.#ctx, items);
  }
  notificationsClaim(workerId: string, limit: number, leaseMs: number) {
    return notifications.notificationsClaim(this.#ctx, workerId, limit, leaseMs);
  }
  notificationRecordAttempt(attempt: RecordedAttempt) {
    return notifications.notificationRecordAttempt(this.#ctx, attempt);
  }
  notificationList(filter: { runId?: number; jobId?: string; limit: number }) {
    return notifications.notificationList(this.#ctx, filter);
  }

  logsPrune(options: PruneOptions) {
    return retention.logsPrune(this.#ctx, options);
  }
  runsPrune(options: RunPruneOptions) {
    return retention.runsPrune(this.#ctx, options);
  }

  workerBeat(worker: WorkerRegistration) {
    return workerRegistry.workerBeat(this.#ctx, worker);
  }
  workerEnd(id: string) {
    return workerRegistry.workerEnd(this.#ctx, id);
  }
  workersSweep(options: WorkerSweep) {
    return workerRegistry.workersSweep(this.#ctx, options);
  }
  workerList(options: { limit: number; heldPerWorker: number }) {
    return workerRegistry.workerList(this.#ctx, options);
  }
  taskRecentRuns(task: string, limit: number) {
    return workerRegistry.taskRecentRuns(this.#ctx, task, limit);
  }
  // Charts and history alerts (stats-store.ts).
  statsRunPoints(scope: StatsScope, limit: number, successOnly?: boolean) {
    return stats.statsRunPoints(this.#ctx, scope, limit, successOnly);
  }
  statsOutcomes(scope: StatsScope, from: Date, until: Date, maxRows: number) {
    return stats.statsOutcomes(this.#ctx, scope, from.getTime(), until.getTime(), maxRows);
  }
  statsQueues(from: Date, until: Date, bucketMs: number, maxRows: number) {
    return stats.statsQueues(this.#ctx, from.getTime(), until.getTime(), bucketMs, maxRows);
  }
  runsGoingWithHistoryAlerts() {
    return stats.runsGoingWithHistoryAlerts(this.#ctx);
  }
  runsEndedUpTo(jobId: string, at: { time: number; id: number }, limit: number) {
    return stats.runsEndedUpTo(this.#ctx, jobId, at, limit);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#release();
  }
}
