import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Room on each page of `runs` for a run's two rewrites (claim, final state) on PostgreSQL. Every
 * update of a run changes `status`, so none is HOT, but one that stays on its page is logged as
 * the changed middle of the row, and one that must move is logged whole plus a lock record on the
 * old page. With fillfactor 85 most claims and ends moved; with 50 nearly all stay
 * (`npm run bench:drain -- --detail`: WAL per run 1,540 → 1,360 bytes, lock records per run
 * 2.3 → 1.3). The price is space: rows are packed at most half full when inserted, so the
 * history's heap is up to ~1.7× larger (indexes are unchanged). It applies to pages filled from
 * now on. SQLite has no fillfactor.
 */
export const postgres: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE runs SET (fillfactor = 50)`.execute(db);
  },
};

export const sqlite: Migration = {
  async up() {},
};
