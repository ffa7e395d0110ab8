import { ACTIVE_STATUSES, type RunStatus } from '../domain/run-status.js';
import type { QueryContext } from './job-queries.js';
import { statusIn } from './status-filter.js';
import type { QueueCount } from './store.js';

/**
 * Runs per queue in the live statuses only: these rows are exactly the partial index over queued
 * and going runs, so a scrape stays cheap however many finished runs the table holds.
 */
export async function queueDepth({ db }: QueryContext): Promise<QueueCount[]> {
  const rows = await db
    .selectFrom('runs')
    .select(['queue', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where(statusIn(ACTIVE_STATUSES))
    .groupBy(['queue', 'status'])
    .execute();
  return rows.map((row) => ({ queue: row.queue, status: row.status as RunStatus, count: Number(row.n) }));
}
