import type { JsonObject, LogLevel, LogLine } from '../domain/model.js';
import type { Store } from '../storage/store.js';
import { outsideConsoleCapture } from './console-capture.js';
import { retrying } from './retrying.js';

/** How much one run may log; what goes beyond is counted and summed up in one last line. */
interface LogCapOptions {
  /** Lines stored per run before the rest is dropped (default 100,000). */
  maxLinesPerRun?: number;
  /** Bytes of message and fields stored per run before the rest is dropped (default 20 MiB). */
  maxBytesPerRun?: number;
}

export interface LogSinkOptions extends LogCapOptions {
  /** Longest a line waits before it is written (default 100 ms). */
  flushIntervalMs?: number;
  /** Lines buffered before a write starts without waiting for the interval (default 500). */
  maxBuffered?: number;
  /** Most lines sent in one write (default 10,000). */
  batchLines?: number;
  /** `drain()` waits while more lines than this are unsent (default 50,000). */
  highWaterLines?: number;
  /** Called when a write fails; the lines are kept and retried. */
  onError?: (error: unknown) => void;
  /** Lines stored (for metrics). */
  onStored?: (lines: number) => void;
  /** Lines dropped by the per-run cap (for metrics). */
  onDropped?: (lines: number) => void;
}

const DEFAULT_MAX_LINES_PER_RUN = 100_000;
const DEFAULT_MAX_BYTES_PER_RUN = 20 * 1024 * 1024;

/** Where one run's lines go: numbers them, applies the cap, and hands them to the sink. */
export interface RunLog {
  /** False once the run's log is closed (its final state is being written); the line is not kept. */
  write(level: LogLevel, message: string, fields: JsonObject | null): boolean;
}

/** One run's log; a class, not a literal with a closure, as every run opens one. */
class RunState implements RunLog {
  lines = 0;
  bytes = 0;
  droppedLines = 0;
  droppedBytes = 0;
  closed = false;

  constructor(
    readonly sink: LogSink,
    readonly runId: number,
    readonly attempt: number,
    public seq: number,
  ) {}

  write(level: LogLevel, message: string, fields: JsonObject | null): boolean {
    return this.sink.write(this, level, message, fields);
  }
}

interface Waiter {
  upTo: number;
  resolve(): void;
}

/** A line waiting to be written, with the attempt of the run that wrote it. */
type PendingLine = LogLine & { attempt: number };

/**
 * Collects the log lines of all runs of one worker and writes them in batches, one insert for
 * many lines. One writer loop sends the buffer in FIFO order, so a run's lines reach the database
 * in the order they were logged. Appending never waits for the database: a task only pays for
 * pushing a line onto an array. Memory is bounded by the per-run cap; tasks that log in tight
 * loops may also await `drain()` for backpressure.
 */
export class LogSink {
  readonly #store: Store;
  readonly #opts: Required<Omit<LogSinkOptions, 'onError' | 'onStored' | 'onDropped'>>;
  readonly #onError: (error: unknown) => void;
  readonly #onStored: (lines: number) => void;
  readonly #onDropped: (lines: number) => void;
  readonly #runs = new Map<number, RunState>();
  #buffer: PendingLine[] = [];
  /** Lines ever appended / ever settled (stored, or given up on after retries). */
  #appended = 0;
  #settled = 0;
  #waiters: Waiter[] = [];
  #drainWaiters: (() => void)[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing = false;

  /** The worker whose runs these are: lines are stored only while it holds the run (LogHolder). */
  readonly #workerId: string | undefined;

  constructor(store: Store, options: LogSinkOptions = {}, workerId?: string) {
    this.#store = store;
    this.#workerId = workerId;
    this.#opts = {
      flushIntervalMs: options.flushIntervalMs ?? 100,
      maxBuffered: options.maxBuffered ?? 500,
      batchLines: options.batchLines ?? 10_000,
      highWaterLines: options.highWaterLines ?? 50_000,
      maxLinesPerRun: options.maxLinesPerRun ?? DEFAULT_MAX_LINES_PER_RUN,
      maxBytesPerRun: options.maxBytesPerRun ?? DEFAULT_MAX_BYTES_PER_RUN,
    };
    this.#onError = options.onError ?? (() => undefined);
    this.#onStored = options.onStored ?? (() => undefined);
    this.#onDropped = options.onDropped ?? (() => undefined);
  }

  /** Starts the log of a run's attempt whose next line has sequence number `firstSeq`. */
  open(runId: number, firstSeq = 1, attempt = 1): RunLog {
    const state = new RunState(this, runId, attempt, firstSeq - 1);
    // A run opened again in this process (a new attempt) must not share numbers with a stale one.
    const stale = this.#runs.get(runId);
    if (stale) stale.closed = true;
    this.#runs.set(runId, state);
    return state;
  }

  /**
   * Ends a run's log: adds the line saying what the cap dropped (if anything), refuses later
   * lines, and resolves once every line of the run is stored. Call it before the final state.
   */
  close(runId: number): Promise<void> {
    const state = this.#runs.get(runId);
    if (state) {
      this.#runs.delete(runId);
      if (state.lines === 0 && state.droppedLines === 0) {
        state.closed = true;
        return Promise.resolve();
      }
      if (state.droppedLines > 0) {
        this.#append(state, 'warn', dropSummary(state), {
          dropped_lines: state.droppedLines,
          dropped_bytes: state.droppedBytes,
        });
        this.#onDropped(state.droppedLines);
      }
      state.closed = true;
    }
    return this.flush();
  }

  /** Number of lines appended but not yet stored. */
  get pending(): number {
    return this.#appended - this.#settled;
  }

  /** Resolves at once while fewer than the high-water mark of lines are unsent, else when they are. */
  drain(): Promise<void> {
    if (this.pending < this.#opts.highWaterLines) return Promise.resolve();
    return new Promise((resolve) => this.#drainWaiters.push(resolve));
  }

  /** Writes everything appended so far; resolves when it is stored. */
  flush(): Promise<void> {
    const upTo = this.#appended;
    if (this.#settled >= upTo) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.#waiters.push({ upTo, resolve }));
    this.#startWriting();
    return done;
  }

  /** For RunState.write. */
  write(state: RunState, level: LogLevel, message: string, fields: JsonObject | null): boolean {
    if (state.closed) return false;
    const fieldsBytes = fields ? JSON.stringify(fields).length : 0;
    const bytes = Buffer.byteLength(message) + fieldsBytes;
    // Once the cap is hit everything after is dropped, so the summary line closes an unbroken log.
    if (
      state.droppedLines > 0 ||
      state.lines + 1 > this.#opts.maxLinesPerRun ||
      state.bytes + bytes > this.#opts.maxBytesPerRun
    ) {
      state.droppedLines += 1;
      state.droppedBytes += bytes;
      return true;
    }
    state.lines += 1;
    state.bytes += bytes;
    this.#append(state, level, message, fields);
    return true;
  }

  #append(state: RunState, level: LogLevel, message: string, fields: JsonObject | null): void {
    state.seq += 1;
    this.#buffer.push({
      runId: state.runId,
      seq: state.seq,
      time: new Date(),
      level,
      message,
      fields,
      attempt: state.attempt,
    });
    this.#appended += 1;
    if (this.#buffer.length >= this.#opts.maxBuffered) this.#startWriting();
    else
      this.#timer ??= outsideConsoleCapture(() => setTimeout(() => this.#startWriting(), this.#opts.flushIntervalMs));
  }

  #startWriting(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#writing) return;
    this.#writing = true;
    // Deferred so that a task logging in a loop fills a big batch before the first write.
    // The first line of a batch is appended from inside some run: the writer belongs to no run.
    outsideConsoleCapture(() => setImmediate(() => void this.#writeLoop()));
  }

  async #writeLoop(): Promise<void> {
    while (this.#buffer.length > 0) {
      const { size, attempts } = nextBatch(this.#buffer, this.#opts.batchLines);
      const batch = size === this.#buffer.length ? this.#buffer : this.#buffer.slice(0, size);
      this.#buffer = batch === this.#buffer ? [] : this.#buffer.slice(size);
      try {
        // The database may be briefly away (a restart): keep the lines and retry.
        const heldBy = this.#workerId ? { workerId: this.#workerId, attempts } : undefined;
        await retrying(() => this.#store.logAppend(batch, heldBy), this.#onError);
        this.#onStored(batch.length);
      } catch (error) {
        this.#onError(error);
      }
      this.#settled += batch.length;
      this.#wake();
    }
    this.#writing = false;
    this.#wake();
  }

  #wake(): void {
    if (this.#waiters.length) {
      const ready = this.#waiters.filter((w) => w.upTo <= this.#settled);
      this.#waiters = this.#waiters.filter((w) => w.upTo > this.#settled);
      for (const waiter of ready) waiter.resolve();
    }
    if (this.#drainWaiters.length && this.pending < this.#opts.highWaterLines / 2) {
      const waiting = this.#drainWaiters;
      this.#drainWaiters = [];
      for (const resolve of waiting) resolve();
    }
  }
}

/**
 * The lines of the next write (at most `limit`) and the attempt of each of their runs. A batch
 * ends before a second attempt of a run (lines of a run rescued from this worker and claimed
 * again by it): each write is guarded by one attempt per run.
 */
function nextBatch(lines: PendingLine[], limit: number): { size: number; attempts: Map<number, number> } {
  const attempts = new Map<number, number>();
  const end = Math.min(lines.length, limit);
  for (let i = 0; i < end; i += 1) {
    const { runId, attempt } = lines[i]!;
    const seen = attempts.get(runId);
    if (seen === undefined) attempts.set(runId, attempt);
    else if (seen !== attempt) return { size: i, attempts };
  }
  return { size: end, attempts };
}

function dropSummary(state: RunState): string {
  const mib = (state.droppedBytes / (1024 * 1024)).toFixed(1);
  return (
    `Log cap reached: ${state.droppedLines} more line(s) (${state.droppedBytes} bytes, ${mib} MiB) were dropped; ` +
    `this run kept ${state.lines} line(s), ${state.bytes} bytes.`
  );
}
