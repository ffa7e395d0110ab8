import { sql, type RawBuilder } from 'kysely';
import type { RunStatus } from '../domain/run-status.js';

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
