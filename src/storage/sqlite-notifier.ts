import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Listeners, type Notifier, type StoreEvent, type StoreListener } from './notifier.js';

/** Without a file watch: `PRAGMA data_version` is a read of shared memory, so it can run often. */
const FAST_POLL_MS = 15;
/** With one, the poll only covers a change the watch missed. */
const WATCHED_POLL_MS = 5000;

/**
 * SQLite: events of this process are delivered at once; writes of other processes are noticed
 * when `PRAGMA data_version` changes (it does when another connection commits). It is read when
 * the file system says the database's WAL (or the file itself) was written — every commit writes
 * the WAL, so another process's enqueue or stop is seen within a fraction of a millisecond while
 * an idle process sleeps — and on a slow poll in case a change notice is lost. Where no watch can
 * be set (`:memory:`, a file system without change notices), the poll runs every 15 ms as before.
 */
export class SqliteNotifier implements Notifier {
  readonly #listeners = new Listeners();
  readonly #db: Database.Database;
  #timer: NodeJS.Timeout | undefined;
  #watcher: fs.FSWatcher | undefined;
  #version = -1;
  #subscribers = 0;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async publish(event: StoreEvent): Promise<void> {
    this.#listeners.emit(event);
  }

  subscribe(listener: StoreListener): () => void {
    const remove = this.#listeners.add(listener);
    this.#subscribers += 1;
    this.#start();
    return () => {
      remove();
      this.#subscribers -= 1;
      if (this.#subscribers === 0) this.#stop();
    };
  }

  #start(): void {
    if (this.#timer) return;
    this.#version = this.#readVersion();
    this.#watcher = this.#watch();
    this.#timer = setInterval(() => this.#check(), this.#watcher ? WATCHED_POLL_MS : FAST_POLL_MS);
    this.#timer.unref();
  }

  /** A watch of the database's folder for writes to its WAL or to the file; none for `:memory:`. */
  #watch(): fs.FSWatcher | undefined {
    const file = this.#db.name;
    if (!file || file === ':memory:' || this.#db.memory) return undefined;
    const base = path.basename(file);
    const names = new Set([base, `${base}-wal`]);
    try {
      const watcher = fs.watch(path.dirname(path.resolve(file)), { persistent: false }, (_event, name) => {
        if (name === null || names.has(name.toString())) this.#check();
      });
      watcher.on('error', () => this.#fallBackToPolling());
      return watcher;
    } catch {
      return undefined;
    }
  }

  #fallBackToPolling(): void {
    this.#watcher?.close();
    this.#watcher = undefined;
    clearInterval(this.#timer);
    this.#timer = setInterval(() => this.#check(), FAST_POLL_MS);
    this.#timer.unref();
  }

  #check(): void {
    const version = this.#readVersion();
    if (version !== this.#version) {
      this.#version = version;
      this.#listeners.emit({ type: 'external' });
    }
  }

  #readVersion(): number {
    try {
      return this.#db.pragma('data_version', { simple: true }) as number;
    } catch {
      return this.#version;
    }
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  async close(): Promise<void> {
    this.#stop();
  }
}
