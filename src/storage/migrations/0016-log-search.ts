import { sql, type Kysely, type Migration } from 'kysely';
import { subrunFailRulePostgres, subrunFailRuleSqlite } from './0016-subrun-fail-rule.js';

/**
 * Cross-run log search (docs/logs.md), and the per-task sub-run failure rule (see
 * 0016-subrun-fail-rule.ts).
 *
 * A search is by words: a line matches when each word of the query starts a word of the line
 * (case-insensitive; a word is a run of letters and digits, everything else separates words).
 * Only the first SEARCHED_CHARS characters of a line are searched. Each dialect indexes that:
 *
 * - PostgreSQL: a GIN index on the line's words (`tsvector` with the `simple` configuration, no
 *   stemming, no stop words). Core PostgreSQL: no extension (pg_trgm may not be creatable by the
 *   role that migrates). Punctuation is turned into spaces first, so `example.com` or
 *   `/var/log` are words to the parser, as they are to SQLite's tokenizer.
 * - SQLite: an FTS5 table kept by triggers. run_logs has no rowid (WITHOUT ROWID, migration 0001),
 *   so it cannot be the FTS "external content": the FTS table is contentless (stores only the
 *   index) with rowid = run_id << 32 | seq, and `contentless_delete` lets the trigger remove a
 *   deleted line's words (SQLite ≥ 3.43; better-sqlite3 bundles a newer one).
 *
 * Both dialects get an index on (time, run_id, seq), the order of search results (newest first),
 * and a partial one on the warnings and errors, so a level or time search scans only what it shows.
 *
 * On an existing database the indexes are built from the stored lines: about a minute per
 * 10 million lines on PostgreSQL (measured under load, see docs/logs.md), longer on SQLite.
 */

/** Must equal SEARCHED_CHARS in src/domain/log-words.ts. */
const SEARCHED_CHARS = 4000;

/** The indexed expression; log-search-queries.ts uses the same so that the index applies. */
export const pgLogWords = (message: string) =>
  `to_tsvector('simple'::regconfig, regexp_replace(left(${message}, ${SEARCHED_CHARS}), '[^[:alnum:]]+', ' ', 'g'))`;

async function orderIndexes(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX run_logs_time ON run_logs (time, run_id, seq)`.execute(db);
  await sql`CREATE INDEX run_logs_warnings ON run_logs (time, run_id, seq) WHERE level IN ('warn', 'error')`.execute(
    db,
  );
}

export const postgres: Migration = {
  async up(db) {
    await orderIndexes(db);
    await sql.raw(`CREATE INDEX run_logs_words ON run_logs USING gin (${pgLogWords('message')})`).execute(db);
    await subrunFailRulePostgres(db);
  },
};

export const sqlite: Migration = {
  async up(db) {
    await orderIndexes(db);
    await sql`CREATE VIRTUAL TABLE run_logs_words USING fts5(
      message, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
    await sql
      .raw(
        `CREATE TRIGGER run_logs_words_insert AFTER INSERT ON run_logs BEGIN
           INSERT INTO run_logs_words (rowid, message) VALUES ((NEW.run_id << 32) | NEW.seq, substr(NEW.message, 1, ${SEARCHED_CHARS}));
         END`,
      )
      .execute(db);
    await sql`CREATE TRIGGER run_logs_words_delete AFTER DELETE ON run_logs BEGIN
        DELETE FROM run_logs_words WHERE rowid = (OLD.run_id << 32) | OLD.seq;
      END`.execute(db);
    await sql
      .raw(
        `INSERT INTO run_logs_words (rowid, message) SELECT (run_id << 32) | seq, substr(message, 1, ${SEARCHED_CHARS}) FROM run_logs`,
      )
      .execute(db);
    await subrunFailRuleSqlite(db);
  },
};
