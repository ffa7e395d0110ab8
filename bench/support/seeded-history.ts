// The read benchmarks over a large seeded history (api.ts, console-*.ts) share these: a database
// that is seeded once and reused between runs (`--reuse PREFIX`), the seed's SQL run on either
// dialect, and the real HTTP server answering each request kind sequentially with percentiles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { TaskDefinition } from '../../src/domain/task.js';
import { startServer } from '../../src/http/server.js';
import { createJobdeck } from '../../src/service/jobdeck.js';
import { argValue, freshDatabase, noopTask, percentile, pgBaseUrl, type BenchDialect } from './bench-setup.js';

export interface SeededHistory {
  url: string;
  dialect: BenchDialect;
  /** When the history was seeded (its times are relative to it). */
  seededAt: number;
  /** Runs a statement (PostgreSQL: in the history's schema) and returns its rows. */
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

interface HistoryOptions {
  /** Names the reused database with the seed's size, e.g. `api_1000000`. */
  name: string;
  dialect: BenchDialect;
  argv: string[];
  tasks?: TaskDefinition[];
  queues?: string[];
  /** Seeds the migrated, empty database. */
  seed(history: SeededHistory): Promise<void>;
}

/** Where the seed is remembered: its time, so a reused history's windows line up with it. */
const MARK = 'bench_seed';

/**
 * The seeded history of one benchmark. Without `--reuse` a fresh database, dropped afterwards
 * (`--keep` keeps it). With `--reuse PREFIX`, PostgreSQL database `PREFIX_<name>` or SQLite file
 * `<tmp>/PREFIX_<name>.db`, seeded when it has no complete seed yet and kept for the next run;
 * `--drop` drops it at the end. Opening the deck migrates it (new indexes are built on the seed).
 */
export async function seededHistory(options: HistoryOptions): Promise<SeededHistory> {
  const prefix = argValue(options.argv, '--reuse');
  const keep = options.argv.includes('--keep');
  let url: string;
  let drop: () => Promise<void>;
  if (!prefix) {
    const fresh = freshDatabase(options.dialect);
    url = fresh.url;
    drop = keep ? async () => console.log(`kept the database: ${url}`) : fresh.drop;
  } else if (options.dialect === 'sqlite') {
    const file = path.join(os.tmpdir(), `${prefix}_${options.name}.db`);
    url = `sqlite:${file}`;
    drop = async () => {
      if (!options.argv.includes('--drop')) return console.log(`reusable: ${url}`);
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    };
  } else {
    const name = `${prefix}_${options.name}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const admin = new pg.Client({ connectionString: pgBaseUrl() });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const base = new URL(pgBaseUrl());
    base.pathname = `/${name}`;
    base.search = '?schema=bench';
    url = base.toString();
    drop = async () => {
      if (!options.argv.includes('--drop')) return console.log(`reusable: ${url}`);
      const client = new pg.Client({ connectionString: pgBaseUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const migrated = await createJobdeck({
    database: url,
    tasks: options.tasks ?? [noopTask],
    queues: options.queues ?? ['default'],
    logger: false,
  });
  await migrated.close();
  const runner = await statementRunner(options.dialect, url);
  const history: SeededHistory = {
    url,
    dialect: options.dialect,
    seededAt: Date.now(),
    query: runner.query,
    async close() {
      await runner.close();
      await drop();
    },
  };
  await runner.query(`CREATE TABLE IF NOT EXISTS ${MARK} (seeded_at BIGINT NOT NULL)`);
  const [mark] = await runner.query<{ seeded_at: number | string }>(`SELECT seeded_at FROM ${MARK}`);
  if (mark) {
    history.seededAt = Number(mark.seeded_at);
    const hours = ((Date.now() - history.seededAt) / 3_600_000).toFixed(1);
    console.log(`${options.dialect}: reusing ${options.name}, seeded ${hours} h ago`);
    return history;
  }
  const start = performance.now();
  try {
    await options.seed(history);
  } catch (error) {
    await history.close();
    throw error;
  }
  await runner.query(`INSERT INTO ${MARK} (seeded_at) VALUES (${history.seededAt})`);
  console.log(`${options.dialect}: seeded ${options.name} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return history;
}

async function statementRunner(dialect: BenchDialect, url: string) {
  if (dialect === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length));
    return {
      query: async <T>(sql: string) => {
        const statement = db.prepare(sql);
        return (statement.reader ? statement.all() : (statement.run(), [])) as T[];
      },
      close: async () => void db.close(),
    };
  }
  const schema = new URL(url).searchParams.get('schema');
  const client = new pg.Client({ connectionString: url.replace(/\?.*$/, '') });
  await client.connect();
  if (schema) await client.query(`SET search_path TO ${schema}`);
  return {
    query: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    close: () => client.end(),
  };
}

/** Table statistics (and, on PostgreSQL, the visibility map for index-only scans), as autovacuum would. */
export async function analyze(history: SeededHistory, tables: string[]): Promise<void> {
  if (history.dialect === 'sqlite') await history.query('ANALYZE');
  else for (const table of tables) await history.query(`VACUUM ANALYZE ${table}`);
}

/** `generate_series(1, n) AS s(g)` on either dialect. */
export function series(dialect: BenchDialect, n: number): string {
  if (n < 1) return '(SELECT 1 AS g WHERE 1 = 0) AS s';
  return dialect === 'postgres'
    ? `generate_series(1::bigint, ${n}) AS s(g)`
    : `(WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${n}) SELECT g FROM s) AS s`;
}

export interface BenchCase {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: unknown;
}

export type BenchRow = Record<string, string | number | boolean>;

/**
 * The real HTTP server over the history answers each case `requests` times in a row after
 * `warmup` (plans, caches, connections): p50/p95/p99/max in milliseconds, and the answer's size.
 */
export async function timeRequests(
  history: SeededHistory,
  cases: BenchCase[],
  options: { requests: number; warmup: number; role?: 'viewer' | 'admin'; tasks?: TaskDefinition[]; queues?: string[] },
): Promise<BenchRow[]> {
  const deck = await createJobdeck({
    database: history.url,
    tasks: options.tasks ?? [noopTask],
    queues: options.queues ?? ['default'],
    logger: false,
  });
  const server = await startServer(deck, 0, '127.0.0.1');
  try {
    const { secret } = await deck.tokens.create({ name: 'bench', role: options.role ?? 'viewer' });
    const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
    const table: BenchRow[] = [];
    for (const { name, path: route, method = 'GET', body } of cases) {
      let bytes = 0;
      const send = async () => {
        const response = await fetch(`${server.url}${route}`, {
          method,
          headers,
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
        bytes = text.length;
      };
      for (let i = 0; i < options.warmup; i += 1) await send();
      const times: number[] = [];
      for (let i = 0; i < options.requests; i += 1) {
        const start = performance.now();
        await send();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const ms = (p: number) => Number(percentile(times, p).toFixed(1));
      table.push({ request: name, p50: ms(50), p95: ms(95), p99: ms(99), max: ms(100), kB: Math.round(bytes / 1024) });
    }
    return table;
  } finally {
    await server.close();
    await deck.close();
  }
}

/** Prints a result table with the load average beside it (figures mean little without it). */
export function printTable(title: string, table: BenchRow[]): void {
  console.log(
    `${title}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.table(table);
}

/** PostgreSQL's execution time of each statement (EXPLAIN ANALYZE, BUFFERS), best of three. */
export async function explainTimes(history: SeededHistory, statements: [string, string][], plans: boolean) {
  const table: BenchRow[] = [];
  for (const [name, sql] of statements) {
    let best = Infinity;
    let plan = '';
    for (let i = 0; i < 3; i += 1) {
      const rows = await history.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`);
      const text = rows.map((r) => r['QUERY PLAN']).join('\n');
      const ms = Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? NaN);
      if (ms < best) [best, plan] = [ms, text];
    }
    if (plans) console.log(`\n-- ${name}\n${plan}`);
    table.push({ statement: name, 'execution ms': best });
  }
  printTable('postgres: EXPLAIN (ANALYZE, BUFFERS) execution time, best of 3', table);
}
