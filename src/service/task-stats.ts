import { percentile } from '../domain/percentile.js';
import type { RunStatus } from '../domain/run-status.js';
import type { Store } from '../storage/store.js';
import type { TaskRunSample } from '../storage/worker-store.js';

/** Runs a task page reads at most, and by default: the window of its percentiles. */
export const TASK_STATS_MAX_WINDOW = 1000;
export const TASK_STATS_DEFAULT_WINDOW = 200;
/** The newest runs listed with the figures. */
const RECENT = 10;

export interface TaskStats {
  task: string;
  /** Runs asked for, and runs found (fewer when the task has run fewer times). */
  window: number;
  runs: number;
  /** Finish time of the oldest run in the window. */
  since: Date | null;
  outcomes: Partial<Record<RunStatus, number>>;
  /** Over the runs in the window that started (a run stopped while queued has no duration). */
  durationMs: { p50: number | null; p95: number | null; max: number | null; samples: number };
  recent: (TaskRunSample & { durationMs: number | null })[];
}

const durationOf = (run: TaskRunSample) =>
  run.startedAt ? Math.max(0, run.finishedAt.getTime() - run.startedAt.getTime()) : null;

/** Outcomes and duration percentiles of a task's last `window` finished runs (one indexed read). */
export async function taskStats(store: Store, task: string, window: number): Promise<TaskStats> {
  const runs = await store.taskRecentRuns(task, window);
  const outcomes: Partial<Record<RunStatus, number>> = {};
  for (const run of runs) outcomes[run.status] = (outcomes[run.status] ?? 0) + 1;
  const durations = runs.map(durationOf).filter((ms): ms is number => ms !== null);
  return {
    task,
    window,
    runs: runs.length,
    since: runs.at(-1)?.finishedAt ?? null,
    outcomes,
    durationMs: {
      p50: percentile(durations, 0.5),
      p95: percentile(durations, 0.95),
      max: durations.length ? Math.max(...durations) : null,
      samples: durations.length,
    },
    recent: runs.slice(0, RECENT).map((run) => ({ ...run, durationMs: durationOf(run) })),
  };
}
