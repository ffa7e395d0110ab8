import { sql, type RawBuilder } from 'kysely';
import { ACTIVE_STATUSES, type RunStatus } from '../domain/run-status.js';
import type { DialectTraits } from './dialect.js';

/**
 * `status IN ('A', 'B')` with the statuses as literals, not parameters: a partial index over
 * some statuses (queued, going, successful runs) is used only when the planner can see that the
 * query's statuses fall within the index's — neither SQLite nor a generic PostgreSQL plan looks
 * inside parameters for that.
 */
export function statusIn(statuses: readonly RunStatus[], column = 'status'): RawBuilder<boolean> {
  const ref = sql.ref(column);
  return statuses.length === 1
    ? sql<boolean>`${ref} = ${sql.lit(statuses[0])}`
    : sql<boolean>`${ref} IN (${sql.join(statuses.map((s) => sql.lit(s)))})`;
}

/** The status sets of the partial indexes over runs: runs_active; runs_job_failures (per job). */
const ACTIVE_SET: readonly RunStatus[] = ACTIVE_STATUSES;
const FAILURE_SET: readonly RunStatus[] = ['FAILED', 'PARTIAL_SUCCESS'];

/**
 * statusIn, plus, where the dialect needs it, the predicate of the partial index whose statuses
 * hold them all: at 1,000,000 runs SQLite scanned the table for the running runs (650 ms) and read
 * all of a busy job's runs for its FAILED ones (414 ms); with the predicate repeated, under 1 ms.
 * The failures' index only pays for one job's runs (`perJob`): over all jobs SQLite then sorted
 * every failed run for a page (104 -> 470 ms p50).
 */
export function statusWithin(
  traits: DialectTraits,
  statuses: readonly RunStatus[],
  perJob = false,
): RawBuilder<boolean> {
  const exact = statusIn(statuses);
  if (!traits.repeatIndexPredicate) return exact;
  const sets = perJob ? [ACTIVE_SET, FAILURE_SET] : [ACTIVE_SET];
  const set = sets.find((s) => statuses.every((status) => s.includes(status)));
  return set && set.length !== statuses.length ? sql<boolean>`${exact} AND ${statusIn(set)}` : exact;
}
