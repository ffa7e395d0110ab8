import { sql, type Migration } from 'kysely';
import { pgLogWords } from './0016-log-search.js';

/**
 * Log lines are indexed for word search after they are stored, not while (docs/logs.md).
 *
 * The word indexes of migration 0016 were kept in the statement that stores lines, which cut the
 * rate of storing logs (`bench:logs`, under load: SQLite 35,847 → 15,291 lines/s, PostgreSQL
 * 70,241 → 9,260). Now storing a line only notes, per run, the first sequence number not yet
 * indexed (`run_logs_unindexed`: one row per run whose newest lines wait, kept by a trigger), and
 * the store's `logWordsIndex` — called by the maintenance loop, and by a search first — moves the
 * waiting lines into the word index in batches. A search also matches the waiting lines directly
 * (log-search-queries.ts), so a line is found as soon as it is stored.
 *
 * - PostgreSQL: the words move from an expression index on run_logs to a table `run_log_words`
 *   (the line's key and its `tsvector`, GIN-indexed; deleted with its line by a foreign key). A
 *   statement trigger notes the waiting lines: one upsert per run per statement, not per line.
 * - SQLite: the FTS5 table stays; its insert trigger (tokenizing every line as it is stored)
 *   gives way to a row trigger that notes the run (an upsert of a one-row-per-run table that
 *   writes only when the noted sequence number goes down). The delete trigger stays.
 *
 * Lines stored before this migration are already indexed (PostgreSQL copies their words into the
 * new table here, which takes about as long as building the 0016 index did).
 */

export const postgres: Migration = {
  async up(db) {
    await sql`CREATE TABLE run_log_words (
      run_id BIGINT NOT NULL,
      seq INTEGER NOT NULL,
      words tsvector NOT NULL,
      PRIMARY KEY (run_id, seq),
      FOREIGN KEY (run_id, seq) REFERENCES run_logs (run_id, seq) ON DELETE CASCADE)`.execute(db);
    await sql
      .raw(`INSERT INTO run_log_words (run_id, seq, words) SELECT run_id, seq, ${pgLogWords('message')} FROM run_logs`)
      .execute(db);
    await sql`CREATE INDEX run_log_words_words ON run_log_words USING gin (words)`.execute(db);
    await sql`DROP INDEX run_logs_words`.execute(db);
    await sql`CREATE TABLE run_logs_unindexed (run_id BIGINT PRIMARY KEY, from_seq INTEGER NOT NULL)`.execute(db);
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
    const schema = `"${(rows[0]?.schema ?? 'public').replaceAll('"', '""')}"`;
    await sql
      .raw(
        `CREATE FUNCTION jobdeck_log_lines_stored() RETURNS trigger LANGUAGE plpgsql AS $body$
         BEGIN
           -- In run order: two statements noting the same runs lock their rows alike.
           INSERT INTO ${schema}.run_logs_unindexed AS u (run_id, from_seq)
             SELECT run_id, min(seq) FROM stored_lines GROUP BY run_id ORDER BY run_id
             ON CONFLICT (run_id) DO UPDATE SET from_seq = excluded.from_seq WHERE excluded.from_seq < u.from_seq;
           RETURN NULL;
         END $body$`,
      )
      .execute(db);
    await sql`CREATE TRIGGER run_logs_stored AFTER INSERT ON run_logs REFERENCING NEW TABLE AS stored_lines
      FOR EACH STATEMENT EXECUTE FUNCTION jobdeck_log_lines_stored()`.execute(db);
  },
};

export const sqlite: Migration = {
  async up(db) {
    await sql`CREATE TABLE run_logs_unindexed (run_id INTEGER PRIMARY KEY, from_seq INTEGER NOT NULL)`.execute(db);
    await sql`DROP TRIGGER run_logs_words_insert`.execute(db);
    await sql`CREATE TRIGGER run_logs_stored AFTER INSERT ON run_logs BEGIN
        INSERT INTO run_logs_unindexed (run_id, from_seq) VALUES (NEW.run_id, NEW.seq)
          ON CONFLICT (run_id) DO UPDATE SET from_seq = excluded.from_seq WHERE excluded.from_seq < from_seq;
      END`.execute(db);
  },
};
