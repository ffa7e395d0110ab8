import { LRUCache } from 'lru-cache';
import { P95_MIN_SAMPLES, percentile } from '../domain/history-alerts.js';
import type { Job, Run } from '../domain/model.js';
import type { HistoryAlertDetail } from '../domain/notification.js';
import type { Store } from '../storage/store.js';

/** The longest a job's "too few successful runs" is cached (see HistoryAlertScanner). */
const TOO_FEW_TTL_MS = 2_000;

type Found<K extends HistoryAlertDetail['kind']> = {
  run: Run;
  job: Job;
  detail: Extract<HistoryAlertDetail, { kind: K }>;
};

/**
 * Finds the events of the alerts relative to history (domain/history-alerts.ts) for the
 * notification service:
 * - slow runs: going runs of jobs with a factor, compared with the p95 of the job's last M
 *   successful runs. The p95 is cached per job for `p95TtlMs`, so a pass reads the runs going
 *   now, and the history of a job at most once per TTL, not on every tick;
 * - failure streaks: a FAILED run that is exactly the K-th failure in a row (cancelled runs are
 *   skipped), found by reading at most K + 1 of the job's latest ended runs. Only the K-th
 *   failure of a streak fires, and the dedupe key names the streak's first run: once per streak.
 */
export class HistoryAlertScanner {
  readonly #store: Store;
  readonly #p95: LRUCache<string, { p95Ms: number | null; runs: number }>;
  /** Failed runs already looked at (the notifier rescans its lag window on every pass). */
  readonly #checked = new LRUCache<number, true>({ max: 10_000 });
  /**
   * How long "too few successful runs for a p95" is kept. Short: the job reaching its 5th success
   * must arm the alert for the run going next, which on a new job often starts within a minute
   * (a whole TTL of "no p95" let a 20 s run at 10 × p95 end untold).
   */
  readonly #tooFewTtlMs: number;

  constructor(store: Store, p95TtlMs = 60_000) {
    this.#store = store;
    this.#p95 = new LRUCache({ max: 10_000, ttl: Math.max(1, p95TtlMs) });
    this.#tooFewTtlMs = Math.max(1, Math.min(p95TtlMs, TOO_FEW_TTL_MS));
  }

  async slowRuns(now: number): Promise<Found<'slow_run'>[]> {
    const found: Found<'slow_run'>[] = [];
    for (const { run, job } of await this.#store.runsGoingWithHistoryAlerts()) {
      const factor = job.historyAlerts?.slowerThanP95;
      if (!factor || !run.startedAt) continue;
      const { p95Ms, runs } = await this.#p95Of(job);
      if (p95Ms === null) continue;
      const limitMs = Math.round(factor * p95Ms);
      if (now - run.startedAt.getTime() <= limitMs) continue;
      found.push({
        run,
        job,
        detail: { kind: 'slow_run', p95_ms: Math.round(p95Ms), factor, of_runs: runs, limit_ms: limitMs },
      });
    }
    return found;
  }

  async streaks(ended: readonly { run: Run; job: Job }[]): Promise<Found<'failure_streak'>[]> {
    const found: Found<'failure_streak'>[] = [];
    for (const { run, job } of ended) {
      const k = job.historyAlerts?.afterFailures;
      if (!k || run.status !== 'FAILED' || !run.finishedAt || this.#checked.has(run.id)) continue;
      const latest = await this.#store.runsEndedUpTo(job.id, { time: run.finishedAt.getTime(), id: run.id }, k + 1);
      this.#checked.set(run.id, true);
      const streak = latest.slice(0, k);
      const reached = streak.length === k && streak.every((r) => r.status === 'FAILED');
      // A longer streak was told at its K-th failure already.
      if (!reached || latest[k]?.status === 'FAILED') continue;
      found.push({ run, job, detail: { kind: 'failure_streak', failures: k, first_run_id: streak[k - 1]!.id } });
    }
    return found;
  }

  async #p95Of(job: Job): Promise<{ p95Ms: number | null; runs: number }> {
    const runs = job.historyAlerts?.p95Runs ?? 0;
    const key = `${job.id}:${runs}`;
    const cached = this.#p95.get(key);
    if (cached) return cached;
    const points = await this.#store.statsRunPoints({ jobId: job.id }, runs, true);
    const durations = points.map((p) => p.durationMs);
    const value = {
      p95Ms: durations.length >= P95_MIN_SAMPLES ? percentile(durations, 95) : null,
      runs: durations.length,
    };
    this.#p95.set(key, value, value.p95Ms === null ? { ttl: this.#tooFewTtlMs } : undefined);
    return value;
  }
}
