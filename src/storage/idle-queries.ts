import { sql } from 'kysely';
import type { QueryContext } from './job-queries.js';

/** Bounded: the claim index's queued entries of these queues, at most 1,000 of them. */
const SCAN_LIMIT = 1000;

export async function runsNextAvailable(ctx: QueryContext, queues: string[]): Promise<Date | undefined> {
  if (queues.length === 0) return undefined;
  const delayed = ctx.db
    .selectFrom('runs')
    .select('available_at')
    // The literal status lets the planner use the partial claim index.
    .where('status', '=', sql.lit('QUEUED'))
    .where('queue', 'in', queues)
    .where('available_at', '>', ctx.now())
    .limit(SCAN_LIMIT)
    .as('delayed');
  const row = await ctx.db
    .selectFrom(delayed)
    .select((eb) => eb.fn.min('delayed.available_at').as('next'))
    .executeTakeFirst();
  return row?.next == null ? undefined : new Date(Number(row.next));
}
