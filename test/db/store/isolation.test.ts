import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrationsFor } from '../../../src/storage/migrations/index.js';
import { openStore } from '../../../src/storage/open-store.js';
import { jobFixture, onCleanup } from '../../support/fixtures.js';
import { testDialect, testPostgresUrl } from '../../support/test-database.js';

/** A whole PostgreSQL database of its own (the default schema is per database), dropped after the test. */
async function postgresDatabase(): Promise<{ url: string; host: Kysely<unknown> }> {
  const base = new URL(testPostgresUrl());
  const name = `jd_iso_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new URL(base);
  admin.searchParams.delete('pooler');
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await run(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const direct = new URL(url);
  direct.searchParams.delete('pooler');
  const host = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: direct.toString(), max: 2 }) }),
  });
  onCleanup(async () => {
    await host.destroy();
    await run(`drop database if exists ${name} with (force)`);
  });
  return { url: url.toString(), host };
}

/** The host application's own migration: its own `jobs` table, recorded by Kysely's defaults. */
const hostMigrations: Record<string, Migration> = {
  '0001_host_jobs': {
    async up(db) {
      await sql`create table jobs (id serial primary key, position text not null)`.execute(db);
      await sql`insert into jobs (position) values ('welder')`.execute(db);
    },
  },
};

const hostMigrator = (db: Kysely<unknown>) =>
  new Migrator({ db, provider: { getMigrations: async () => hostMigrations } });

/** Jobdeck 0.1's layout: its tables beside the host's, migrations in Kysely's default table. */
async function migrateAsVersion01(db: Kysely<unknown>, migrations: Record<string, Migration>): Promise<void> {
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error;
}

describe('isolation from the host database', () => {
  if (testDialect() === 'postgres') {
    it('puts its tables and migration records in schema jobdeck; the host tables and migrator stay untouched', async () => {
      const { url, host } = await postgresDatabase();
      expect((await hostMigrator(host).migrateToLatest()).error).toBeUndefined();
      const notices: string[] = [];
      const store = await openStore(url, { onNotice: (m) => notices.push(m) });
      onCleanup(() => store.close());
      await store.jobCreate(jobFixture());
      expect(notices).toEqual([]);
      expect(store.location).toMatch(/schema jobdeck/);
      const tables = await sql<{ schema: string; name: string }>`
        select table_schema as schema, table_name as name from information_schema.tables
        where table_schema in ('public', 'jobdeck') and table_name like '%migration%' order by 1, 2`.execute(host);
      expect(tables.rows).toEqual([
        { schema: 'jobdeck', name: 'jobdeck_migration' },
        { schema: 'jobdeck', name: 'jobdeck_migration_lock' },
        { schema: 'public', name: 'kysely_migration' },
        { schema: 'public', name: 'kysely_migration_lock' },
      ]);
      const { error, results } = await hostMigrator(host).migrateToLatest();
      expect(error).toBeUndefined();
      expect(results).toEqual([]);
      expect((await hostMigrator(host).getMigrations()).map((m) => [m.name, m.executedAt !== undefined])).toEqual([
        ['0001_host_jobs', true],
      ]);
      expect((await sql`select position from public.jobs`.execute(host)).rows).toEqual([{ position: 'welder' }]);
    });

    it('keeps a database Jobdeck 0.1 set up in public working where it is, and says so', async () => {
      const { url, host } = await postgresDatabase();
      await migrateAsVersion01(host, migrationsFor('postgres'));
      const first = await openStore(url);
      const job = await first.jobCreate(jobFixture());
      await first.close();
      const notices: string[] = [];
      const store = await openStore(url, { onNotice: (m) => notices.push(m) });
      onCleanup(() => store.close());
      expect(await store.jobGet(job.id)).toMatchObject({ id: job.id, title: job.title });
      expect(store.location).toMatch(/schema public/);
      expect(notices).toEqual([expect.stringMatching(/Kept the table layout of Jobdeck 0\.1 \(schema public/)]);
      const schemas = await sql`select 1 from pg_namespace where nspname = 'jobdeck'`.execute(host);
      expect(schemas.rows).toEqual([]);
    });
  } else {
    const tempFile = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobdeck-iso-'));
      onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
      return path.join(dir, 'jobdeck.db');
    };
    const tables = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db
          .prepare(`select name from sqlite_master where type = 'table' and name like '%migration%' order by name`)
          .pluck()
          .all();
      } finally {
        db.close();
      }
    };

    it('records its migrations in jobdeck_migration in a file of its own', async () => {
      const file = tempFile();
      const store = await openStore(`sqlite:${file}`);
      await store.close();
      expect(tables(file)).toEqual(['jobdeck_migration', 'jobdeck_migration_lock']);
    });

    it('keeps a file Jobdeck 0.1 set up (kysely_migration) working, and says so', async () => {
      const file = tempFile();
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
      await migrateAsVersion01(old, migrationsFor('sqlite'));
      await old.destroy();
      const first = await openStore(`sqlite:${file}`);
      const job = await first.jobCreate(jobFixture());
      await first.close();
      const notices: string[] = [];
      const store = await openStore(`sqlite:${file}`, { onNotice: (m) => notices.push(m) });
      onCleanup(() => store.close());
      expect(await store.jobGet(job.id)).toMatchObject({ id: job.id });
      expect(notices).toEqual([expect.stringMatching(/Kept the table layout of Jobdeck 0\.1 \(this file/)]);
      expect(tables(file)).toEqual(['kysely_migration', 'kysely_migration_lock']);
    });
  }
});
