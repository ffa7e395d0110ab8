import type { Job } from './model.js';
import type { RunStatus } from './run-status.js';

/**
 * What a notification tells about: a run that ended, a schedule slot missed, a run running long.
 * @public (the list the type is derived from, kept as a value for code that enumerates it)
 */
export const NOTIFICATION_EVENTS = ['finished', 'missed', 'running_long', 'slow_run', 'failure_streak'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** @public (as NOTIFICATION_EVENTS) */
export const NOTIFICATION_CHANNELS = ['email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * pending: waiting for its (next) attempt; sending: claimed by a process (a lease, so a dead
 * process's claim expires); delivered; failed: every attempt failed.
 */
export type NotificationState = 'pending' | 'sending' | 'delivered' | 'failed';

/** The status shown for a notification: a run's final status, MISSED, RUNNING_LONG, SLOW_RUN or FAILURE_STREAK. */
export type NotificationStatus = RunStatus | 'MISSED' | 'RUNNING_LONG' | 'SLOW_RUN' | 'FAILURE_STREAK';

/** Why a history alert fired (slow_run: the limit it passed; failure_streak: the streak). */
export type HistoryAlertDetail =
  | { kind: 'slow_run'; p95_ms: number; factor: number; of_runs: number; limit_ms: number }
  | { kind: 'failure_streak'; failures: number; first_run_id: number };

/** What the message says, fixed when the delivery is enqueued (the webhook's JSON body). */
export interface NotificationPayload {
  event: NotificationEvent;
  status: NotificationStatus;
  job: { id: string; title: string; task: string };
  run: {
    id: number;
    title: string;
    status: RunStatus;
    started_at: string | null;
    finished_at: string | null;
    duration_ms: number | null;
    message: string | null;
  } | null;
  /** The missed schedule slots (one firing of the scheduler) and why they produced no run. */
  slot: { scheduled_for: string; last_scheduled_for: string; count: number; reason: string } | null;
  /** Set on slow_run and failure_streak notifications. */
  history?: HistoryAlertDetail;
  /** The run page in the admin, or the job page for a missed slot. */
  url: string;
  /** When the event happened (ISO). */
  time: string;
}

/** Slots of a job that one firing of the scheduler found missed. */
export interface MissedSlots {
  job: Job;
  /** When the scheduler recorded them. */
  recorded: Date;
  count: number;
  first: Date;
  last: Date;
  /** The reason of the first (they share their cause). */
  reason: string;
}

/** One delivery to one target, as the outbox holds it (the webhook secret never leaves storage). */
export interface NewNotification {
  jobId: string;
  runId: number | null;
  event: NotificationEvent;
  status: NotificationStatus;
  channel: NotificationChannel;
  target: string;
  secret: string | null;
  /** Same key, same delivery: enqueueing twice is a no-op. */
  dedupeKey: string;
  payload: NotificationPayload;
}

export interface NotificationAttempt {
  attempt: number;
  time: Date;
  outcome: 'delivered' | 'failed';
  error: string | null;
  durationMs: number;
}

export interface Notification {
  id: number;
  jobId: string;
  runId: number | null;
  event: NotificationEvent;
  status: NotificationStatus;
  channel: NotificationChannel;
  target: string;
  state: NotificationState;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  payload: NotificationPayload;
  created: Date;
  updated: Date;
  history: NotificationAttempt[];
}

/** A claimed delivery, with what sending needs (the secret stays inside the process). */
export interface ClaimedNotification {
  id: number;
  channel: NotificationChannel;
  target: string;
  secret: string | null;
  attempt: number;
  payload: NotificationPayload;
}

/** Retries: attempt n waits base × 4^(n−1) (5 s, 20 s, 80 s by default), at most `maxAttempts`. */
export function nextAttemptDelayMs(attempt: number, baseMs: number): number {
  return baseMs * 4 ** Math.max(0, attempt - 1);
}
