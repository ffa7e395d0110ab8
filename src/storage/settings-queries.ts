import type { QueryContext } from './job-queries.js';

/** A small key/value table: scan cursors and one-time markers (e.g. "Prune history was created"). */

export async function settingGet({ db }: QueryContext, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function settingPut(ctx: QueryContext, key: string, value: string): Promise<void> {
  await ctx.db
    .insertInto('settings')
    .values({ key, value, updated_at: ctx.now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: ctx.now() }))
    .execute();
}

/** Inserts the setting unless it exists; true if this call inserted it (a one-time marker). */
export async function settingInsert(ctx: QueryContext, key: string, value: string): Promise<boolean> {
  const row = await ctx.db
    .insertInto('settings')
    .values({ key, value, updated_at: ctx.now() })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function settingDelete({ db }: QueryContext, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}
