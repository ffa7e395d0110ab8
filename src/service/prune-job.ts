import type { Job } from '../domain/model.js';
import type { JobService } from './job-service.js';
import type { Store } from '../storage/store.js';
import { PRUNE_HISTORY_TASK_ID } from '../tasks/maintenance/prune-history.js';

/** Marks that the Prune history job was made once; it is never made again, even if deleted. */
const PRUNE_JOB_MARKER = 'retention.prune_job_created';

/**
 * On a first start, creates the daily "Prune history" job (03:30 UTC, default arguments), an
 * ordinary job the admin may edit, pause or delete. A settings row records that it was made, so
 * a later start (in this or any other process) does not make it again; racing processes agree
 * through the row's primary key. Returns the job when this call created it.
 */
export async function ensurePruneJob(store: Store, jobs: JobService): Promise<Job | undefined> {
  if (!(await store.settingInsert(PRUNE_JOB_MARKER, 'pending'))) return undefined;
  try {
    const job = await jobs.create(
      {
        title: 'Prune history',
        description:
          'Built in: deletes run logs older than 90 days and runs older than 365 days, keeping the last 20 runs of each job. Edit its arguments to change that.',
        task: PRUNE_HISTORY_TASK_ID,
        schedule: {
          type: 'crontab',
          minute: '30',
          hour: '3',
          day_of_month: '*',
          month_of_year: '*',
          day_of_week: '*',
          timezone: 'UTC',
        },
      },
      { actor: 'system' },
    );
    await store.settingPut(PRUNE_JOB_MARKER, job.id);
    return job;
  } catch (error) {
    // Not made: let the next start try again.
    await store.settingDelete(PRUNE_JOB_MARKER).catch(() => undefined);
    throw error;
  }
}
