import type { Job, Run } from '../domain/model.js';
import type {
  HistoryAlertDetail,
  NewNotification,
  NotificationEvent,
  NotificationPayload,
} from '../domain/notification.js';
import { payloadFor } from './message.js';

/**
 * The deliveries an event makes: one outbox row per e-mail address and webhook of the job, each
 * with a dedupe key (the event's key and the target), so enqueueing the same event twice adds
 * nothing.
 */
export function deliveriesFor(
  job: Job,
  event: NotificationEvent,
  eventKey: string,
  runId: number | null,
  payload: NotificationPayload,
): NewNotification[] {
  const status = payload.status;
  const emails = job.notificationEmails.map((target) => ({ channel: 'email' as const, target, secret: null }));
  const hooks = job.notificationWebhooks.map((hook) => ({
    channel: 'webhook' as const,
    target: hook.url,
    secret: hook.secret,
  }));
  return [...emails, ...hooks].map((to) => ({
    jobId: job.id,
    runId,
    event,
    status,
    ...to,
    dedupeKey: `${eventKey}:${to.channel}:${to.target}`,
    payload,
  }));
}

/** Slow runs are told once per run, failure streaks once per streak (keyed by its first run). */
export function historyDeliveries(
  event: 'slow_run' | 'failure_streak',
  found: { run: Run; job: Job; detail: HistoryAlertDetail }[],
  publicUrl: string,
  now: number,
): NewNotification[] {
  return found.flatMap(({ run, job, detail }) => {
    const key = detail.kind === 'failure_streak' ? `streak:${job.id}:${detail.first_run_id}` : `slow:${run.id}`;
    const payload = payloadFor(event, job, publicUrl, { run, now, history: detail });
    return deliveriesFor(job, event, key, run.id, payload);
  });
}
