// Jobdeck against graphile-worker, pg-boss and BullMQ on this machine's PostgreSQL (and Redis).
// Usage: npm run bench:compare -- [--quick] [--sizes 20000,200000] [--reps 1] [--systems a,b]
//          [--latency-samples 1000] [--latency-budget 60] [--drain-budget 240] [--no-latency]
//          [--concurrency 10]
// Each system runs in child processes, one after another, each measurement in a fresh database
// (created and dropped here). Results: a table on stdout and JSON in bench/results/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { burnDown, latency, type Settings } from './measure.js';
import { ensurePeers, PEER_VERSIONS } from './peers.js';
import { ALL_ENTRIES, entryKey, QUICK_ENTRIES, TUNING } from './plan.js';
import { PostgresAdmin } from './postgres-admin.js';
import { sourcePath } from '../support/paths.js';
import { figuresTable, goalLines, graphileRatio, latencyTable, ratioTable, type EntryResult } from './report.js';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const quick = argv.includes('--quick');
// --quick: graphile-worker tuned against Jobdeck only, at both sizes.
const sizes = (value('--sizes') ?? '20000,200000').split(',').map(Number);
const reps = Number(value('--reps') ?? 1);
const wanted = value('--systems')?.split(',');
const entries = (quick ? QUICK_ENTRIES : ALL_ENTRIES).filter(
  (e) => !wanted || wanted.includes(e.system) || wanted.includes(entryKey(e)),
);
const withLatency = !argv.includes('--no-latency');
const settings: Settings = {
  concurrency: Number(value('--concurrency') ?? 10),
  redisUrl: process.env.JOBDECK_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  latencySamples: Number(value('--latency-samples') ?? 1000),
  latencyBudgetMs: Number(value('--latency-budget') ?? 60) * 1000,
  drainBudgetSeconds: Number(value('--drain-budget') ?? 240),
};
const postgresUrl = process.env.JOBDECK_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function redisVersion(): string | undefined {
  try {
    const info = execFileSync('redis-cli', ['-u', settings.redisUrl, 'INFO', 'server'], { encoding: 'utf8' });
    return /redis_version:(\S+)/.exec(info)?.[1];
  } catch {
    return undefined;
  }
}

ensurePeers(entries.map((e) => e.system));
const admin = await PostgresAdmin.connect(postgresUrl);
const machine = {
  cpu: os.cpus()[0]?.model,
  cpus: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  postgres: await admin.version(),
  redis: redisVersion(),
  peers: PEER_VERSIONS,
  statementCounter: admin.statementsAvailable ? 'pg_stat_statements' : 'pg_stat_database transactions',
};
console.log(`machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, node ${machine.node}`);
console.log(`${machine.postgres}; redis ${machine.redis ?? 'unreachable'}`);

const results: EntryResult[] = [];
for (const entry of entries) {
  const result: EntryResult = { entry, tuning: TUNING[entryKey(entry)] ?? '', burnDowns: [] };
  results.push(result);
  // A failing peer is marked failed in the table; the others still run.
  try {
    for (const jobs of sizes) {
      for (let rep = 0; rep < reps; rep++) {
        const b = await burnDown(entry, jobs, admin, settings);
        result.burnDowns.push(b);
        console.log(
          `${entryKey(entry)} ${jobs}: enqueue ${Math.round(b.enqueuePerSecond)}/s, drain ${Math.round(b.drainPerSecond)} jobs/s` +
            (b.partial ? ` (only ${b.finished} finished within ${settings.drainBudgetSeconds} s)` : ''),
        );
      }
      // A system that could not drain this size in time would only take longer on a larger one.
      if (result.burnDowns.some((b) => b.partial)) break;
    }
    if (withLatency) {
      result.latency = await latency(entry, admin, settings);
      const l = result.latency;
      console.log(`${entryKey(entry)} latency: p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms (${l.samples})`);
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    console.error(`${entryKey(entry)} FAILED: ${result.error}`);
  }
}
await admin.close();

console.log('\nBurn-down: bulk enqueue, then one worker process at concurrency', settings.concurrency);
console.log('(per job: transactions or statements, rows written and WAL of the drain phase)\n');
console.log(figuresTable(results, sizes));
if (withLatency) console.log(`\nEnqueue → start latency (one job at a time, idle worker)\n\n${latencyTable(results)}`);
console.log(
  `\nJobdeck / peer (throughput: higher is better for Jobdeck; latency: lower is)\n\n${ratioTable(results, sizes)}`,
);
console.log('\nConfigurations:');
for (const result of results) console.log(`  ${entryKey(result.entry)}: ${result.tuning}`);

const out = sourcePath(import.meta.url, '../results/');
fs.mkdirSync(out, { recursive: true });
const file = `${out}compare-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
fs.writeFileSync(file, `${JSON.stringify({ machine, settings, sizes, reps, quick, results }, null, 2)}\n`);
console.log(`\nresults: ${file}`);

console.log('\nJobdeck / graphile-worker best, against the goals:');
for (const line of goalLines(results, sizes)) console.log(`  ${line}`);
const ratio = graphileRatio(results, sizes[0]!);
console.log(`jobdeck/graphile-worker throughput ratio: ${ratio === undefined ? 'n/a' : ratio.toFixed(2)}`);
