import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-schedules.js';
import * as m0003 from './0003-access.js';
import * as m0004 from './0004-notifications.js';
import * as m0005 from './0005-run-logs-bulk.js';
import * as m0006 from './0006-notifications-retention.js';
import * as m0007 from './0007-run-attempts.js';
import * as m0008 from './0008-list-indexes.js';
import * as m0009 from './0009-jobs-last-run.js';
import * as m0010 from './0010-run-indexes.js';
import * as m0011 from './0011-sessions.js';
import * as m0012 from './0012-subruns.js';
import * as m0013 from './0013-job-keys.js';
import * as m0014 from './0014-users.js';
import * as m0015 from './0015-workers.js';
import * as m0016 from './0016-log-search.js';
import * as m0018 from './0018-console-stats.js';
import * as m0020 from './0020-run-failures.js';
import * as m0021 from './0021-job-owner.js';
import * as m0022 from './0022-runs-fillfactor.js';
import * as m0024 from './0024-subrun-ends-per-statement.js';
import * as m0025 from './0025-log-words-async.js';
import * as m0026 from './0026-run-failures-ended.js';
import * as m0027 from './0027-end-indexes.js';
import * as m0028 from './0028-log-run-warnings.js';
import * as m0029 from './0029-subrun-triggers-on-end.js';

/** A migration file: the same change for each dialect (same tables, columns and meanings). */
interface MigrationFile {
  postgres: Migration;
  sqlite: Migration;
}

/**
 * Every migration, in order, one file each. The names are stored in the database's migrations
 * table: never rename one. A new migration is a new file, added at the end here.
 */
const MIGRATIONS: readonly (readonly [name: string, file: MigrationFile])[] = [
  ['0001_initial', m0001],
  ['0002_schedules', m0002],
  ['0003_access', m0003],
  ['0004_notifications', m0004],
  ['0005_run_logs_bulk', m0005],
  ['0006_notifications_retention', m0006],
  ['0007_run_attempts', m0007],
  ['0008_list_indexes', m0008],
  ['0009_jobs_last_run', m0009],
  ['0010_run_indexes', m0010],
  ['0011_sessions', m0011],
  ['0012_subruns', m0012],
  ['0013_job_keys', m0013],
  ['0014_users', m0014],
  ['0015_workers', m0015],
  ['0016_log_search', m0016],
  ['0018_console_stats', m0018],
  ['0020_run_failures', m0020],
  ['0021_job_owner', m0021],
  ['0022_runs_fillfactor', m0022],
  ['0024_subrun_ends_per_statement', m0024],
  ['0025_log_words_async', m0025],
  ['0026_run_failures_ended', m0026],
  ['0027_end_indexes', m0027],
  ['0028_log_run_warnings', m0028],
  ['0029_subrun_triggers_on_end', m0029],
];

/** The migrations of one dialect, by name, as Kysely's migrator takes them. */
export function migrationsFor(dialect: keyof MigrationFile): Record<string, Migration> {
  return Object.fromEntries(MIGRATIONS.map(([name, file]) => [name, file[dialect]]));
}
