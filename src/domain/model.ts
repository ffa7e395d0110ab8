import type { RunStatus } from './run-status.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

/** A named channel runs are submitted to; configured, not stored. */
export interface Queue {
  name: string;
  title: string;
  description: string;
}

/** An administrator-made configuration of one task. */
export interface Job {
  id: string;
  title: string;
  description: string;
  task: string;
  defaultQueue: string;
  active: boolean;
  /** Saved run arguments (the task's form). */
  args: JsonObject;
  /** When set, replaces the task arguments verbatim. */
  customArgs: JsonObject | null;
  created: Date;
  updated: Date;
}

export interface RunProgress {
  total: number | null;
  inserted: number | null;
  updated: number | null;
  errored: number | null;
}

/** One execution of a job. A QUEUED run is the queue entry itself. */
export interface Run {
  id: number;
  jobId: string;
  task: string;
  title: string;
  status: RunStatus;
  queue: string;
  /** The arguments the task receives (after custom args were applied). */
  args: JsonObject;
  /** The custom args given for this run, if any (they replaced the form args). */
  customArgs: JsonObject | null;
  since: Date | null;
  startedBy: string;
  created: Date;
  availableAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
  workerId: string | null;
  message: string | null;
  result: JsonValue | null;
  progress: RunProgress;
  attempt: number;
  maxAttempts: number;
  parentRunId: number | null;
  priority: number;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogLine {
  runId: number;
  seq: number;
  time: Date;
  level: LogLevel;
  message: string;
  fields: JsonObject | null;
}

export const DEFAULT_QUEUE: Queue = {
  name: 'default',
  title: 'Default',
  description: 'Runs that do not ask for a particular queue.',
};
