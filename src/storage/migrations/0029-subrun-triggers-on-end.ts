import { sql, type Migration } from 'kysely';

/**
 * SQLite: the sub-run triggers fire on the write of a run's end (`finished_at`), not on every
 * change of its status.
 *
 * `runs_subrun_ended` and `runs_parent_ended` (0012, rebuilt by 0016) are row triggers `AFTER
 * UPDATE OF status`. Their WHEN only holds when a run reaches a final status, but SQLite still
 * starts each trigger's program for every row whose UPDATE names `status`: the claim of every run
 * paid for two, ~1 µs per run of a ~10 µs claim (docs/performance.md, "SQLite drain (wave 2
 * session 5)"). Every statement that gives a run a final status also sets its `finished_at` (the
 * worker's finish, transitions, stops, the lost-worker sweep, and these triggers themselves; the
 * end-of-run indexes of 0026/0027 rely on it too), so firing on `finished_at` sees every end and
 * skips the claim. The bodies and WHEN clauses are kept byte for byte from the schema.
 *
 * PostgreSQL: nothing. Its claim is a prepared statement (prepared-run-statements.ts), and its
 * children's ends are counted per statement (0024).
 */
const TRIGGERS = ['runs_subrun_ended', 'runs_parent_ended'];
const BEFORE = 'AFTER UPDATE OF status ON runs';
const AFTER = 'AFTER UPDATE OF finished_at ON runs';

export const sqlite: Migration = {
  async up(db) {
    const { rows } = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master
      WHERE type = 'trigger' AND name IN (${sql.join(TRIGGERS)})`.execute(db);
    for (const name of TRIGGERS) {
      const trigger = rows.find((row) => row.name === name);
      if (!trigger?.sql.includes(BEFORE)) throw new Error(`Migration 0029: trigger ${name} is not as 0016 left it.`);
      await sql`DROP TRIGGER ${sql.id(name)}`.execute(db);
      await sql.raw(trigger.sql.replace(BEFORE, AFTER)).execute(db);
    }
  },
};

export const postgres: Migration = {
  async up() {
    // Nothing: see above.
  },
};
