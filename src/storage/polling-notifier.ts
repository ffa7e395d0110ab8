import type pg from 'pg';
import { Listeners, type Notifier, type StoreEvent, type StoreListener } from './notifier.js';

/** How often other processes' writes are looked for when nothing announces them (see below). */
const DEFAULT_NOTIFY_POLL_MS = 500;

/**
 * PostgreSQL behind a transaction pooler with no direct connection to LISTEN on (a LISTEN on a
 * pooled connection hears nothing once the pooler hands that server connection to someone else).
 * Events of this process are delivered at once, and still NOTIFYed for processes that do listen;
 * writes of other processes are noticed by an `external` event every `pollMs`, on which workers
 * claim and check for stops, schedulers look at their jobs again and waiters re-read their run.
 * A stop or a newly due job is so seen within `pollMs` (plus the query), 0.5 s by default.
 */
export class PollingPgNotifier implements Notifier {
  readonly #listeners = new Listeners();
  readonly #pool: pg.Pool;
  readonly #pollMs: number;
  readonly #channel: () => string;
  #timer: NodeJS.Timeout | undefined;
  #subscribers = 0;

  constructor(pool: pg.Pool, channel: () => string, pollMs = DEFAULT_NOTIFY_POLL_MS) {
    this.#pool = pool;
    this.#channel = channel;
    this.#pollMs = pollMs;
  }

  async publish(event: StoreEvent): Promise<void> {
    this.#listeners.emit(event);
    await this.#pool.query('select pg_notify($1, $2)', [this.#channel(), JSON.stringify(event)]);
  }

  subscribe(listener: StoreListener): () => void {
    const remove = this.#listeners.add(listener);
    this.#subscribers += 1;
    this.#timer ??= setInterval(() => this.#listeners.emit({ type: 'external' }), this.#pollMs).unref();
    return () => {
      remove();
      this.#subscribers -= 1;
      if (this.#subscribers === 0) this.#stop();
    };
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async close(): Promise<void> {
    this.#stop();
  }
}
