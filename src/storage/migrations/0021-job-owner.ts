import { sql, type Kysely, type Migration } from 'kysely';

/** Who to ask about a job (a person, team or address): a plain setting of the job contract. */
async function up(db: Kysely<unknown>) {
  await sql`ALTER TABLE jobs ADD COLUMN owner TEXT NOT NULL DEFAULT ''`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
