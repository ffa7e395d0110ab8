import type { Generated } from 'kysely';
import type { JobPlainColumns } from '../domain/job-contract.js';

/**
 * Table shapes as Kysely sees them. Times are epoch milliseconds and JSON is text on both
 * dialects (PostgreSQL stores it as jsonb but hands it back as text), so rows read the same
 * everywhere and the mapping to domain objects lives in one place (rows.ts).
 */
/** The plain settings' columns come from the job contract (max_attempts, retry_partial, owner…). */
export interface JobsTable extends JobPlainColumns {
  id: string;
  title: string;
  description: string;
  task: string;
  default_queue: string;
  active: number | boolean;
  args: string;
  custom_args: string | null;
  schedule: string | null;
  next_run_at: number | null;
  overlap_policy: string;
  misfire_policy: string;
  notification_emails: string;
  notification_statuses: string;
  notification_webhooks: string;
  notify_running_longer_than: number | null;
  /** JSON HistoryAlerts or NULL (migration 0018). */
  history_alerts: string | null;
  created_at: number;
  updated_at: number;
  /** Highest run id of the job, 0 if never run; kept for the last-run order (migration 0009). */
  last_run_id: Generated<number>;
  /** Stable name of a job declared in code or applied from a file (migration 0013). */
  key: string | null;
  /** JSON list of the fields the host's code sets (migration 0013). */
  managed_fields: string | null;
}

export interface RunsTable {
  id: Generated<number>;
  job_id: string;
  task: string;
  title: string;
  status: string;
  queue: string;
  priority: number;
  args: string;
  custom_args: string | null;
  since: number | null;
  started_by: string;
  created_at: number;
  available_at: number;
  started_at: number | null;
  finished_at: number | null;
  heartbeat_at: number | null;
  worker_id: string | null;
  message: string | null;
  result: string | null;
  total_entries: number | null;
  inserted_entries: number | null;
  updated_entries: number | null;
  errored_entries: number | null;
  attempt: number;
  max_attempts: number;
  parent_run_id: number | null;
  scheduled_for: number | null;
  /** The failed run's stack trace, for admins only (0011). */
  error_stack: Generated<string | null>;
  /** Sub-run counters and the sums of the sub-runs' entry counters (migration 0012). */
  total_subruns: Generated<number>;
  completed_subruns: Generated<number>;
  failed_subruns: Generated<number>;
  sub_total_entries: Generated<number>;
  sub_inserted_entries: Generated<number>;
  sub_updated_entries: Generated<number>;
  sub_errored_entries: Generated<number>;
  /** A WAITING parent's own outcome, applied when its last sub-run ends. */
  pending_status: string | null;
  /** Migration 0016: the parent fails once this share of its sub-runs failed (NULL: never). */
  subrun_fail_ratio: number | null;
}

export interface SkippedSlotsTable {
  id: Generated<number>;
  job_id: string;
  scheduled_for: number;
  reason: string;
  created_at: number;
}

export interface RunLogsTable {
  run_id: number;
  seq: number;
  time: number;
  level: string;
  message: string;
  fields: string | null;
}

/** Runs with lines not yet in the word index: those from `from_seq` on (migration 0025). */
interface RunLogsUnindexedTable {
  run_id: number;
  from_seq: number;
}

/** PostgreSQL only: the words of indexed lines (migration 0025); SQLite has run_logs_words (FTS5). */
interface RunLogWordsTable {
  run_id: number;
  seq: number;
  words: string;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** Sign-in sessions (0011, domain/session.ts). */
export interface SessionsTable {
  id: string;
  secret_hash: string;
  subject_kind: string;
  subject_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  revoked_at: number | null;
  user_agent: string | null;
}

/** People's accounts (0014, domain/user.ts). */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  disabled: number | boolean;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
}

/** One-time sign-in secrets by hash (0014): setup links, OpenID Connect states. */
interface SignInTicketsTable {
  secret_hash: string;
  purpose: string;
  data: string;
  expires_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  time: number;
  actor: string;
  action: string;
  job_id: string | null;
  run_id: number | null;
  details: string | null;
  request_id: string | null;
}

interface QueueStatesTable {
  name: string;
  paused: number | boolean;
  updated_at: number;
}

interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

/** The notification outbox: one row per delivery (event × channel × target). */
export interface NotificationsTable {
  id: Generated<number>;
  job_id: string;
  run_id: number | null;
  event: string;
  status: string;
  channel: string;
  target: string;
  secret: string | null;
  dedupe_key: string;
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface NotificationAttemptsTable {
  id: Generated<number>;
  notification_id: number;
  attempt: number;
  time: number;
  outcome: string;
  error: string | null;
  duration_ms: number;
}

export interface Database {
  jobs: JobsTable;
  runs: RunsTable;
  run_logs: RunLogsTable;
  run_logs_unindexed: RunLogsUnindexedTable;
  run_log_words: RunLogWordsTable;
  skipped_slots: SkippedSlotsTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  users: UsersTable;
  sign_in_tickets: SignInTicketsTable;
  audit_log: AuditLogTable;
  queue_states: QueueStatesTable;
  settings: SettingsTable;
  notifications: NotificationsTable;
  notification_attempts: NotificationAttemptsTable;
  run_attempts: RunAttemptsTable;
  workers: WorkersTable;
}

/** One try of a run: kept when the run is retried or rescued, and when it ends. */
interface RunAttemptsTable {
  run_id: number;
  attempt: number;
  worker_id: string | null;
  started_at: number | null;
  finished_at: number;
  status: string;
  message: string | null;
}

/** One worker process (migration 0015); `queues` is a JSON list. */
export interface WorkersTable {
  id: string;
  host: string;
  pid: number;
  version: string;
  queues: string;
  concurrency: number;
  busy: number;
  started_at: number;
  heartbeat_at: number;
  ended_at: number | null;
  ended: string | null;
}
