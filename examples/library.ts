// Jobdeck inside a host program: jobs declared in code, one-call start, a welcome e-mail enqueued
// in the same transaction as its user. Run (PostgreSQL):
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx examples/library.ts
import pg from 'pg';
import { z } from 'zod';
import { createJobdeck, defineTask } from '../src/index.js';

const sendWelcome = defineTask({
  id: 'users.send-welcome',
  title: 'Send welcome e-mail',
  description: 'Greets a new user',
  args: z.object({ userId: z.number().int(), locale: z.enum(['en', 'de']).default('en') }),
  run: (ctx, args) => ctx.log.info(`welcome, user ${args.userId} (${args.locale})`),
});

const importUsers = defineTask({
  id: 'users.import',
  title: 'Import users',
  description: 'Nightly import from the directory',
  args: z.object({ full: z.boolean().default(false) }),
  run: (ctx, args) => ctx.log.info(args.full ? 'full import' : 'changes since last success'),
});

export async function main(url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') {
  const pool = new pg.Pool({ connectionString: url });
  await pool.query('create table if not exists example_users (id serial primary key, email text not null)');
  const deck = await createJobdeck({
    database: { pool, schema: 'jobdeck_example' }, // the host's pool; Jobdeck's tables in their own schema
    tasks: [sendWelcome, importUsers],
    jobs: [
      {
        key: 'nightly-import',
        task: importUsers,
        schedule: { type: 'crontab', minute: '0', hour: '3', timezone: 'UTC' },
        args: { full: false },
      },
    ],
  });
  await deck.start();

  const client = await pool.connect();
  let run;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number }>('insert into example_users (email) values ($1) returning id', [
      'ada@example.com',
    ]);
    run = await deck.enqueue(sendWelcome, { userId: rows[0]!.id }, { tx: client });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  const ended = await deck.runs.waitForEnd(run.id, { timeoutMs: 30_000 });
  console.log(`run ${ended.id}: ${ended.status}`);
  await deck.close();
  await pool.end();
  return ended;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
