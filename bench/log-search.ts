// Cross-run log search (docs/logs.md): fills run_logs with N lines over many runs of several
// jobs, then times ~50 first pages of searches (words, words + job, level, time range) through the
// store, as GET /api/logs runs them. Prints p50/p95 per kind and overall, per dialect.
// Usage: npm run bench:log-search -- [--dialect sqlite,postgres] [--lines 10000000] [--runs 10000]
//   [--keep NAME [--drop]]: fill a database named NAME (PostgreSQL: schema NAME of the bench's
//   database; SQLite: <tmpdir>/NAME.db) once and search it again on later runs; --drop at the end.
//   [--only KIND[,KIND]]: only those kinds (word, word+job, level, time); [--repeat N]: N rounds.
//   Opening a kept database applies new migrations: the time to open is printed (an index build).
// The word indexes are dropped while filling and built again after (as on a bulk load): the
// build time is printed too. Lines: "record <n> <verb> w<k> [timeout]", 1% errors, 4% warnings.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { defineTask } from '../src/domain/task.js';
import { createJobdeck, type Jobdeck } from '../src/service/jobdeck.js';
import type { LogSearchQuery } from '../src/storage/log-search-store.js';
import {
  argValue,
  dialectsFromArgs,
  freshDatabase,
  percentile,
  pgBaseUrl,
  type BenchDialect,
} from './support/bench-setup.js';

const argv = process.argv.slice(2);
const lines = Number(argValue(argv, '--lines') ?? 10_000_000);
const runCount = Number(argValue(argv, '--runs') ?? 10_000);
const JOBS = 10;
const perRun = Math.ceil(lines / runCount);
const T0 = Date.UTC(2026, 0, 1);
const STEP_MS = 10;

const holdTask = defineTask({
  id: 'bench.hold',
  title: 'Hold',
  description: 'A parent for bulk-created runs',
  args: z.object({}),
  run: () => undefined,
});

/** Runs to hold the lines: one parent per job, claimed, with its share as sub-runs (bulk insert). */
async function createRuns(deck: Jobdeck): Promise<{ jobs: string[] }> {
  const jobs: string[] = [];
  for (let j = 0; j < JOBS; j += 1) {
    const job = await deck.jobs.create({ title: `bench ${j}`, task: 'bench.hold' });
    jobs.push(job.id);
    const parent = await deck.runs.create(job.id);
    await deck.store.runClaim({ queues: ['default'], limit: 1, workerId: 'bench' });
    const children = Array.from({ length: runCount / JOBS }, () => ({
      jobId: job.id,
      task: 'bench.hold',
      title: 'child',
      queue: 'held',
      args: {},
      customArgs: null,
      since: null,
      startedBy: 'bench',
      maxAttempts: 1,
      parentRunId: parent.id,
    }));
    await deck.store.subRunsCreate(parent.id, children);
  }
  return { jobs };
}

/** The same SQL on both dialects: line i of run k (k from 0) is global line g = k * perRun + i. */
const LINE_SQL = (g: string) => `
  ${T0} + (${g}) * ${STEP_MS},
  CASE WHEN (${g}) % 100 = 0 THEN 'error' WHEN (${g}) % 100 < 5 THEN 'warn' ELSE 'info' END,
  'record ' || ((${g}) % 100000) || ' ' ||
    CASE ((${g}) * 7) % 10 WHEN 0 THEN 'imported' WHEN 1 THEN 'skipped' WHEN 2 THEN 'updated' WHEN 3 THEN 'checked'
      WHEN 4 THEN 'loaded' WHEN 5 THEN 'parsed' WHEN 6 THEN 'queued' WHEN 7 THEN 'merged' WHEN 8 THEN 'sent' ELSE 'stored' END
    || ' w' || (((${g}) * 2654435761) % 50000) || CASE WHEN (${g}) % 997 = 3 THEN ' timeout' ELSE '' END`;

async function fillPostgres(url: string): Promise<number> {
  const schema = new URL(url).searchParams.get('schema')!;
  const client = new pg.Client({ connectionString: url.split('?')[0] });
  await client.connect();
  try {
    await client.query(`set search_path = "${schema}"`);
    // Lines are stored without their words (migration 0025); the words are indexed after.
    await client.query('drop index run_log_words_words');
    await client.query('alter table run_log_words drop constraint run_log_words_run_id_seq_fkey');
    const { rows } = await client.query<{ id: string }>(
      'select id from runs where parent_run_id is not null order by id',
    );
    for (let k = 0; k < rows.length; k += 500) {
      const ids = rows.slice(k, k + 500).map((r) => Number(r.id));
      await client.query(
        `insert into run_logs (run_id, seq, time, level, message, fields)
         select r.id, s, ${LINE_SQL(`(r.k - 1 + ${k}) * ${perRun} + s`)}, null
         from unnest($1::bigint[]) with ordinality as r(id, k), generate_series(1, ${perRun}) s`,
        [ids],
      );
      process.stdout.write(`\r  postgres: ${Math.min(lines, (k + 500) * perRun).toLocaleString('en')} lines`);
    }
    const start = performance.now();
    const { pgLogWords } = await import('../src/storage/migrations/0016-log-search.js');
    await client.query(`insert into run_log_words select run_id, seq, ${pgLogWords('message')} from run_logs`);
    await client.query('delete from run_logs_unindexed');
    await client.query('create index run_log_words_words on run_log_words using gin (words)');
    await client.query(`alter table run_log_words add constraint run_log_words_run_id_seq_fkey
      foreign key (run_id, seq) references run_logs (run_id, seq) on delete cascade`);
    await client.query('vacuum analyze run_logs');
    await client.query('vacuum analyze run_log_words');
    await client.query('analyze runs');
    return performance.now() - start;
  } finally {
    await client.end();
  }
}

function fillSqlite(url: string): number {
  const db = new Database(url.replace(/^sqlite:/, ''));
  try {
    db.pragma('journal_mode = WAL');
    const ids = db.prepare('select id from runs where parent_run_id is not null order by id').pluck().all() as number[];
    const triggers = db
      .prepare(
        `select sql from sqlite_master where type = 'trigger' and name in ('run_logs_stored', 'run_logs_words_delete')`,
      )
      .pluck()
      .all() as string[];
    db.exec('drop trigger run_logs_stored; drop trigger run_logs_words_delete');
    const insert = db.prepare(`with recursive s(i) as (select 1 union all select i + 1 from s where i < ${perRun})
      insert into run_logs (run_id, seq, time, level, message, fields)
      select @id, i, ${LINE_SQL(`@k * ${perRun} + i`)}, null from s`);
    for (let k = 0; k < ids.length; k += 100) {
      db.transaction(() => {
        for (let j = k; j < Math.min(ids.length, k + 100); j += 1) insert.run({ id: ids[j], k: j });
      })();
      process.stdout.write(`\r  sqlite: ${Math.min(lines, (k + 100) * perRun).toLocaleString('en')} lines`);
    }
    const start = performance.now();
    db.exec(
      `insert into run_logs_words (rowid, message) select (run_id << 32) | seq, substr(message, 1, 4000) from run_logs`,
    );
    for (const sql of triggers) db.exec(sql);
    db.exec('analyze');
    return performance.now() - start;
  } finally {
    db.close();
  }
}

type Kind = 'word' | 'word+job' | 'level' | 'time';

function searches(jobs: string[]): { kind: Kind; query: Omit<LogSearchQuery, 'limit'> }[] {
  const list: { kind: Kind; query: Omit<LogSearchQuery, 'limit'> }[] = [];
  const span = lines * STEP_MS;
  const verbs = ['imported', 'timeout', 'merged', 'stored'];
  for (let i = 0; i < 15; i += 1) {
    const words = i % 3 === 0 ? [verbs[i % 4]!] : i % 3 === 1 ? [`w${(i * 3331) % 50000}`] : ['record', String(i * 37)];
    list.push({ kind: 'word', query: { words } });
  }
  for (let i = 0; i < 12; i += 1) {
    const words = i % 2 ? ['timeout'] : [`w${(i * 7919) % 50000}`];
    list.push({ kind: 'word+job', query: { words, jobId: jobs[i % jobs.length] } });
  }
  for (let i = 0; i < 11; i += 1) {
    list.push({
      kind: 'level',
      query: { words: [], levels: i % 2 ? ['error'] : ['warn', 'error'], jobId: i % 3 === 0 ? jobs[i] : undefined },
    });
  }
  for (let i = 0; i < 12; i += 1) {
    const since = T0 + Math.floor(((i * 7) % 12) * (span / 12));
    list.push({
      kind: 'time',
      query: {
        words: i % 4 === 0 ? ['timeout'] : [],
        since: new Date(since),
        until: new Date(since + 3_600_000),
        levels: i % 2 ? ['error'] : undefined,
      },
    });
  }
  return list;
}

/** A database kept across runs (--keep NAME), or a fresh one. */
function benchDatabase(dialect: BenchDialect): { url: string; drop(): Promise<void> } {
  const name = argValue(argv, '--keep');
  if (name === undefined) return freshDatabase(dialect);
  if (!/^jd_logsperf_\w+$/.test(name)) throw new Error('--keep: a name jd_logsperf_…');
  const url =
    dialect === 'postgres' ? `${pgBaseUrl()}?schema=${name}` : `sqlite:${path.join(os.tmpdir(), `${name}.db`)}`;
  const drop = async () => {
    if (dialect === 'sqlite') return fs.rmSync(url.slice('sqlite:'.length), { force: true });
    const client = new pg.Client({ connectionString: pgBaseUrl() });
    await client.connect();
    await client.query(`drop schema if exists ${name} cascade`);
    await client.end();
  };
  return { url, drop: argv.includes('--drop') ? drop : async () => undefined };
}

async function measure(dialect: BenchDialect): Promise<void> {
  const database = benchDatabase(dialect);
  const openStart = performance.now();
  const deck = await createJobdeck({ database: database.url, tasks: [holdTask] });
  console.log(`${dialect}: opened (migrations applied) in ${((performance.now() - openStart) / 1000).toFixed(1)} s`);
  const only = argValue(argv, '--only')?.split(',');
  const rounds = Number(argValue(argv, '--repeat') ?? 1);
  try {
    const known = await deck.jobs.list({ size: JOBS });
    let jobs = known.items.sort((a, b) => a.title.localeCompare(b.title)).map((job) => job.id);
    if (jobs.length === 0) {
      jobs = (await createRuns(deck)).jobs;
      const fillStart = performance.now();
      const indexMs = dialect === 'postgres' ? await fillPostgres(database.url) : fillSqlite(database.url);
      const fillMs = performance.now() - fillStart;
      console.log(
        `\n${dialect}: ${lines.toLocaleString('en')} lines in ${runCount.toLocaleString('en')} runs of ${JOBS} jobs,` +
          ` filled in ${(fillMs / 1000).toFixed(0)} s, of which word index build ${(indexMs / 1000).toFixed(0)} s`,
      );
    } else console.log(`\n${dialect}: searching the kept database (${jobs.length} jobs)`);
    const times: Record<string, number[]> = {};
    const chosen = searches(jobs).filter(({ kind }) => !only || only.includes(kind));
    for (const { kind, query } of Array.from({ length: rounds }, () => chosen).flat()) {
      const start = performance.now();
      const page = await deck.store.logSearch({ ...query, limit: 50 });
      const ms = performance.now() - start;
      (times[kind] ??= []).push(ms);
      (times.all ??= []).push(ms);
      if (argv.includes('--verbose'))
        console.log(`  ${kind} ${JSON.stringify(query)} ${page.hits.length} hits ${ms.toFixed(0)} ms`);
    }
    for (const [kind, list] of Object.entries(times)) {
      list.sort((a, b) => a - b);
      console.log(
        `  ${kind.padEnd(9)} n=${String(list.length).padStart(2)} p50 ${percentile(list, 50).toFixed(0)} ms, p95 ${percentile(list, 95).toFixed(0)} ms, max ${list.at(-1)!.toFixed(0)} ms`,
      );
    }
  } finally {
    await deck.close();
    await database.drop();
  }
}

for (const dialect of dialectsFromArgs(argv)) await measure(dialect);
