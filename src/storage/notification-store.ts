import type { Job, Run } from '../domain/model.js';
import type { ClaimedNotification, MissedSlots, NewNotification, Notification } from '../domain/notification.js';

export interface RecordedAttempt {
  id: number;
  workerId: string;
  attempt: number;
  outcome: 'delivered' | 'failed';
  error: string | null;
  durationMs: number;
  /** When to try again; null when there is no further attempt (delivered, or out of attempts). */
  retryAt: Date | null;
}

/** A position in a time-ordered scan: rows after (time, id). */
export interface ScanCursor {
  time: number;
  id: number;
}

/** A position in the scan of missed slots: groups after (creation time, job id). */
export interface SlotScanCursor {
  time: number;
  jobId: string;
}

/** Notifications: the scans that find what to tell, and the outbox of deliveries. */
export interface NotificationStore {
  /** Ended runs of jobs with notification targets, after a (finish time, id) cursor, oldest first. */
  runsEndedForNotification(after: ScanCursor, until: Date, limit: number): Promise<{ run: Run; job: Job }[]>;
  /** Running runs past their job's "running longer than" threshold at `now`. */
  runsRunningLong(now: Date): Promise<{ run: Run; job: Job }[]>;
  /** Missed (or failed) schedule slots of notified jobs, grouped by firing, after a (record time, job) cursor. */
  slotsMissedForNotification(after: SlotScanCursor, until: Date, limit: number): Promise<MissedSlots[]>;
  /** Adds deliveries to the outbox (idempotent by dedupe key); returns how many were new. */
  notificationsEnqueue(items: NewNotification[]): Promise<number>;
  /** Claims due deliveries for this sender for `leaseMs` (SKIP LOCKED / single writer). */
  notificationsClaim(workerId: string, limit: number, leaseMs: number): Promise<ClaimedNotification[]>;
  notificationRecordAttempt(attempt: RecordedAttempt): Promise<void>;
  /** Deliveries of a run or job, newest first, with every attempt; secrets are never read. */
  notificationList(filter: { runId?: number; jobId?: string; limit: number }): Promise<Notification[]>;
}
