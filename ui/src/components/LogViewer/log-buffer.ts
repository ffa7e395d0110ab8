import type { LogLineWire } from '../../api/types.ts';

/** Lines per request: a screenful many times over, small enough to answer in a few ms. */
const LOG_PAGE_SIZE = 500;
/** Start loading the next page of a filtered log this many rows before its end. */
const PREFETCH_ROWS = 200;

export type FetchLogPage = (after: number, size: number) => Promise<LogLineWire[]>;

/**
 * The part of a run's log the browser holds: only the pages the user has scrolled past, never
 * the whole log, so a run with millions of lines costs what a screenful costs.
 *
 * Unfiltered, lines are numbered 1, 2, … per run, so row i is line i + 1 and any part of the log
 * is one request away (`after = first seq − 1`): the list knows its full length from the start
 * and scrolling to the end loads only the last page. Filtered (level or text), the matching
 * lines are not numbered densely, so they are read forward from the cursor as the user scrolls.
 */
export class LogBuffer {
  readonly indexed: boolean;
  #fetch: FetchLogPage;
  #lines: (LogLineWire | undefined)[] = [];
  #count = 0;
  /** Indexed: pages requested (loading or loaded), by page number. */
  #pages = new Set<number>();
  /** Filtered: whether lines after the last one may exist, and whether a read is under way. */
  #more = true;
  #reading = false;
  #listeners = new Set<() => void>();
  #version = 0;
  #error: unknown = null;

  constructor(fetch: FetchLogPage, options: { indexed: boolean; count?: number }) {
    this.#fetch = fetch;
    this.indexed = options.indexed;
    if (options.indexed) this.#count = options.count ?? 0;
  }

  /** Rows in the list: the log's length (indexed) or the lines read so far (filtered). */
  get count(): number {
    return this.#count;
  }
  get version(): number {
    return this.#version;
  }
  get error(): unknown {
    return this.#error;
  }
  /** Filtered: whether the end has been reached (nothing more to read for now). */
  get complete(): boolean {
    return this.indexed ? true : !this.#more && !this.#reading;
  }
  get loading(): boolean {
    return this.#reading || (this.indexed && this.#pendingPages > 0);
  }
  #pendingPages = 0;

  line(index: number): LogLineWire | undefined {
    return this.#lines[index];
  }

  /** The last line's sequence number held: where a live tail resumes. */
  get cursor(): number {
    if (this.indexed) return this.#count;
    for (let i = this.#lines.length - 1; i >= 0; i -= 1) {
      const line = this.#lines[i];
      if (line) return line.seq;
    }
    return 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Loads what rows `start`..`end` (the visible window) need. */
  ensure(start: number, end: number): void {
    if (this.indexed) {
      const last = Math.min(end, this.#count - 1);
      for (let page = Math.floor(start / LOG_PAGE_SIZE); page * LOG_PAGE_SIZE <= last; page += 1) {
        if (!this.#pages.has(page)) void this.#loadPage(page);
      }
    } else if (end >= this.#count - PREFETCH_ROWS) {
      void this.#readMore();
    }
  }

  /** The log grew while no live tail was open (indexed: the new length is known). */
  grow(count: number): void {
    if (!this.indexed || count <= this.#count) return;
    // The last page may have been read while it was still filling up: read it again.
    this.#pages.delete(Math.floor((this.#count - 1) / LOG_PAGE_SIZE));
    this.#count = count;
    this.#changed();
  }

  /** Filtered: more matching lines may have been written; the next scroll to the end reads them. */
  mayHaveMore(): void {
    if (this.indexed || this.#more) return;
    this.#more = true;
    this.#changed();
  }

  /** Lines from the live tail, in order. */
  append(lines: LogLineWire[]): void {
    if (lines.length === 0) return;
    if (this.indexed) {
      for (const line of lines) this.#place(line);
    } else {
      const cursor = this.cursor;
      for (const line of lines) if (line.seq > cursor) this.#lines.push(line);
      this.#count = this.#lines.length;
      // The tail reads everything after the cursor: nothing is left to page through.
      this.#more = false;
    }
    this.#changed();
  }

  async #loadPage(page: number): Promise<void> {
    this.#pages.add(page);
    this.#pendingPages += 1;
    try {
      const lines = await this.#fetch(page * LOG_PAGE_SIZE, LOG_PAGE_SIZE);
      for (const line of lines) this.#place(line);
      this.#error = null;
    } catch (error) {
      this.#pages.delete(page); // the next scroll over it tries again
      this.#error = error;
    } finally {
      this.#pendingPages -= 1;
      this.#changed();
    }
  }

  async #readMore(): Promise<void> {
    if (this.#reading || !this.#more) return;
    this.#reading = true;
    this.#changed();
    try {
      const lines = await this.#fetch(this.cursor, LOG_PAGE_SIZE);
      // The live tail may have delivered some of these meanwhile: keep each line once.
      const cursor = this.cursor;
      for (const line of lines) if (line.seq > cursor) this.#lines.push(line);
      this.#count = this.#lines.length;
      this.#more = lines.length === LOG_PAGE_SIZE;
      this.#error = null;
    } catch (error) {
      this.#error = error;
      this.#more = false; // "Try again" re-enables it
    } finally {
      this.#reading = false;
      this.#changed();
    }
  }

  /** After a failed read: try the same part again. */
  retry(): void {
    this.#error = null;
    if (!this.indexed) this.#more = true;
    this.#changed();
  }

  #place(line: LogLineWire): void {
    const index = line.seq - 1;
    if (index < 0) return;
    this.#lines[index] = line;
    if (index >= this.#count) this.#count = index + 1;
  }

  #changed(): void {
    this.#version += 1;
    for (const listener of this.#listeners) listener();
  }
}
