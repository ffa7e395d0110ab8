import { sql } from 'kysely';
import type { QueryContext } from './job-queries.js';

/**
 * PostgreSQL: whether ANALYZE's statistics of run_log_words say that a search's words are rare,
 * so that its page is read by the word index at once (log-search-queries.ts).
 *
 * ANALYZE keeps the most common words of the `words` column with their frequencies (pg_stats'
 * `most_common_elems`, about the 1,000 most frequent at the default statistics target; at
 * 10,000,000 lines of the bench, the 12 words that are in 1 line in 1,000 or more). A word not
 * among them is rarer than all of them, and so is a line having it and other words: the newest
 * lines (NEAR_LINES, matched one by one: 110 ms for 5,000 lines) would not fill a page, and the
 * search would go to the word index after. `undefined` when there are no statistics yet (a new or
 * small table): the search then tries the newest lines first, as without this.
 */
export async function pgRareWords(ctx: QueryContext, words: string[]): Promise<boolean | undefined> {
  // The table's schema from its rows' tableoid: Jobdeck's schema is named in table(), not in SQL.
  const { rows } = await sql<{ elems: string | null }>`
    select s.most_common_elems::text as elems from pg_stats s
    where s.attname = 'words' and s.tablename = 'run_log_words' and s.schemaname = (
      select n.nspname from pg_namespace n join pg_class c on c.relnamespace = n.oid
      where c.oid = (select w.tableoid from ${ctx.table('run_log_words')} w limit 1))`.execute(ctx.db);
  const elems = rows[0]?.elems;
  if (!elems) return undefined;
  // The text form of a text[]: {a,b,"c d"}; words are letters and digits, never quoted.
  const common = new Set(elems.replace(/^\{|\}$/g, '').split(','));
  return words.some((word) => !common.has(word.toLowerCase()));
}
