import { ValidationError, fieldError } from '../domain/errors.js';
import { percentile } from '../domain/history-alerts.js';
import { FINAL_STATUSES, type RunStatus } from '../domain/run-status.js';
import type { StatsScope } from '../storage/stats-store.js';
import type { Store } from '../storage/store.js';
import type { JobService } from './job-service.js';

/** Bounds of the chart windows: every read is a bounded number of rows, whatever the history. */
export const STATS_LIMITS = {
  runs: { max: 500, default: 100 },
  days: { max: 90, default: 30 },
  hours: { max: 72, default: 24 },
  /** Aggregates read at most this many of a window's newest runs (and say when there were more). */
  maxRows: 20_000,
} as const;

const HOUR_MS = 3_600_000;

export interface RunStatsWire {
  scope: { job: string | null; task: string | null };
  points: {
    id: number;
    job_id: string;
    status: RunStatus;
    started: string;
    finished: string;
    duration_ms: number;
    inserted: number | null;
    updated: number | null;
    errored: number | null;
  }[];
  /** Over the successful runs among the points: the same runs the slow-run alert measures. */
  p50_ms: number | null;
  p95_ms: number | null;
  successes: number;
}

export interface OutcomeStatsWire {
  scope: { job: string | null; task: string | null };
  from: string;
  until: string;
  days: { day: string; counts: Partial<Record<RunStatus, number>>; total: number }[];
  truncated: boolean;
}

export interface QueueStatsWire {
  from: string;
  until: string;
  bucket_ms: number;
  buckets: {
    start: string;
    queue: string;
    finished: number;
    failed: number;
    wait_avg_ms: number | null;
    wait_max_ms: number | null;
  }[];
  truncated: boolean;
}

/** The charts' numbers (GET /api/stats/*): validated bounded windows over the stats store verbs. */
export class StatsService {
  constructor(
    private readonly store: Store,
    private readonly jobs: JobService,
    private readonly clock: () => number = Date.now,
  ) {}

  async runs(query: {
    job?: string | undefined;
    task?: string | undefined;
    limit?: number | undefined;
  }): Promise<RunStatsWire> {
    const scope = await this.#scope(query);
    const limit = bounded('limit', query.limit, 1, STATS_LIMITS.runs);
    const points = await this.store.statsRunPoints(scope, limit);
    const successes = points.filter((p) => p.status === 'SUCCESS').map((p) => p.durationMs);
    const round = (n: number | null) => (n === null ? null : Math.round(n));
    return {
      scope: scopeWire(scope),
      // Oldest first: the order a chart's x axis reads.
      points: points.reverse().map((p) => ({
        id: p.id,
        job_id: p.jobId,
        status: p.status,
        started: p.startedAt.toISOString(),
        finished: p.finishedAt.toISOString(),
        duration_ms: p.durationMs,
        inserted: p.inserted,
        updated: p.updated,
        errored: p.errored,
      })),
      p50_ms: round(percentile(successes, 50)),
      p95_ms: round(percentile(successes, 95)),
      successes: successes.length,
    };
  }

  async outcomes(query: {
    job?: string | undefined;
    task?: string | undefined;
    days?: number | undefined;
  }): Promise<OutcomeStatsWire> {
    const scope = await this.#scope(query);
    const days = bounded('days', query.days, 1, STATS_LIMITS.days);
    const until = new Date(this.clock());
    // Whole UTC days: today and the days - 1 before it.
    const from = new Date(Math.floor(until.getTime() / 86_400_000 - days + 1) * 86_400_000);
    const result = await this.store.statsOutcomes(scope, from, until, STATS_LIMITS.maxRows);
    const byDay = new Map<string, OutcomeStatsWire['days'][number]>();
    for (let t = from.getTime(); t <= until.getTime(); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      byDay.set(day, { day, counts: {}, total: 0 });
    }
    for (const item of result.items) {
      const entry = byDay.get(item.day.toISOString().slice(0, 10));
      if (!entry || !FINAL_STATUSES.includes(item.status)) continue;
      entry.counts[item.status] = (entry.counts[item.status] ?? 0) + item.count;
      entry.total += item.count;
    }
    return {
      scope: scopeWire(scope),
      from: from.toISOString(),
      until: until.toISOString(),
      days: [...byDay.values()],
      truncated: result.truncated,
    };
  }

  async queues(query: { hours?: number | undefined }): Promise<QueueStatsWire> {
    const hours = bounded('hours', query.hours, 1, STATS_LIMITS.hours);
    // Quarter hours for short windows, hours beyond: at most 72 points per queue.
    const bucketMs = hours <= 6 ? HOUR_MS / 4 : HOUR_MS;
    const until = new Date(this.clock());
    const from = new Date((Math.floor(until.getTime() / bucketMs) + 1) * bucketMs - hours * HOUR_MS);
    const result = await this.store.statsQueues(from, until, bucketMs, STATS_LIMITS.maxRows);
    return {
      from: from.toISOString(),
      until: until.toISOString(),
      bucket_ms: bucketMs,
      buckets: result.items.map((b) => ({
        start: b.start.toISOString(),
        queue: b.queue,
        finished: b.finished,
        failed: b.failed,
        wait_avg_ms: b.waitAvgMs,
        wait_max_ms: b.waitMaxMs,
      })),
      truncated: result.truncated,
    };
  }

  /** Exactly one of job and task; a job must exist (404 otherwise), a task is any name. */
  async #scope(query: { job?: string | undefined; task?: string | undefined }): Promise<StatsScope> {
    const job = query.job?.trim() || undefined;
    const task = query.task?.trim() || undefined;
    if ((job === undefined) === (task === undefined)) {
      throw new ValidationError('Not valid.', [fieldError('job', 'Give either job or task (exactly one).')]);
    }
    if (job !== undefined) return { jobId: (await this.jobs.get(job)).id };
    return { task: task! };
  }
}

function scopeWire(scope: StatsScope) {
  return { job: scope.jobId ?? null, task: scope.task ?? null };
}

function bounded(field: string, value: number | undefined, min: number, limits: { max: number; default: number }) {
  if (value === undefined) return limits.default;
  if (!Number.isInteger(value) || value < min || value > limits.max) {
    throw new ValidationError('Not valid.', [
      fieldError(field, `Must be a whole number between ${min} and ${limits.max}.`),
    ]);
  }
  return value;
}
