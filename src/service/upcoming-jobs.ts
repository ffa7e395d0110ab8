import type { Job } from '../domain/model.js';
import { intervalMs } from '../domain/schedule.js';
import { slotsBetween } from '../domain/schedule-slots.js';

/**
 * A crontab's fires are enumerated up to this many: one a minute for a day, its most in the
 * overview's 24 h window. An interval's are counted by arithmetic (an every-second job is 86,400).
 */
const FIRES_PER_JOB = 1440;

/**
 * A scheduled job due in the overview's window: its next fire and how many fires the window
 * holds. One row per job rather than one per fire, so an every-minute job takes one line and a
 * daily job is not pushed out of the list by it.
 */
export interface UpcomingJob {
  job: Job;
  next: Date;
  /** Fires in the window, the next one included, counted up to FIRES_PER_JOB. */
  fires: number;
  /** The window holds more than FIRES_PER_JOB fires of this job. */
  firesMore: boolean;
}

/** The jobs (read soonest first) that fire before `until`, soonest next fire first. */
export function upcomingJobs(jobs: Job[], until: Date): UpcomingJob[] {
  const due: UpcomingJob[] = [];
  for (const job of jobs) {
    if (!job.schedule || !job.nextRunAt || job.nextRunAt >= until) continue;
    const next = job.nextRunAt;
    if (job.schedule.type === 'interval') {
      // next, next + i, next + 2i, … before until.
      const fires = Math.floor((until.getTime() - 1 - next.getTime()) / intervalMs(job.schedule)) + 1;
      due.push({ job, next, fires, firesMore: false });
      continue;
    }
    // The next run, then the schedule's slots after it (crontab slots are remembered per day).
    const later = slotsBetween(job.schedule, next, new Date(next.getTime() + 1), until, FIRES_PER_JOB - 1);
    due.push({ job, next, fires: 1 + later.slots.length, firesMore: later.more });
  }
  return due.sort((a, b) => a.next.getTime() - b.next.getTime());
}
