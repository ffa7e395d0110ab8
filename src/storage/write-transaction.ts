import { sql, type Kysely } from 'kysely';
import type { QueryContext } from './job-queries.js';
import type { Database } from './schema.js';

/**
 * Runs `fn` in a write transaction on one connection (BEGIN IMMEDIATE on SQLite, so two writers
 * never both read then fail to upgrade their lock). For statements that must see and change rows
 * atomically: attempts, schedule firings, sub-runs.
 */
export async function inWriteTransaction<T>(ctx: QueryContext, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.db.connection().execute(async (db) => {
    await ctx.traits.beginWrite.execute(db);
    try {
      const result = await fn(db);
      await sql`commit`.execute(db);
      return result;
    } catch (error) {
      await sql`rollback`.execute(db).catch(() => undefined);
      throw error;
    }
  });
}
