import { sql, type Migration } from 'kysely';
import * as m0005 from './0005-run-logs-bulk.js';
import * as m0006 from './0006-notifications-retention.js';
import * as m0007 from './0007-run-attempts.js';
import * as m0008 from './0008-list-indexes.js';
import * as m0009 from './0009-jobs-last-run.js';
import * as m0010 from './0010-run-indexes.js';
import * as m0012 from './0012-subruns.js';

/** SQLite migrations. Kept in step with postgres.ts: same tables, columns and meanings. */
export const sqliteMigrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db) {
      await sql`
        CREATE TABLE jobs (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          task TEXT NOT NULL,
          default_queue TEXT NOT NULL,
          active INTEGER NOT NULL DEFAULT 1,
          args TEXT NOT NULL DEFAULT '{}',
          custom_args TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        )`.execute(db);
      // AUTOINCREMENT: ids are never reused, so a run id (and a log cursor) always means one run.
      await sql`
        CREATE TABLE runs (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
          task TEXT NOT NULL,
          title TEXT NOT NULL,
          status TEXT NOT NULL,
          queue TEXT NOT NULL,
          priority INTEGER NOT NULL DEFAULT 0,
          args TEXT NOT NULL DEFAULT '{}',
          custom_args TEXT,
          since INTEGER,
          started_by TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          available_at INTEGER NOT NULL,
          started_at INTEGER,
          finished_at INTEGER,
          heartbeat_at INTEGER,
          worker_id TEXT,
          message TEXT,
          result TEXT,
          total_entries INTEGER,
          inserted_entries INTEGER,
          updated_entries INTEGER,
          errored_entries INTEGER,
          attempt INTEGER NOT NULL DEFAULT 0,
          max_attempts INTEGER NOT NULL DEFAULT 1,
          parent_run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE
        )`.execute(db);
      await sql`CREATE INDEX runs_claim ON runs (queue, priority, id) WHERE status = 'QUEUED'`.execute(db);
      await sql`CREATE INDEX runs_job ON runs (job_id, id)`.execute(db);
      await sql`CREATE INDEX runs_job_status ON runs (job_id, status, started_at)`.execute(db);
      await sql`CREATE INDEX runs_live ON runs (status, heartbeat_at) WHERE status IN ('RUNNING', 'CANCELLING')`.execute(
        db,
      );
      await sql`CREATE INDEX runs_parent ON runs (parent_run_id) WHERE parent_run_id IS NOT NULL`.execute(db);
      await sql`
        CREATE TABLE run_logs (
          run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          time INTEGER NOT NULL,
          level TEXT NOT NULL,
          message TEXT NOT NULL,
          fields TEXT,
          PRIMARY KEY (run_id, seq)
        ) WITHOUT ROWID`.execute(db);
    },
  },
};

sqliteMigrations['0002_schedules'] = {
  async up(db) {
    await sql`ALTER TABLE jobs ADD COLUMN schedule TEXT`.execute(db);
    await sql`ALTER TABLE jobs ADD COLUMN next_run_at INTEGER`.execute(db);
    await sql`ALTER TABLE jobs ADD COLUMN overlap_policy TEXT NOT NULL DEFAULT 'skip'`.execute(db);
    await sql`ALTER TABLE jobs ADD COLUMN misfire_policy TEXT NOT NULL DEFAULT 'once'`.execute(db);
    await sql`CREATE INDEX jobs_due ON jobs (next_run_at) WHERE active = 1 AND next_run_at IS NOT NULL`.execute(db);
    await sql`ALTER TABLE runs ADD COLUMN scheduled_for INTEGER`.execute(db);
    // Exactly once per slot, whatever the number of schedulers.
    await sql`CREATE UNIQUE INDEX runs_job_slot ON runs (job_id, scheduled_for) WHERE scheduled_for IS NOT NULL`.execute(
      db,
    );
    await sql`
      CREATE TABLE skipped_slots (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        scheduled_for INTEGER NOT NULL,
        reason TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX skipped_slots_job ON skipped_slots (job_id, scheduled_for)`.execute(db);
  },
};

sqliteMigrations['0003_access'] = {
  async up(db) {
    // Only the hash of a token's secret is kept: a copy of the database grants no access.
    await sql`
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      )`.execute(db);
    // No foreign key to jobs: the record of what was done outlives the job it was done to.
    // The primary key already orders entries by id (newest first), so no index on id alone.
    await sql`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        time INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        job_id TEXT,
        run_id INTEGER,
        details TEXT,
        request_id TEXT
      )`.execute(db);
    await sql`CREATE INDEX audit_log_job ON audit_log (job_id, id)`.execute(db);
    // Queues are configured, not stored; only their pause state lives here.
    await sql`
      CREATE TABLE queue_states (
        name TEXT PRIMARY KEY,
        paused INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      )`.execute(db);
  },
};

sqliteMigrations['0004_notifications'] = {
  async up(db) {
    await sql`ALTER TABLE jobs ADD COLUMN notification_emails TEXT NOT NULL DEFAULT '[]'`.execute(db);
    await sql`ALTER TABLE jobs ADD COLUMN notification_statuses TEXT NOT NULL DEFAULT '[]'`.execute(db);
  },
};

sqliteMigrations['0006_notifications_retention'] = m0006.sqlite;
sqliteMigrations['0007_run_attempts'] = m0007.sqlite;
sqliteMigrations['0005_run_logs_bulk'] = m0005.sqlite;
sqliteMigrations['0008_list_indexes'] = m0008.sqlite;
sqliteMigrations['0009_jobs_last_run'] = m0009.sqlite;
sqliteMigrations['0010_run_indexes'] = m0010.sqlite;
sqliteMigrations['0012_subruns'] = m0012.sqlite;
