// What the comparison asks of each system, in the child process that runs it.

export type Variant = 'default' | 'tuned';

export interface AdapterConfig {
  /** The fresh PostgreSQL database of this measurement. */
  databaseUrl: string;
  redisUrl: string;
  /** Namespaces what the system keeps outside PostgreSQL (BullMQ's Redis keys). */
  namespace: string;
  variant: Variant;
  concurrency: number;
}

export interface SystemAdapter {
  /** Creates the system's schema (idempotent) and opens its clients. */
  setup(): Promise<void>;
  /** Enqueues `count` no-op jobs with the system's bulk API; resolves once they are stored. */
  enqueueBulk(count: number): Promise<void>;
  /** Enqueues one no-op job the way an application would (for latency). */
  enqueueOne(): Promise<void>;
  /** Starts one worker at the configured concurrency; `onJob` is called as each job starts. */
  startWorker(onJob: () => void): Promise<void>;
  /** Jobs not finished yet, as the system's store says (finished means durably recorded). */
  remaining(): Promise<number>;
  /** Commands the backend executed so far, for non-SQL backends (Redis), else undefined. */
  backendCommands?(): Promise<number>;
  close(): Promise<void>;
}

export type AdapterFactory = (config: AdapterConfig) => SystemAdapter;
