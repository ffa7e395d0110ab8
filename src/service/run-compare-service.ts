import type { JsonValue, LogLine, Run } from '../domain/model.js';
import { diffArgs, LogDivergence } from '../domain/run-compare.js';
import type { LogLevelCounts } from '../storage/calendar-store.js';
import type { Store } from '../storage/store.js';
import { logLineToWire, runToWire, type LogLineWire, type RunWire, type WireView } from '../wire/wire.js';
import type { RunService } from './run-service.js';

/** Lines of each log compared (and counted) at most: a comparison stays bounded however long the logs. */
const COMPARE_MAX_LINES = 100_000;
const PAGE = 5000;

interface Difference {
  key: string;
  a: JsonValue | null;
  b: JsonValue | null;
  /** Which runs have the argument at all. */
  in_a: boolean;
  in_b: boolean;
  same: boolean;
}

const COUNTERS = ['total_entries', 'inserted_entries', 'updated_entries', 'errored_entries'] as const;

export interface RunComparison {
  a: RunWire;
  b: RunWire;
  same_job: boolean;
  /** Arguments key by key, as each run received them (secrets masked: equal "set" may differ). */
  args: Difference[];
  /** b minus a, null where either run has no value. */
  duration_ms_difference: number | null;
  counters: { name: (typeof COUNTERS)[number]; a: number | null; b: number | null; difference: number | null }[];
  logs: { a: LogLevelCounts; b: LogLevelCounts };
  divergence: {
    /** 1-based line number where the messages first differ; null when none was found. */
    line: number | null;
    a: LogLineWire | null;
    b: LogLineWire | null;
    /** Lines found equal before stopping. */
    compared: number;
    /** The comparison stopped at COMPARE_MAX_LINES lines without finding a difference. */
    stopped_at_limit: boolean;
  };
}

/** Two runs side by side: arguments, times, counters, logs and where the logs part. */
export class RunCompareService {
  constructor(
    private readonly store: Store,
    private readonly runs: RunService,
  ) {}

  async compare(aId: number, bId: number, view: WireView): Promise<RunComparison> {
    const [a, b] = await Promise.all([this.runs.get(aId), this.runs.get(bId)]);
    const [wa, wb] = [runToWire(a, view), runToWire(b, view)];
    const [logsA, logsB, divergence] = await Promise.all([
      this.store.logLevelCounts(a.id, COMPARE_MAX_LINES),
      this.store.logLevelCounts(b.id, COMPARE_MAX_LINES),
      this.#divergence(a, b),
    ]);
    const minus = (x: number | null, y: number | null) => (x === null || y === null ? null : y - x);
    return {
      a: wa,
      b: wb,
      same_job: a.jobId === b.jobId,
      args: diffArgs(wa.custom_args ?? wa.args, wb.custom_args ?? wb.args).map((d) => ({
        key: d.key,
        a: d.a ?? null,
        b: d.b ?? null,
        in_a: d.a !== undefined,
        in_b: d.b !== undefined,
        same: d.same,
      })),
      duration_ms_difference: minus(wa.duration_ms, wb.duration_ms),
      counters: COUNTERS.map((name) => ({ name, a: wa[name], b: wb[name], difference: minus(wa[name], wb[name]) })),
      logs: { a: logsA, b: logsB },
      divergence,
    };
  }

  /** Reads both logs a page at a time, in step, until they differ, both end or the limit is reached. */
  async #divergence(a: Run, b: Run): Promise<RunComparison['divergence']> {
    const walk = new LogDivergence<LogLine>();
    const cursor = { a: { after: 0, ended: false, read: 0 }, b: { after: 0, ended: false, read: 0 } };
    const read = async (side: 'a' | 'b', runId: number) => {
      const c = cursor[side];
      if (c.ended || c.read >= COMPARE_MAX_LINES) return;
      const limit = Math.min(PAGE, COMPARE_MAX_LINES - c.read);
      const lines = await this.store.logList(runId, { after: c.after, limit });
      c.ended = lines.length < limit;
      c.read += lines.length;
      if (lines.length) c.after = lines[lines.length - 1]!.seq;
      walk.push(side, lines);
    };
    const done = (c: { ended: boolean; read: number }) => c.ended || c.read >= COMPARE_MAX_LINES;
    for (;;) {
      await Promise.all([read('a', a.id), read('b', b.id)]);
      if (walk.found || walk.end(cursor.a.ended, cursor.b.ended)) break;
      // Both logs ended or reached the limit: nothing more can be told.
      if (done(cursor.a) && done(cursor.b)) break;
    }
    const found = walk.found;
    return {
      line: found ? found.at + 1 : null,
      a: found?.a ? logLineToWire(found.a) : null,
      b: found?.b ? logLineToWire(found.b) : null,
      compared: found ? found.at : walk.compared,
      stopped_at_limit: !found && !(cursor.a.ended && cursor.b.ended),
    };
  }
}
