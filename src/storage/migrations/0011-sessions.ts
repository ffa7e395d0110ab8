import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Sign-in sessions (domain/session.ts): the cookie holds a random secret whose SHA-256 is
 * `secret_hash`, as for API tokens, so a copy of the database lets no one in. `id` is the public
 * handle for listing and revoking. The subject is kind + id ('token' now, 'user' for accounts
 * later) without a foreign key, so both kinds fit one table.
 *
 * `runs.error_stack`: the stack trace of a failed run, shown to admins only; the message that
 * viewers read keeps the error's name and text alone.
 */
async function up(db: Kysely<unknown>) {
  await sql`
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      secret_hash TEXT NOT NULL UNIQUE,
      subject_kind TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      last_seen_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      revoked_at BIGINT,
      user_agent TEXT
    )`.execute(db);
  await sql`CREATE INDEX sessions_subject ON sessions (subject_kind, subject_id)`.execute(db);
  // Pruning ended sessions looks them up by their absolute end.
  await sql`CREATE INDEX sessions_expires ON sessions (expires_at)`.execute(db);
  await sql`ALTER TABLE runs ADD COLUMN error_stack TEXT`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
