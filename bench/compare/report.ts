// The printed table and the Jobdeck/peer ratios.
import type { BurnDown, Latency } from './measure.js';
import { entryKey, type Entry } from './plan.js';

export interface EntryResult {
  entry: Entry;
  tuning: string;
  burnDowns: BurnDown[];
  latency?: Latency;
  error?: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

/** The burn-down of one size (the median repetition by drain rate). */
export function burnDownOf(result: EntryResult, jobs: number): BurnDown | undefined {
  const runs = result.burnDowns.filter((b) => b.jobs === jobs);
  if (runs.length === 0) return undefined;
  const middle = median(runs.map((b) => b.drainPerSecond));
  return runs.find((b) => b.drainPerSecond === middle);
}

const int = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toLocaleString('en-US');
const dec = (n: number | undefined, digits = 1) => (n === undefined ? '–' : n.toFixed(digits));
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(2));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function figuresTable(results: EntryResult[], sizes: number[]): string {
  const rows: string[][] = [];
  for (const result of results) {
    for (const jobs of sizes) {
      const b = burnDownOf(result, jobs);
      // A partial drain is divided by the jobs it finished.
      const perJob = (n: number | undefined) => (b && n !== undefined ? n / b.finished : undefined);
      // Without pg_walinspect's answer (WAL already recycled) the whole server's WAL is shown, with
      // a star: other databases' writes are in it.
      const dbWal = b?.drain.databaseWalBytes;
      rows.push([
        result.entry.system,
        result.entry.variant,
        result.entry.backend,
        int(jobs),
        result.error && !b ? 'FAILED' : int(b?.enqueuePerSecond),
        result.error && !b ? 'FAILED' : `${int(b?.drainPerSecond)}${b?.partial ? ' (partial)' : ''}`,
        dec(perJob(b?.drain.statements ?? b?.drain.transactions), 2),
        dec(perJob(b?.drain.rowsWritten), 2),
        dbWal !== undefined || !b ? int(perJob(dbWal)) : `${int(perJob(b.drain.walBytes))}*`,
        dec(perJob(b?.drain.redisCommands), 1),
      ]);
    }
  }
  return table(
    [
      'system',
      'config',
      'backend',
      'jobs',
      'enqueue/s',
      'drain jobs/s',
      'xacts/job',
      'rows/job',
      'WAL B/job',
      'redis cmds/job',
    ],
    rows,
  );
}

export function latencyTable(results: EntryResult[]): string {
  const rows = results.map((r) => [
    r.entry.system,
    r.entry.variant,
    r.latency ? String(r.latency.samples) : r.error ? 'FAILED' : '–',
    ms(r.latency?.p50),
    ms(r.latency?.p95),
    ms(r.latency?.p99),
    ms(r.latency?.max),
  ]);
  return table(['system', 'config', 'samples', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], rows);
}

export function ratioTable(results: EntryResult[], sizes: number[]): string {
  const jobdeck = results.find((r) => r.entry.system === 'jobdeck');
  const rows: string[][] = [];
  for (const peer of results.filter((r) => r !== jobdeck)) {
    for (const jobs of sizes) {
      const ours = jobdeck && burnDownOf(jobdeck, jobs);
      const theirs = burnDownOf(peer, jobs);
      const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : '–');
      rows.push([
        entryKey(peer.entry),
        int(jobs),
        ratio(ours?.drainPerSecond, theirs?.drainPerSecond),
        ratio(ours?.enqueuePerSecond, theirs?.enqueuePerSecond),
        ratio(jobdeck?.latency?.p50, peer.latency?.p50),
        ratio(jobdeck?.latency?.p99, peer.latency?.p99),
        ratio(ours && walPerJob(ours), theirs && walPerJob(theirs)),
      ]);
    }
  }
  return table(
    ['jobdeck vs', 'jobs', 'throughput ×', 'enqueue ×', 'latency p50 ×', 'latency p99 ×', 'WAL/job ×'],
    rows,
  );
}

/** WAL bytes per finished job of the drain: this database's records, else the server's. */
function walPerJob(b: BurnDown): number | undefined {
  const bytes = b.drain.databaseWalBytes ?? b.drain.walBytes;
  return b.finished > 0 && bytes > 0 ? bytes / b.finished : undefined;
}

/**
 * The goals against graphile-worker's best configuration, one line each: drain at every
 * size ≥ 1.0×, latency p50 and p99 ≤ 1.0×, WAL per job ≤ 2.0×; enqueue is shown, with no goal.
 */
export function goalLines(results: EntryResult[], sizes: number[]): string[] {
  const jobdeck = results.find((r) => r.entry.system === 'jobdeck');
  const peers = results.filter((r) => r.entry.system === 'graphile-worker');
  if (!jobdeck || peers.length === 0) return ['no jobdeck/graphile-worker pair measured'];
  const lines: string[] = [];
  const show = (label: string, ratio: number | undefined, goal: string, met: (r: number) => boolean) =>
    lines.push(
      `${label}: ${ratio === undefined ? 'n/a' : ratio.toFixed(2)} (goal ${goal})` +
        (ratio === undefined ? '' : met(ratio) ? ' met' : ' MISSED'),
    );
  for (const jobs of sizes) {
    const ours = burnDownOf(jobdeck, jobs);
    const best = (pick: (b: BurnDown) => number | undefined, better: (a: number, b: number) => boolean) =>
      peers
        .map((p) => burnDownOf(p, jobs))
        .map((b) => (b ? pick(b) : undefined))
        .filter((v): v is number => v !== undefined && v > 0)
        .reduce<number | undefined>((a, v) => (a === undefined || better(v, a) ? v : a), undefined);
    const div = (a: number | undefined, b: number | undefined) => (a && b ? a / b : undefined);
    show(
      `drain ${int(jobs)} ×`,
      div(
        ours?.drainPerSecond,
        best(
          (b) => b.drainPerSecond,
          (a, b) => a > b,
        ),
      ),
      '≥ 1.00',
      (r) => r >= 1,
    );
    show(
      `enqueue ${int(jobs)} ×`,
      div(
        ours?.enqueuePerSecond,
        best(
          (b) => b.enqueuePerSecond,
          (a, b) => a > b,
        ),
      ),
      'none',
      () => true,
    );
    show(
      `WAL/job ${int(jobs)} ×`,
      div(
        ours && walPerJob(ours),
        best(walPerJob, (a, b) => a < b),
      ),
      '≤ 2.00',
      (r) => r <= 2,
    );
  }
  const latencyBest = (pick: (r: EntryResult) => number | undefined) =>
    Math.min(...peers.map(pick).filter((v): v is number => v !== undefined && v > 0));
  const lat = (ours: number | undefined, best: number) => (ours && Number.isFinite(best) ? ours / best : undefined);
  show(
    'latency p50 ×',
    lat(
      jobdeck.latency?.p50,
      latencyBest((r) => r.latency?.p50),
    ),
    '≤ 1.00',
    (r) => r <= 1,
  );
  show(
    'latency p99 ×',
    lat(
      jobdeck.latency?.p99,
      latencyBest((r) => r.latency?.p99),
    ),
    '≤ 1.00',
    (r) => r <= 1,
  );
  return lines;
}

/** Jobdeck's drain rate over graphile-worker's best configuration at that size. */
export function graphileRatio(results: EntryResult[], jobs: number): number | undefined {
  const jobdeck = results.find((r) => r.entry.system === 'jobdeck');
  const ours = jobdeck && burnDownOf(jobdeck, jobs)?.drainPerSecond;
  const best = Math.max(
    ...results.filter((r) => r.entry.system === 'graphile-worker').map((r) => burnDownOf(r, jobs)?.drainPerSecond ?? 0),
  );
  return ours && best > 0 ? ours / best : undefined;
}
