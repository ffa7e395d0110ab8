import { createHash } from 'node:crypto';
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

/** The channel of Jobdeck's default schema (and of 0.1's tables in `public`). */
const DEFAULT_CHANNEL = 'jobdeck';
/** PostgreSQL truncates identifiers (LISTEN) at 63 bytes, and pg_notify refuses longer names. */
const MAX_CHANNEL = 63;

/**
 * The LISTEN/NOTIFY channel of Jobdeck's tables in `schema`; events are
 * `JSON.stringify(StoreEvent)`. Channels are per database, not per schema: two Jobdeck
 * deployments in two schemas of one database need two channels, or a stop of run 7 in one would
 * abort run 7 of the other. The default schema keeps the plain `jobdeck` every earlier version
 * used, so a rolling upgrade of a default deployment keeps hearing its older processes.
 */
export function notifyChannel(schema: string | undefined): string {
  if (schema === undefined || schema === 'jobdeck' || schema === 'public') return DEFAULT_CHANNEL;
  const channel = `${DEFAULT_CHANNEL}.${schema}`;
  if (channel.length <= MAX_CHANNEL) return channel;
  // Long schema names: a prefix stays readable, the hash keeps two such names apart.
  const hash = createHash('sha256').update(schema).digest('hex').slice(0, 16);
  return `${channel.slice(0, MAX_CHANNEL - hash.length - 1)}.${hash}`;
}

/**
 * PostgreSQL: NOTIFY on the schema's channel, LISTEN on a dedicated connection opened on first
 * subscription and reopened with backoff if it breaks (e.g. a database restart). The channel is
 * asked for when used: the store learns its schema (the table layout) after the notifier exists.
 */
export class PgNotifier implements Notifier {
  readonly #listeners = new Listeners();
  readonly #pool: pg.Pool;
  readonly #clientConfig: pg.ClientConfig;
  readonly #channel: () => string;
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #closed = false;
  #retryMs = 100;

  constructor(pool: pg.Pool, clientConfig: pg.ClientConfig, channel: () => string) {
    this.#pool = pool;
    this.#clientConfig = clientConfig;
    this.#channel = channel;
  }

  async publish(event: StoreEvent): Promise<void> {
    await this.#pool.query('select pg_notify($1, $2)', [this.#channel(), JSON.stringify(event)]);
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
      await client.query(`LISTEN "${this.#channel()}"`);
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
