/**
 * Pruning of old history. Every statement deletes at most `batchSize` rows chosen by key
 * (run id, log sequence), so on PostgreSQL no statement holds locks for long and workers keep
 * claiming and logging while a prune runs; SQLite's single writer is released between batches.
 */
export interface PruneOptions {
  /** Only runs that ended before this instant (and their log lines) are pruned. */
  before: Date;
  /** Rows per statement (default 5000). */
  batchSize?: number;
  /** Checked between batches: a prune that is stopped ends after the current batch. */
  signal?: AbortSignal;
  /** Called after each batch with the rows it deleted. */
  onBatch?: (deleted: number) => void;
}

export interface RunPruneOptions extends PruneOptions {
  /** The newest runs of each job kept whatever their age. */
  keepLast: number;
}

/** Pruning old history (see retention-queries.ts). */
export interface RetentionStore {
  /** Deletes log lines of runs that ended before `before`, in batches; returns lines deleted. */
  logsPrune(options: PruneOptions): Promise<number>;
  /** Deletes ended runs before `before` except each job's newest `keepLast`, in batches; returns runs deleted. */
  runsPrune(options: RunPruneOptions): Promise<number>;
}
