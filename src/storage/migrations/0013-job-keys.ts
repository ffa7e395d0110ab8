import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Jobs declared in code or moved between environments (`jobdeck jobs export|apply`) are found by
 * a stable `key`; at most one job has a given key (NULLs, the jobs made in the admin, are
 * distinct). `managed_fields` lists, as JSON text, the fields the host's code sets on the job at
 * each start: the API refuses to change those (see docs/library.md); NULL: nothing is managed.
 */
async function up(db: Kysely<unknown>) {
  await sql`ALTER TABLE jobs ADD COLUMN key TEXT`.execute(db);
  await sql`ALTER TABLE jobs ADD COLUMN managed_fields TEXT`.execute(db);
  await sql`CREATE UNIQUE INDEX jobs_key ON jobs (key)`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
