import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigurationError, NotFoundError } from '../../../src/domain/errors.js';
import { defineTask } from '../../../src/domain/task.js';
import { createJobdeck, type Jobdeck } from '../../../src/service/jobdeck.js';
import { finished, openTestDeck, startWorker, testTasks } from '../../support/deck.js';
import { onCleanup, useTestDatabase } from '../../support/fixtures.js';
import { testDialect, testPostgresUrl } from '../../support/test-database.js';

const welcome = defineTask({
  id: 'test.welcome',
  title: 'Welcome e-mail',
  description: 'Returns the user it would greet',
  args: z.object({ userId: z.string() }),
  run: (_ctx, args) => ({ greeted: args.userId }),
});

/**
 * A host program's pool whose search_path is its own schema (a startup parameter, as hosts set
 * it), holding a `users` table. Startup parameters do not pass a transaction pooler, so when the
 * suite runs through PgBouncer the host's pool is a direct connection (JOBDECK_LISTEN_URL).
 */
async function hostPool(): Promise<pg.Pool> {
  const schema = `host_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = process.env.JOBDECK_LISTEN_URL || testPostgresUrl();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}; create table ${schema}.users (id text primary key)`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 });
  onCleanup(async () => {
    await pool.query(`drop schema ${schema} cascade`);
    await pool.end();
  });
  return pool;
}

async function users(pool: pg.Pool): Promise<string[]> {
  return (await pool.query<{ id: string }>('select id from users order by id')).rows.map((row) => row.id);
}

/** The worker polls once a minute: a run it picks up within seconds was announced by NOTIFY. */
async function deckWithSlowPoll(): Promise<Jobdeck> {
  return openTestDeck({ tasks: [...testTasks, welcome] });
}

async function noRuns(deck: Jobdeck): Promise<void> {
  expect((await deck.runs.list()).total).toBe(0);
  expect(await deck.jobs.findByKey('task:test.welcome')).toBeUndefined();
}

if (testDialect() === 'postgres') {
  describe('enqueue in the host transaction (pg client)', () => {
    it('commits the user and its run together; the worker is woken on COMMIT', async () => {
      const deck = await deckWithSlowPoll();
      const pool = await hostPool();
      const worker = await startWorker(deck, { pollIntervalMs: 60_000 });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`insert into users (id) values ('ada')`);
        const run = await deck.enqueue(welcome, { userId: 'ada' }, { tx: client });
        // Not visible outside the transaction yet.
        await expect(deck.runs.get(run.id)).rejects.toBeInstanceOf(NotFoundError);
        await client.query('COMMIT');
        expect(await finished(worker, run.id, 10_000)).toMatchObject({ status: 'SUCCESS', result: { greeted: 'ada' } });
        expect(run).toMatchObject({ title: 'Welcome e-mail', startedBy: 'code', args: { userId: 'ada' } });
      } finally {
        client.release();
      }
      expect(await users(pool)).toEqual(['ada']);
      // The host's session settings are its own again.
      expect((await pool.query<{ p: string }>('select current_schema() as p')).rows[0]!.p).toMatch(/^host_/);
    });

    it('rolls back the user, its run and the task job it made: nothing runs', async () => {
      const deck = await deckWithSlowPoll();
      const pool = await hostPool();
      const worker = await startWorker(deck, { pollIntervalMs: 200 });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`insert into users (id) values ('bob')`);
        await deck.enqueue(welcome, { userId: 'bob' }, { tx: client });
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      await noRuns(deck);
      expect(await users(pool)).toEqual([]);
      // A run enqueued afterwards is the first and only one the worker executes.
      const control = await deck.enqueue(welcome, { userId: 'carl' });
      await finished(worker, control.id);
      expect((await deck.runs.list()).items.map((run) => run.args)).toEqual([{ userId: 'carl' }]);
    });

    it('runs.create({ tx }) adds a run of an existing job in the transaction', async () => {
      const deck = await deckWithSlowPoll();
      const pool = await hostPool();
      const job = await deck.jobs.create({ title: 'Greet', task: 'test.welcome', args: { userId: 'x' } });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const run = await deck.runs.create(job.id, { args: { userId: 'dora' }, tx: client });
        expect(run.jobId).toBe(job.id);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      expect((await deck.runs.list({ jobId: job.id })).total).toBe(0);
    });
  });

  describe('enqueue in the host transaction (Kysely)', () => {
    it('commits with the transaction and disappears when it fails', async () => {
      const deck = await deckWithSlowPoll();
      const pool = await hostPool();
      const db = new Kysely<{ users: { id: string } }>({ dialect: new PostgresDialect({ pool }) });
      const worker = await startWorker(deck, { pollIntervalMs: 60_000 });
      const failed = db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values({ id: 'eve' }).execute();
        await deck.enqueue(welcome, { userId: 'eve' }, { tx: trx });
        throw new Error('the host changed its mind');
      });
      await expect(failed).rejects.toThrow('changed its mind');
      await noRuns(deck);
      const run = await db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values({ id: 'fay' }).execute();
        return deck.enqueue(welcome, { userId: 'fay' }, { tx: trx });
      });
      expect(await finished(worker, run.id, 10_000)).toMatchObject({ status: 'SUCCESS' });
      expect(await users(pool)).toEqual(['fay']);
      await expect(deck.enqueue(welcome, { userId: 'x' }, { tx: db })).rejects.toBeInstanceOf(ConfigurationError);
    });
  });

  describe('the host pool for everything', () => {
    it('migrates into its own schema, runs work, and leaves the host sessions as they were', async () => {
      const pool = await hostPool();
      const schema = new URL(useTestDatabase().url).searchParams.get('schema')!;
      const deck = await createJobdeck({ database: { pool, schema }, tasks: [welcome], logger: false });
      onCleanup(() => deck.close());
      const worker = await startWorker(deck);
      const run = await deck.enqueue(welcome, { userId: 'gus' });
      expect(await finished(worker, run.id)).toMatchObject({ status: 'SUCCESS', result: { greeted: 'gus' } });
      expect((await deck.runs.get(run.id)).status).toBe('SUCCESS');
      // Jobdeck's tables are in its schema, not the host's; the host's connections point home.
      const tables = await pool.query<{ table_schema: string }>(
        `select table_schema from information_schema.tables where table_name = 'runs' and table_schema = $1`,
        [schema],
      );
      expect(tables.rowCount).toBe(1);
      for (let i = 0; i < 4; i += 1) {
        expect((await pool.query<{ p: string }>('select current_schema() as p')).rows[0]!.p).toMatch(/^host_/);
      }
      expect(await users(pool)).toEqual([]);
    });
  });
} else {
  describe('enqueue in a host transaction on SQLite', () => {
    it('is refused with a clear error (Jobdeck has its own connection)', async () => {
      const deck = await deckWithSlowPoll();
      const tx = { query: async () => ({ rows: [] }) } as unknown as pg.PoolClient;
      await expect(deck.enqueue(welcome, { userId: 'x' }, { tx })).rejects.toThrow(/needs PostgreSQL/);
      await noRuns(deck);
    });
  });
}
