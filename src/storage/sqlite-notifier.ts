import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Listeners, type Notifier, type StoreEvent, type StoreListener } from './notifier.js';

/** Without a file watch: `PRAGMA data_version` is a read of shared memory, so it can run often. */
const FAST_POLL_MS = 15;
/** With one, the poll only covers a change the watch missed. */
const WATCHED_POLL_MS = 5000;
/**
 * After a write notice that showed no new commit, look again this much later (ms), each step once.
 * The notice comes with the writer's write() of WAL frames; the commit becomes visible (and
 * `data_version` changes) only when it then updates the shared WAL index, a few microseconds later
 * — or later still when it is preempted on a busy machine. Without the second look such a commit
 * would wait for the next notice or the 5 s poll. Not after this connection's own writes (its
 * `total_changes()` moved), which are most notices an idle process gets: each look is a wake-up.
 */
const RECHECK_MS = [1, 5, 25];

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
  #recheck: NodeJS.Timeout | undefined;
  #ownChanges = -1;
  #ownChangesStatement: Database.Statement<[], { n: number }> | undefined;

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
    this.#wroteSinceLastNotice();
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
        if (name === null || names.has(name.toString())) this.#noticed(0);
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

  /** A write notice: check now, and if no commit shows yet, again after the next RECHECK_MS step. */
  #noticed(step: number): void {
    if (step === 0) {
      clearTimeout(this.#recheck);
      this.#recheck = undefined;
      if (this.#check() || this.#wroteSinceLastNotice()) return;
    } else if (this.#check()) return;
    if (step >= RECHECK_MS.length || !this.#watcher) return;
    this.#recheck = setTimeout(() => this.#noticed(step + 1), RECHECK_MS[step]);
    this.#recheck.unref();
  }

  #wroteSinceLastNotice(): boolean {
    try {
      // Its own SQL text: a statement of the connection's cache is never shared with a query.
      this.#ownChangesStatement ??= this.#db.prepare('SELECT total_changes() AS n /* sqlite-notifier */');
      const changes = this.#ownChangesStatement.get()!.n;
      const wrote = changes !== this.#ownChanges;
      this.#ownChanges = changes;
      return wrote;
    } catch {
      return false;
    }
  }

  /** True when another connection committed since the last check (listeners are told). */
  #check(): boolean {
    const version = this.#readVersion();
    if (version === this.#version) return false;
    this.#version = version;
    this.#listeners.emit({ type: 'external' });
    return true;
  }

  #readVersion(): number {
    try {
      return this.#db.pragma('data_version', { simple: true }) as number;
    } catch {
      return this.#version;
    }
  }

  #stop(): void {
    clearTimeout(this.#recheck);
    this.#recheck = undefined;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  async close(): Promise<void> {
    this.#stop();
  }
}
