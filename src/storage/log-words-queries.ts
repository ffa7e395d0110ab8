import { sql } from 'kysely';
import type { QueryContext } from './job-queries.js';
import { pgLogWords } from './migrations/0016-log-search.js';
import { inWriteTransaction } from './write-transaction.js';

/** Runs whose waiting lines one transaction indexes. */
const RUNS_PER_BATCH = 100;

/**
 * Moves stored lines that wait for the word index (run_logs_unindexed, migration 0025) into it,
 * a batch of runs per transaction, until none wait or `maxRuns` were done. Returns the number of
 * runs done.
 *
 * PostgreSQL: the waiting rows are locked first, in run order (so a concurrent call waits, then
 * finds them gone); the lines are read by the next statement, which sees every line stored by a
 * transaction that noted the run before the lock; a line stored later notes its run again, after
 * this transaction deletes the row. SQLite has a single writer: the transaction is atomic.
 */
export async function logWordsIndex(ctx: QueryContext, maxRuns = 10_000): Promise<number> {
  let done = 0;
  while (done < maxRuns) {
    const runs = await inWriteTransaction(ctx, async (db) => {
      const { rows } = await sql<{ run_id: number | string; from_seq: number }>`
        select run_id, from_seq from ${ctx.table('run_logs_unindexed')} order by run_id
        limit ${RUNS_PER_BATCH} ${sql.raw(ctx.traits.name === 'postgres' ? 'for update' : '')}`.execute(db);
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => Number(row.run_id));
      const froms = rows.map((row) => row.from_seq);
      if (ctx.traits.name === 'postgres') {
        await sql`insert into ${ctx.table('run_log_words')} (run_id, seq, words)
          select l.run_id, l.seq, ${sql.raw(pgLogWords('l.message'))}
          from unnest(${ids}::bigint[], ${froms}::int[]) as u(run_id, from_seq)
          join ${ctx.table('run_logs')} l on l.run_id = u.run_id and l.seq >= u.from_seq
          on conflict do nothing`.execute(db);
      } else {
        for (const [i, id] of ids.entries()) {
          await sql`insert into run_logs_words (rowid, message)
            select (run_id << 32) | seq, substr(message, 1, 4000) from run_logs
            where run_id = ${id} and seq >= ${froms[i]}`.execute(db);
        }
      }
      await db.deleteFrom('run_logs_unindexed').where('run_id', 'in', ids).execute();
      return rows.length;
    });
    done += runs;
    if (runs < RUNS_PER_BATCH) break;
  }
  return done;
}
