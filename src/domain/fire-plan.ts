import type { Job } from './model.js';
import { resolveRunArgs } from './run-args.js';
import { nextFireAfter } from './schedule-times.js';
import type { TaskRegistry } from './task-registry.js';

/** The state of a due job as the scheduler sees it (mirrors storage's DueJob). */
export interface DueJobState {
  job: Job;
  queuedRuns: number;
  runningRuns: number;
  lastSuccessStartedAt: Date | null;
}

interface PlannedRun {
  jobId: string;
  task: string;
  title: string;
  queue: string;
  args: Job['args'];
  customArgs: Job['customArgs'];
  since: Date | null;
  startedBy: string;
  scheduledFor: Date;
  maxAttempts: number;
}

export interface Plan {
  runs: PlannedRun[];
  skips: { scheduledFor: Date; reason: string }[];
  nextRunAt: Date | null;
}

export interface PlanOptions {
  /** A slot later than this is "missed" and handled by the misfire policy (default 5 s). */
  misfireGraceMs?: number;
  /** With misfire policy `all`, at most this many missed slots still run (default 100). */
  maxCatchUp?: number;
}

const MAX_SLOTS = 10_000;

/**
 * Decides what firing a due job does: which slots become runs and which are skipped (with the
 * reason), and when it is due next. Misfire policy first (missed slots), then overlap policy.
 */
export function planFiring(due: DueJobState, now: Date, tasks: TaskRegistry, options: PlanOptions = {}): Plan {
  const { job } = due;
  const graceMs = options.misfireGraceMs ?? 5000;
  const maxCatchUp = options.maxCatchUp ?? 100;
  const plan: Plan = { runs: [], skips: [], nextRunAt: null };
  if (!job.schedule || !job.nextRunAt) return plan;

  const slots: Date[] = [];
  let slot = job.nextRunAt;
  while (slot.getTime() <= now.getTime() && slots.length < MAX_SLOTS) {
    slots.push(slot);
    slot = nextFireAfter(job.schedule, slot);
  }
  // Past MAX_SLOTS (a long outage of a seconds-interval job) the rest are skipped unrecorded,
  // but the next slot is still the first one after now.
  while (slot.getTime() <= now.getTime()) slot = nextFireAfter(job.schedule, slot);
  plan.nextRunAt = slot;

  const skip = (s: Date, reason: string) => plan.skips.push({ scheduledFor: s, reason });
  const late = slots.filter((s) => now.getTime() - s.getTime() > graceMs);
  const onTime = slots.slice(late.length);
  let chosen: Date[] = onTime;
  if (late.length) {
    if (job.misfirePolicy === 'skip') {
      late.forEach((s) => skip(s, 'missed: no scheduler was running (misfire policy skip)'));
    } else if (job.misfirePolicy === 'once') {
      late.slice(0, -1).forEach((s) => skip(s, 'missed: folded into one catch-up run (misfire policy once)'));
      chosen = [late[late.length - 1]!, ...onTime];
    } else {
      late.slice(0, -maxCatchUp).forEach((s) => skip(s, `missed: more than ${maxCatchUp} slots to catch up`));
      chosen = [...late.slice(-maxCatchUp), ...onTime];
    }
  }

  let queued = due.queuedRuns;
  const running = due.runningRuns;
  for (const s of chosen) {
    if (job.overlapPolicy === 'skip' && queued + running > 0) {
      skip(s, 'overlap: a run of this job was still queued or running (overlap policy skip)');
      continue;
    }
    if (job.overlapPolicy === 'queue' && queued > 0) {
      skip(s, 'overlap: a run of this job was already waiting (overlap policy queue)');
      continue;
    }
    const task = tasks.find(job.task);
    if (!task) {
      skip(s, `error: task "${job.task}" is not registered in this scheduler`);
      continue;
    }
    try {
      const resolved = resolveRunArgs({ task, jobArgs: job.args, jobCustomArgs: job.customArgs });
      plan.runs.push({
        jobId: job.id,
        task: job.task,
        title: job.title,
        queue: job.defaultQueue,
        args: resolved.args,
        customArgs: resolved.customArgs,
        since: due.lastSuccessStartedAt,
        startedBy: 'system',
        scheduledFor: s,
        maxAttempts: job.maxAttempts ?? 1,
      });
      queued += 1;
    } catch (error) {
      skip(s, `error: the job's saved arguments do not fit its task: ${(error as Error).message}`);
    }
  }
  return plan;
}
