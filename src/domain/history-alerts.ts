import { ValidationError, fieldError } from './errors.js';

/**
 * Alerts measured against a job's own history rather than a fixed number of seconds: a run slower
 * than `slowerThanP95` × the p95 duration of the job's last `p95Runs` successful runs, and a
 * streak of `afterFailures` failed runs in a row. Each is told once (per run, per streak).
 */
export interface HistoryAlerts {
  /** Factor N (e.g. 2 = twice the p95); null: no slow-run alert. */
  slowerThanP95: number | null;
  /** M: how many of the latest successful runs make the p95. */
  p95Runs: number;
  /** K: tell after this many failures in a row; null: no streak alert. */
  afterFailures: number | null;
}

const P95_RUNS_DEFAULT = 50;
const P95_RUNS_MAX = 500;
/** Fewer successful runs than this say too little about "usual": no slow-run alert yet. */
export const P95_MIN_SAMPLES = 5;
const FACTOR_MIN = 1;
const FACTOR_MAX = 100;
const FAILURES_MAX = 100;
const FIELD = 'history_alerts';

/** The wire form: `{slower_than_p95, p95_runs, after_failures}`, or null for none. */
export interface HistoryAlertsWire {
  slower_than_p95: number | null;
  p95_runs: number;
  after_failures: number | null;
}

export function historyAlertsToWire(alerts: HistoryAlerts | null | undefined): HistoryAlertsWire | null {
  if (!alerts) return null;
  return { slower_than_p95: alerts.slowerThanP95, p95_runs: alerts.p95Runs, after_failures: alerts.afterFailures };
}

/**
 * Validates the wire form (null, or an object whose fields may each be null/absent); an object
 * asking for nothing is stored as null. Throws a ValidationError naming `history_alerts.<field>`.
 */
export function parseHistoryAlerts(value: unknown): HistoryAlerts | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError('Not valid.', [
      fieldError(FIELD, 'Must be {slower_than_p95, p95_runs, after_failures} or null.'),
    ]);
  }
  const input = value as Record<string, unknown>;
  const problems = Object.keys(input)
    .filter((key) => !['slower_than_p95', 'p95_runs', 'after_failures'].includes(key))
    .map((key) => fieldError(`${FIELD}.${key}`, 'Unknown field.'));
  const number = (key: string, min: number, max: number, whole: boolean): number | null => {
    const raw = input[key];
    if (raw === null || raw === undefined || raw === '' || raw === 0) return null;
    const n = typeof raw === 'string' ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
      problems.push(
        fieldError(
          `${FIELD}.${key}`,
          `Must be ${whole ? 'a whole number' : 'a number'} between ${min} and ${max}, or null.`,
        ),
      );
      return null;
    }
    // Two decimals are plenty for a factor, and keep "1.5 × p95" readable everywhere.
    return whole ? n : Math.round(n * 100) / 100;
  };
  const alerts: HistoryAlerts = {
    slowerThanP95: number('slower_than_p95', FACTOR_MIN, FACTOR_MAX, false),
    p95Runs: number('p95_runs', P95_MIN_SAMPLES, P95_RUNS_MAX, true) ?? P95_RUNS_DEFAULT,
    afterFailures: number('after_failures', 1, FAILURES_MAX, true),
  };
  if (problems.length) throw new ValidationError('Not valid.', problems);
  return alerts.slowerThanP95 === null && alerts.afterFailures === null ? null : alerts;
}

/**
 * The p-th percentile (0–100) of the values, interpolated between the closest ranks as
 * PostgreSQL's percentile_cont does; null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}
