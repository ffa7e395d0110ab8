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
      ]);
    }
  }
  return table(['jobdeck vs', 'jobs', 'throughput ×', 'enqueue ×', 'latency p50 ×', 'latency p99 ×'], rows);
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
