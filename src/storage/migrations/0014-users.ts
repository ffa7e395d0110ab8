import { sql, type Kysely, type Migration } from 'kysely';

/**
 * People's accounts (domain/user.ts). E-mail addresses are unique whatever their case (an index
 * on lower(email)); an OpenID Connect identity (issuer + subject) belongs to one account at most
 * (NULLs, accounts of password sign-in only, do not collide). `password_hash` is an argon2id
 * PHC string, NULL for accounts that sign in through a provider only.
 *
 * `sign_in_tickets`: one-time secrets by their SHA-256 (the first admin's setup link, the state
 * of an OpenID Connect sign-in in flight), taken (deleted) on use, refused past `expires_at`.
 */
async function up(db: Kysely<unknown>, flag: string) {
  await sql`
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL,
      name TEXT NOT NULL,
      role TEXT NOT NULL,
      password_hash TEXT,
      disabled ${sql.raw(flag)},
      oidc_issuer TEXT,
      oidc_subject TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      last_sign_in_at BIGINT
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email ON users (lower(email))`.execute(db);
  await sql`CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject)`.execute(db);
  await sql`
    CREATE TABLE sign_in_tickets (
      secret_hash TEXT PRIMARY KEY,
      purpose TEXT NOT NULL,
      data TEXT NOT NULL,
      expires_at BIGINT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sign_in_tickets_expires ON sign_in_tickets (expires_at)`.execute(db);
}

export const sqlite: Migration = { up: (db) => up(db, 'INTEGER NOT NULL DEFAULT 0') };

export const postgres: Migration = { up: (db) => up(db, 'BOOLEAN NOT NULL DEFAULT FALSE') };
