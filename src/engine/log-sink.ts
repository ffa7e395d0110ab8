import type { LogLine } from '../domain/model.js';
import type { Store } from '../storage/store.js';
import { retrying } from './service-support.js';

export interface LogSinkOptions {
  /** Longest a line waits before it is written (default 100 ms). */
  flushIntervalMs?: number;
  /** Lines buffered before an early write (default 500). */
  maxBuffered?: number;
  /** Called when a write fails; the lines are kept and retried. */
  onError?: (error: unknown) => void;
}

/**
 * Collects the log lines of all runs of one worker and writes them in batches, one insert for
 * many lines. Writes are serialised, so lines reach the database in the order they were logged.
 */
export class LogSink {
  readonly #store: Store;
  readonly #flushIntervalMs: number;
  readonly #maxBuffered: number;
  readonly #onError: (error: unknown) => void;
  #buffer: LogLine[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(store: Store, options: LogSinkOptions = {}) {
    this.#store = store;
    this.#flushIntervalMs = options.flushIntervalMs ?? 100;
    this.#maxBuffered = options.maxBuffered ?? 500;
    this.#onError = options.onError ?? (() => undefined);
  }

  append(line: LogLine): void {
    this.#buffer.push(line);
    if (this.#buffer.length >= this.#maxBuffered) {
      void this.flush();
    } else {
      this.#timer ??= setTimeout(() => void this.flush(), this.#flushIntervalMs);
    }
  }

  /** Writes everything appended so far; resolves when it is stored. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const lines = this.#buffer;
    this.#buffer = [];
    if (lines.length === 0) return this.#writing;
    this.#writing = this.#writing.then(() => this.#write(lines));
    return this.#writing;
  }

  async #write(lines: LogLine[]): Promise<void> {
    // The database may be briefly away (a restart): keep the lines and retry.
    await retrying(() => this.#store.logAppend(lines), this.#onError).catch(this.#onError);
  }
}
