import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { nextAttemptDelayMs, type ClaimedNotification, type NewNotification } from '../domain/notification.js';
import { silentLogger } from '../engine/silent-logger.js';
import type { Service } from '../engine/service.js';
import type { Store } from '../storage/store.js';
import { Channels, resolveNotificationConfig, type NotificationConfig } from './channels.js';
import { payloadFor } from './message.js';
import { webhookOrigin } from './settings.js';
import { OutboundPolicy } from '../engine/outbound-policy.js';
import { HistoryAlertScanner } from './history-alerts.js';
import { deliveriesFor, historyDeliveries } from './deliveries.js';

export interface NotificationServiceOptions extends NotificationConfig {
  /** What webhooks may reach (default: public addresses plus JOBDECK_OUTBOUND_ALLOW). */
  outbound?: OutboundPolicy;
  /**
   * How often to look for events and due deliveries when nothing wakes the service. Default:
   * every second for two minutes after anything was enqueued or sent (so retries keep their
   * times), else every minute: ended runs wake it at once, and an idle system stays idle (a
   * "running longer than" notice or a missed slot may then wait up to a minute).
   */
  pollMs?: number;
  /** Attempts per delivery, the first included (default 4). */
  maxAttempts?: number;
  /** Wait before the 2nd attempt; each later one waits 4 times longer (default 5 s). */
  retryBaseMs?: number;
  /** Time limit of one attempt: connection, SMTP dialogue, HTTP answer (default 10 s). */
  timeoutMs?: number;
  /** Deliveries sent at once (default 10). */
  concurrency?: number;
  /**
   * Events are looked for again this far back, so a run whose end was committed late (or by a
   * process with a slower clock) is not missed; enqueueing is idempotent (default 60 s).
   */
  lagMs?: number;
  /** How long a job's p95 duration is reused by the slow-run alert (default 60 s). */
  p95TtlMs?: number;
  /** Told about every attempt, e.g. the metrics counter. */
  onAttempt?: (channel: string, outcome: 'sent' | 'retrying' | 'failed') => void;
  logger?: Logger;
  now?: () => number;
}

const CURSOR_KEY = 'notifications.scanned_until';
const PAGE = 500;
const CURSOR_SAVE_MS = 10_000;
const BUSY_POLL_MS = 1000;
const IDLE_POLL_MS = 60_000;
/** Longer than the third retry's wait (4 × 4 × 5 s), so default retries are sent on time. */
const BUSY_WINDOW_MS = 120_000;

/**
 * Tells people about runs: finds events (runs that ended in a chosen status, missed schedule
 * slots, runs running longer than their job allows), writes one outbox row per delivery, then
 * claims due rows and sends them, recording every attempt. It runs beside the worker and never
 * touches a run, so delivery can neither delay nor fail one. Everything it needs is in the
 * database: a process that dies loses nothing (its claims expire and are sent again), and
 * several processes share the work without sending anything twice.
 */
export class NotificationService implements Service {
  readonly #store: Store;
  readonly #log: Logger;
  readonly #channels: Channels;
  readonly #config: ReturnType<typeof resolveNotificationConfig>;
  readonly #pollMs: number | undefined;
  #busyUntil = 0;
  #started = false;
  /** When the planned pass is due. */
  #plannedAt = 0;
  readonly #maxAttempts: number;
  readonly #retryBaseMs: number;
  readonly #timeoutMs: number;
  readonly #concurrency: number;
  readonly #lagMs: number;
  readonly #now: () => number;
  readonly #onAttempt: NonNullable<NotificationServiceOptions['onAttempt']>;
  readonly #id = `notifier-${randomUUID()}`;
  /** Keys enqueued recently by this process, so rescans of the lag window skip the insert. */
  readonly #recent = new Map<string, number>();
  readonly #history: HistoryAlertScanner;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #running = false;
  #again = false;
  #loop: Promise<void> = Promise.resolve();
  #savedAt = 0;

  constructor(store: Store, options: NotificationServiceOptions = {}) {
    this.#store = store;
    this.#log = (options.logger ?? silentLogger).child({ service: 'notifications' });
    this.#config = resolveNotificationConfig(options);
    this.#pollMs = options.pollMs;
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.#retryBaseMs = options.retryBaseMs ?? 5000;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#concurrency = Math.max(1, options.concurrency ?? 10);
    this.#lagMs = Math.max(options.lagMs ?? 60_000, 2 * CURSOR_SAVE_MS);
    this.#now = options.now ?? Date.now;
    this.#onAttempt = options.onAttempt ?? (() => undefined);
    this.#history = new HistoryAlertScanner(store, options.p95TtlMs);
    this.#channels = new Channels(this.#config, this.#timeoutMs, options.outbound ?? OutboundPolicy.from());
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#plan();
    // A run that ended anywhere (PostgreSQL: any process) is worth a look at once; another SQLite
    // process's writes (`external`, it could be many) within a second.
    this.#unsubscribe = this.#store.subscribe((event) => {
      if (event.type === 'changed') this.wake();
      else if (event.type === 'external' && this.#plannedAt > this.#now() + BUSY_POLL_MS) this.#plan(BUSY_POLL_MS);
    });
    this.wake();
  }

  async stop(): Promise<void> {
    this.#started = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    await this.#loop;
    this.#channels.close();
  }

  /** Asks for a pass soon; passes never overlap. */
  wake(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    this.#loop = this.#pass().finally(() => {
      this.#running = false;
      if (this.#again && this.#started) {
        this.#again = false;
        this.wake();
      }
    });
  }

  /** One pass: find new events, then send what is due. Resolves when both are done. */
  async tick(): Promise<void> {
    await this.#loop;
    await this.#pass();
  }

  async #pass(): Promise<void> {
    try {
      let active = (await this.enqueueEvents()) > 0;
      while ((await this.deliverDue()) > 0 && this.#started) active = true;
      if (active) this.#busyUntil = this.#now() + BUSY_WINDOW_MS;
    } catch (error) {
      this.#log.error({ err: error }, 'notification pass failed');
    }
    this.#plan();
  }

  /** The next pass when nothing wakes the service earlier (see `pollMs`). */
  #plan(ms = this.#pollMs ?? (this.#now() < this.#busyUntil ? BUSY_POLL_MS : IDLE_POLL_MS)): void {
    if (!this.#started) return;
    clearTimeout(this.#timer);
    this.#plannedAt = this.#now() + ms;
    this.#timer = setTimeout(() => this.wake(), ms);
  }

  /** Finds events since the last scan (minus the lag window) and enqueues their deliveries. */
  async enqueueEvents(): Promise<number> {
    const now = this.#now();
    const stored = Number(await this.#store.settingGet(CURSOR_KEY));
    // A first start looks back one lag window only: no mail about last year's runs.
    const from = (Number.isFinite(stored) && stored > 0 ? stored : now) - this.#lagMs;
    let added = 0;
    for (let after = { time: from, id: 0 }; ;) {
      const page = await this.#store.runsEndedForNotification(after, new Date(now), PAGE);
      const items = page
        .filter(({ run, job }) => job.notificationStatuses.includes(run.status))
        .flatMap(({ run, job }) =>
          deliveriesFor(
            job,
            'finished',
            `run:${run.id}`,
            run.id,
            payloadFor('finished', job, this.#config.publicUrl, { run, now }),
          ),
        );
      added += await this.#enqueue(items);
      added += await this.#enqueue(
        historyDeliveries('failure_streak', await this.#history.streaks(page), this.#config.publicUrl, now),
      );
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!.run;
      after = { time: last.finishedAt!.getTime(), id: last.id };
    }
    for (let after = { time: from, jobId: '' }; ;) {
      const page = await this.#store.slotsMissedForNotification(after, new Date(now), PAGE);
      const items = page.flatMap((missed) =>
        deliveriesFor(
          missed.job,
          'missed',
          `missed:${missed.job.id}:${missed.recorded.getTime()}`,
          null,
          payloadFor('missed', missed.job, this.#config.publicUrl, { missed }),
        ),
      );
      added += await this.#enqueue(items);
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { time: last.recorded.getTime(), jobId: last.job.id };
    }
    const long = await this.#store.runsRunningLong(new Date(now));
    added += await this.#enqueue(
      long.flatMap(({ run, job }) =>
        deliveriesFor(
          job,
          'running_long',
          `long:${run.id}`,
          run.id,
          payloadFor('running_long', job, this.#config.publicUrl, { run, now }),
        ),
      ),
    );
    added += await this.#enqueue(
      historyDeliveries('slow_run', await this.#history.slowRuns(now), this.#config.publicUrl, now),
    );
    // The cursor only bounds how far back a restart looks, so it is saved now and then, not on
    // every pass (on SQLite each save takes the write lock that workers need).
    if (added > 0 || now - this.#savedAt >= CURSOR_SAVE_MS) {
      await this.#store.settingPut(CURSOR_KEY, String(now));
      this.#savedAt = now;
    }
    for (const [key, time] of this.#recent) if (time < now - 2 * this.#lagMs) this.#recent.delete(key);
    return added;
  }

  async #enqueue(items: NewNotification[]): Promise<number> {
    const fresh = items.filter((item) => !this.#recent.has(item.dedupeKey));
    if (!fresh.length) return 0;
    const added = await this.#store.notificationsEnqueue(fresh);
    const now = this.#now();
    for (const item of fresh) this.#recent.set(item.dedupeKey, now);
    if (added) this.#log.debug({ added }, 'notifications enqueued');
    return added;
  }

  /** Claims due deliveries and sends them; returns how many were attempted. */
  async deliverDue(): Promise<number> {
    const claimed = await this.#store.notificationsClaim(this.#id, this.#concurrency, this.#timeoutMs * 3 + 5000);
    await Promise.all(claimed.map((item) => this.#attempt(item)));
    return claimed.length;
  }

  async #attempt(item: ClaimedNotification): Promise<void> {
    const started = performance.now();
    let error: string | null = null;
    try {
      await this.#channels.send(item);
    } catch (failure) {
      error = (failure as Error).message || String(failure);
    }
    const durationMs = performance.now() - started;
    const retry = error !== null && item.attempt < this.#maxAttempts;
    const outcome = error === null ? 'sent' : retry ? 'retrying' : 'failed';
    this.#onAttempt(item.channel, outcome);
    // Webhook URLs may hold a token (Slack-style): logs show their origin only; webhook secrets
    // and the SMTP password never appear.
    const target = item.channel === 'webhook' ? webhookOrigin(item.target) : item.target;
    const fields = { delivery: item.id, channel: item.channel, target, attempt: item.attempt };
    if (error === null) this.#log.info(fields, 'notification delivered');
    else this.#log.warn({ ...fields, error }, retry ? 'notification failed, will retry' : 'notification failed');
    await this.#store.notificationRecordAttempt({
      id: item.id,
      workerId: this.#id,
      attempt: item.attempt,
      outcome: error === null ? 'delivered' : 'failed',
      error,
      durationMs,
      retryAt: retry ? new Date(this.#now() + nextAttemptDelayMs(item.attempt, this.#retryBaseMs)) : null,
    });
  }
}
