import type { LogLevel, LogLine } from '../domain/model.js';

/**
 * The worker that writes log lines, and the attempt of each run it writes for: a line is stored
 * only while that worker still holds the run in that attempt. A worker cut off from the database
 * past its lease sends its lines late, after its runs were rescued; they are refused rather than
 * mixed into (or taking the sequence numbers of) the new attempt's log.
 */
export interface LogHolder {
  workerId: string;
  /** Run id → attempt. */
  attempts: ReadonlyMap<number, number>;
}

export interface LogQuery {
  /** Only lines with a larger sequence number (cursor). */
  after?: number | undefined;
  /** Only lines with a sequence number up to this one. */
  through?: number | undefined;
  limit: number;
  levels?: LogLevel[] | undefined;
  /** Case-insensitive match on the message. */
  q?: string | undefined;
}

/** A run's log lines, written by its worker and read in order. */
export interface LogStore {
  /** Stores lines (a line already stored is skipped); with `heldBy`, only lines of runs still held (LogHolder). */
  logAppend(lines: LogLine[], heldBy?: LogHolder): Promise<void>;
  logList(runId: number, query: LogQuery): Promise<LogLine[]>;
  logMaxSeq(runId: number): Promise<number>;
}
