import type { LogLevel, LogLine } from '../domain/model.js';

/** Where a search page ended: the next page starts after this line (newest first). */
export interface LogSearchCursor {
  time: number;
  runId: number;
  seq: number;
}

export interface LogSearchQuery {
  /** Words every line must have (see src/domain/log-words.ts); empty: any line. */
  words: string[];
  jobId?: string | undefined;
  runId?: number | undefined;
  /** With runId: the lines of its sub-runs too. */
  withSubRuns?: boolean | undefined;
  levels?: LogLevel[] | undefined;
  /** Lines at or after this instant. */
  since?: Date | undefined;
  /** Lines before this instant. */
  until?: Date | undefined;
  after?: LogSearchCursor | undefined;
  limit: number;
}

export interface LogSearchHit extends LogLine {
  jobId: string;
  runTitle: string;
  parentRunId: number | null;
}

export interface LogSearchPage {
  /** Newest first (time, then run and sequence number, descending). */
  hits: LogSearchHit[];
  /**
   * Where to go on, or null when the search has seen every line. A page may hold fewer hits
   * than asked with a cursor: each page scans a bounded number of lines (see log-search-queries.ts).
   */
  next: LogSearchCursor | null;
}

/** Cross-run log search (migrations 0016 and 0025, docs/logs.md). */
export interface LogSearchStore {
  logSearch(query: LogSearchQuery): Promise<LogSearchPage>;
  /**
   * Moves stored lines that wait for the word index into it (see log-words-queries.ts), at most
   * `maxRuns` runs' worth; returns how many runs' lines were indexed. Safe to call concurrently.
   */
  logWordsIndex(maxRuns?: number): Promise<number>;
}
