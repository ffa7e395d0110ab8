import type { UserStore } from './user-store.js';
import type { IdleStore } from './idle-store.js';
import type { LogSearchStore } from './log-search-store.js';
import type { DialectTraits } from './dialect.js';
import type { StoreListener } from './notifier.js';
import type { HostTransaction } from './host-connection.js';
import type { WorkerStore } from './worker-store.js';
import type { CalendarStore } from './calendar-store.js';
import type { StatsStore } from './stats-store.js';
import type { ConsoleStore } from './console-store.js';
import type { JobStore } from './job-store.js';
import type { RunStore } from './run-store.js';
import type { RunLifecycleStore } from './run-lifecycle-store.js';
import type { ScheduleStore } from './schedule-store.js';
import type { LogStore } from './log-store.js';
import type { AccessStore } from './access-store.js';
import type { SessionStore } from './session-store.js';
import type { QueueStore } from './queue-store.js';
import type { SettingStore } from './setting-store.js';
import type { NotificationStore } from './notification-store.js';
import type { RetentionStore } from './retention-store.js';

// The parameter and result types of the verbs live with their sub-interface; they are exported
// here too, so that callers name the Store's types from one place.
export type { Page } from './page.js';
export { JOB_SORTS, type JobChanges, type JobFilter, type JobSort } from './job-store.js';
export type { JobBasis, NewRun, RunDeleteResult, RunFilter } from './run-store.js';
export type { ClaimRequest, RunAttempt, RunOutcome } from './run-lifecycle-store.js';
export type { DueJob, FirePlan, FireResult } from './schedule-store.js';
export type { LogHolder, LogQuery } from './log-store.js';
export type { AuditFilter } from './access-store.js';
export type { QueueCount } from './queue-store.js';
export type { RecordedAttempt, ScanCursor, SlotScanCursor } from './notification-store.js';
export type { PruneOptions, RunPruneOptions } from './retention-store.js';

/**
 * Everything Jobdeck keeps, in domain verbs. The only implementation speaks SQL through Kysely;
 * a conformance suite holds every dialect to the same behaviour.
 */
export interface Store
  extends
    JobStore,
    RunStore,
    RunLifecycleStore,
    ScheduleStore,
    LogStore,
    AccessStore,
    SessionStore,
    QueueStore,
    SettingStore,
    NotificationStore,
    RetentionStore,
    WorkerStore,
    CalendarStore,
    StatsStore,
    ConsoleStore,
    UserStore,
    LogSearchStore,
    IdleStore {
  readonly traits: DialectTraits;
  /** Where the data lives, without credentials: for messages. */
  readonly location: string;
  /**
   * This store inside a host program's open transaction (PostgreSQL; see host-connection.ts):
   * what it writes is committed or rolled back with the host's work. Refused on SQLite.
   */
  within(tx: HostTransaction): Promise<Store>;

  /** Changes made by this and other processes (see StoreEvent). */
  subscribe(listener: StoreListener): () => void;
  /** Resolves once subscriptions are in effect, so no later change is missed. */
  listening(): Promise<void>;

  close(): Promise<void>;
}
