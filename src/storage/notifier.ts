import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { pgDriver } from './pg-driver.js';

/**
 * What changed in the store, announced to every process using it. `external` means "another
 * process wrote something; look again" (SQLite cannot say what).
 */
export type StoreEvent =
  | { type: 'queued'; queue: string; runId?: number; jobId?: string }
  | { type: 'changed'; runIds?: number[] }
  | { type: 'cancel'; runId: number }
  /** A job was saved or deleted; schedulers look again at when to wake. */
  | { type: 'job'; action: 'created' | 'updated' | 'deleted'; jobId: string }
  | { type: 'progress'; runId: number }
  | { type: 'external' };

export type StoreListener = (event: StoreEvent) => void;

export interface Notifier {
  publish(event: StoreEvent): Promise<void>;
  subscribe(listener: StoreListener): () => void;
  close(): Promise<void>;
}

export class Listeners {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  emit(event: StoreEvent): void {
    this.#emitter.emit('event', event);
  }

  add(listener: StoreListener): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}

/** The one LISTEN/NOTIFY channel; events are `JSON.stringify(StoreEvent)`. */
export const NOTIFY_CHANNEL = 'jobdeck';

/**
 * PostgreSQL: NOTIFY on one channel, LISTEN on a dedicated connection opened on first
 * subscription and reopened with backoff if it breaks (e.g. a database restart).
 */
export class PgNotifier implements Notifier {
  readonly #listeners = new Listeners();
  readonly #pool: pg.Pool;
  readonly #clientConfig: pg.ClientConfig;
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #closed = false;
  #retryMs = 100;

  constructor(pool: pg.Pool, clientConfig: pg.ClientConfig) {
    this.#pool = pool;
    this.#clientConfig = clientConfig;
  }

  async publish(event: StoreEvent): Promise<void> {
    await this.#pool.query('select pg_notify($1, $2)', [NOTIFY_CHANNEL, JSON.stringify(event)]);
  }

  subscribe(listener: StoreListener): () => void {
    const remove = this.#listeners.add(listener);
    void this.listening();
    return remove;
  }

  /** Resolves once LISTEN is in effect, so nothing published afterwards is missed. */
  listening(): Promise<void> {
    if (this.#client || this.#closed) return Promise.resolve();
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #connect(): Promise<void> {
    const client = new (pgDriver().Client)(this.#clientConfig);
    client.on('notification', (message) => {
      if (!message.payload) return;
      try {
        this.#listeners.emit(JSON.parse(message.payload) as StoreEvent);
      } catch {
        // A payload not written by Jobdeck: ignore it.
      }
    });
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      this.#client = client;
      this.#retryMs = 100;
      // Whatever happened while we were not listening must be looked at again.
      this.#listeners.emit({ type: 'external' });
    } catch {
      await client.end().catch(() => undefined);
      this.#scheduleReconnect();
    }
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    void client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, 5000);
    setTimeout(() => void this.listening(), delay).unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}
