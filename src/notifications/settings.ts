import { ValidationError, fieldError } from '../domain/errors.js';
import type { NotificationWebhook } from '../domain/model.js';
import type { Notification } from '../domain/notification.js';
import type { Store } from '../storage/store.js';
import type { JobService } from '../service/job-service.js';
import type { RunService } from '../service/run-service.js';

import type { Role } from '../domain/access.js';
import { SECRET_SET } from '../domain/secret-args.js';

const MAX_WEBHOOKS = 20;

/** Validates a job's webhooks: `[{url, secret?}]` (or a list of URLs), http(s) only. */
export function parseWebhooks(value: unknown): NotificationWebhook[] {
  const field = 'notification_webhooks';
  if (!Array.isArray(value))
    throw new ValidationError('Not valid.', [fieldError(field, 'Must be a list of {url, secret?}.')]);
  if (value.length > MAX_WEBHOOKS) {
    throw new ValidationError('Not valid.', [fieldError(field, `At most ${MAX_WEBHOOKS} webhooks.`)]);
  }
  const problems: string[] = [];
  const hooks = value.map((item: unknown, i): NotificationWebhook => {
    const entry = typeof item === 'string' ? { url: item } : (item as Record<string, unknown> | null);
    const url = typeof entry?.url === 'string' ? entry.url.trim() : '';
    const secret = entry?.secret;
    if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url))
      problems.push(`item ${i + 1}: url must be an http(s) URL`);
    if (secret !== undefined && secret !== null && typeof secret !== 'string') {
      problems.push(`item ${i + 1}: secret must be text`);
    }
    const extra =
      entry && typeof entry === 'object' ? Object.keys(entry).filter((k) => k !== 'url' && k !== 'secret') : [];
    if (extra.length) problems.push(`item ${i + 1}: unknown field ${extra.join(', ')}`);
    return { url, secret: typeof secret === 'string' && secret !== '' ? secret : null };
  });
  if (problems.length) throw new ValidationError('Not valid.', [fieldError(field, ...problems)]);
  return hooks;
}

/** A secret given as "set" keeps the one stored for the same URL (a GET can be PUT back). */
export function keepWebhookSecrets(next: NotificationWebhook[], current: NotificationWebhook[]): NotificationWebhook[] {
  return next.map((hook) =>
    hook.secret === SECRET_SET
      ? { url: hook.url, secret: current.find((c) => c.url === hook.url)?.secret ?? null }
      : hook,
  );
}

/**
 * Webhooks as reads show them: the secret replaced by "set" (or null when there is none); the
 * URL whole only to admins, since Slack-style URLs are themselves credentials.
 */
export function webhooksToWire(hooks: NotificationWebhook[], role: Role): { url: string; secret: string | null }[] {
  return hooks.map((hook) => ({
    url: role === 'admin' ? hook.url : webhookOrigin(hook.url),
    secret: hook.secret ? SECRET_SET : null,
  }));
}

/** A webhook URL as logs and non-admins see it: its origin only (path and query may hold a token). */
export function webhookOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

/** Reading deliveries for the API and CLI: a run's (or a job's) notifications with their attempts. */
export class NotificationReader {
  constructor(
    private readonly store: Store,
    private readonly runs: RunService,
    private readonly jobs: JobService,
  ) {}

  async forRun(runId: number): Promise<Notification[]> {
    await this.runs.get(runId);
    return this.store.notificationList({ runId, limit: 500 });
  }

  async forJob(jobId: string, limit = 100): Promise<Notification[]> {
    await this.jobs.get(jobId);
    return this.store.notificationList({ jobId, limit });
  }
}

export interface NotificationWire {
  id: number;
  run_id: number | null;
  event: string;
  status: string;
  channel: string;
  target: string;
  state: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created: string;
  updated: string;
  history: { attempt: number; time: string; outcome: string; error: string | null; duration_ms: number }[];
}

export function notificationToWire(n: Notification, role: Role): NotificationWire {
  return {
    id: n.id,
    run_id: n.runId,
    event: n.event,
    status: n.status,
    channel: n.channel,
    target: n.channel === 'webhook' && role !== 'admin' ? webhookOrigin(n.target) : n.target,
    state: n.state,
    attempts: n.attempts,
    next_attempt_at: n.nextAttemptAt?.toISOString() ?? null,
    last_error: n.lastError,
    created: n.created.toISOString(),
    updated: n.updated.toISOString(),
    history: n.history.map((a) => ({
      attempt: a.attempt,
      time: a.time.toISOString(),
      outcome: a.outcome,
      error: a.error,
      duration_ms: a.durationMs,
    })),
  };
}
