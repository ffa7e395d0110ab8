import type { Job } from '../domain/model.js';
import type { JobPlainSettings } from '../domain/job-contract.js';
import type { Page } from './page.js';

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

/** Jobs: their definitions, kept and listed. */
export interface JobStore {
  jobCreate(job: Job): Promise<Job>;
  jobGet(id: string): Promise<Job | undefined>;
  /** The job declared or applied with this key (migration 0013). */
  jobGetByKey(key: string): Promise<Job | undefined>;
  jobList(filter: JobFilter): Promise<Page<Job>>;
  jobUpdate(id: string, changes: JobChanges): Promise<Job | undefined>;
  /** Deletes the job with its runs and their logs. */
  jobDelete(id: string): Promise<boolean>;
  jobHasActiveRuns(id: string): Promise<boolean>;
}
