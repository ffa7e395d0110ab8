// Drain probe: bulk-enqueue N no-op runs, then drain them with a worker in THIS process (so
// `node --cpu-prof dist-bench/bench/drain.js` profiles the worker), and report per run the
// database's work: transactions, WAL bytes and, when the server preloads pg_stat_statements, the
// statements and the commonest ones. Counts, not times: robust on a busy machine.
// Usage: npm run bench:drain -- [--dialect postgres|sqlite] [--runs 20000] [--concurrency 10]
// PostgreSQL: a fresh database on $JOBDECK_BENCH_POSTGRES_URL's server (default the local one).
import pg from 'pg';
import { PostgresAdmin } from './compare/postgres-admin.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, freshDatabase, noopTask } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const runs = Number(argValue(argv, '--runs') ?? 20_000);
const concurrency = Number(argValue(argv, '--concurrency') ?? 10);
const dialect = argValue(argv, '--dialect') ?? 'postgres';
const serverUrl = process.env.JOBDECK_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const admin = dialect === 'postgres' ? await PostgresAdmin.connect(serverUrl) : undefined;
const name = `jd_drain_${process.pid}`;
const sqlite = dialect === 'sqlite' ? freshDatabase('sqlite') : undefined;
await admin?.createDatabase(name);
const url = admin ? admin.urlOf(name) : sqlite!.url;
const deck = await createJobdeck({ database: url, tasks: [noopTask] });
try {
  const fillfactor = argValue(argv, '--fillfactor');
  // An experiment knob: the runs table's fillfactor for the rows about to be enqueued.
  if (admin && fillfactor)
    await admin.inDatabase(name, (c) => c.query(`alter table jobdeck.runs set (fillfactor = ${Number(fillfactor)})`));
  const job = await deck.jobs.create({ title: 'bench', task: 'bench.noop' });
  const run = {
    jobId: job.id,
    task: 'bench.noop',
    title: 'bench',
    queue: 'default',
    args: {},
    customArgs: null,
    since: null,
    startedBy: 'bench',
  };
  const enqueueStart = performance.now();
  await deck.store.runsCreate(Array.from({ length: runs }, () => run));
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
  if (admin) await resetStatements(admin, name);
  const before = await admin?.counters(name);

  const worker = deck.createWorker({ concurrency });
  let finished = 0;
  let done!: () => void;
  const drained = new Promise<void>((resolve) => (done = resolve));
  // A run counts once its final state is written (the event follows the write).
  worker.on('run:finished', () => {
    if (++finished === runs) done();
  });
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await worker.start();
  await drained;
  const seconds = (performance.now() - start) / 1000;
  // CPU time of this process (worker and, on SQLite, the database) per run: steadier than the
  // rate on a shared machine, where the rate also measures the other processes.
  const cpu = process.cpuUsage(cpuBefore);
  await worker.stop();

  console.log(
    `${dialect} runs=${runs} concurrency=${concurrency}: enqueue ${Math.round(runs / enqueueSeconds)}/s,` +
      ` drain ${Math.round(runs / seconds)} runs/s (${seconds.toFixed(2)} s),` +
      ` CPU ${((cpu.user + cpu.system) / runs).toFixed(1)} µs/run`,
  );
  if (admin && before) {
    const after = await admin.counters(name);
    const stats = await admin.phaseStats(name, before, after);
    const per = (n: number | undefined) => (n === undefined ? 'n/a' : (n / runs).toFixed(4));
    console.log(
      `per run: transactions ${per(stats.transactions)}, statements ${per(stats.statements)},` +
        ` rows written ${per(stats.rowsWritten)}, WAL ${per(stats.databaseWalBytes)} B of this database` +
        ` (${per(stats.walBytes)} B server-wide)`,
    );
    await printStatements(admin, name);
    if (argv.includes('--detail')) await printDetail(admin, name, before.lsn, after.lsn, runs);
  }
} finally {
  await deck.close();
  if (admin) {
    await admin.dropDatabase(name);
    await admin.close();
  }
  await sqlite?.drop();
}

async function resetStatements(a: PostgresAdmin, database: string): Promise<void> {
  if (a.statementsAvailable)
    await a.query(
      `select pg_stat_statements_reset(0::oid, (select oid from pg_database where datname = $1), 0::bigint)`,
      [database],
    );
}

async function printStatements(a: PostgresAdmin, database: string): Promise<void> {
  if (!a.statementsAvailable) return;
  const rows = await a.query<{ calls: string; rows: string; query: string }>(
    `select calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname = $1 order by calls desc limit 8`,
    [database],
  );
  console.log('statements by calls (pg_stat_statements):');
  for (const r of rows) console.log(`  ${r.calls.padStart(7)} calls ${r.rows.padStart(7)} rows  ${r.query}`);
}

/**
 * Where the WAL went, by relation (heap, each index) and record kind, and how many of the runs
 * table's updates were HOT (an update that is not HOT writes an entry into every index).
 */
async function printDetail(a: PostgresAdmin, database: string, from: string, to: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: a.urlOf(database) });
  await client.connect();
  try {
    const tables = await client.query<{ relname: string; upd: string; hot: string; ins: string }>(
      `select relname, n_tup_ins as ins, n_tup_upd as upd, n_tup_hot_upd as hot from pg_stat_user_tables
        where n_tup_upd > 0 or n_tup_ins > 0 order by n_tup_upd desc`,
    );
    const width = await client.query<{ w: string; o: string }>(
      `select avg(pg_column_size(r))::int as w, (select reloptions::text from pg_class where oid = 'jobdeck.runs'::regclass) as o
         from jobdeck.runs r`,
    );
    console.log(`  runs row: ${width.rows[0]!.w} B on average; ${width.rows[0]!.o}`);
    for (const t of tables.rows) console.log(`  table ${t.relname}: inserts ${t.ins}, updates ${t.upd}, HOT ${t.hot}`);
    const rels = await client.query<{ rel: string | null; kind: string; records: string; bytes: string; fpi: string }>(
      `with w as (
         select record_length, fpi_length, resource_manager || '/' || split_part(record_type, ' ', 1) as kind,
                (regexp_match(block_ref, 'rel \\d+/\\d+/(\\d+)'))[1]::oid as node
           from pg_get_wal_records_info($1, $2)
          where block_ref like '%/' || (select oid from pg_database where datname = current_database()) || '/%')
       select coalesce(c.relname, w.node::text, '-') as rel, kind, count(*) as records,
              sum(record_length) as bytes, sum(fpi_length) as fpi
         from w left join pg_class c on c.relfilenode = w.node
        group by 1, 2 order by sum(record_length) desc limit 25`,
      [from, to],
    );
    console.log('WAL by relation and record kind (bytes per run, records per run, FPI bytes per run):');
    for (const r of rels.rows)
      console.log(
        `  ${(Number(r.bytes) / n).toFixed(1).padStart(8)} B ${(Number(r.records) / n).toFixed(3).padStart(7)} rec` +
          ` ${(Number(r.fpi) / n).toFixed(1).padStart(7)} FPI  ${r.rel} ${r.kind}`,
      );
  } finally {
    await client.end();
  }
}
