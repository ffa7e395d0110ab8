import { sql, type Migration } from 'kysely';

/** Notification settings on jobs: e-mail addresses and the final statuses that trigger them. */
export const postgres: Migration = {
  async up(db) {
    await sql`ALTER TABLE jobs ADD COLUMN notification_emails JSONB NOT NULL DEFAULT '[]'`.execute(db);
    await sql`ALTER TABLE jobs ADD COLUMN notification_statuses JSONB NOT NULL DEFAULT '[]'`.execute(db);
  },
};

export const sqlite: Migration = {
  async up(db) {
    await sql`ALTER TABLE jobs ADD COLUMN notification_emails TEXT NOT NULL DEFAULT '[]'`.execute(db);
    await sql`ALTER TABLE jobs ADD COLUMN notification_statuses TEXT NOT NULL DEFAULT '[]'`.execute(db);
  },
};
