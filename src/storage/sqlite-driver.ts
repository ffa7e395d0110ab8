import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { ConfigurationError } from '../domain/errors.js';

type SqliteConstructor = typeof BetterSqlite3;
let driver: SqliteConstructor | undefined;

/**
 * better-sqlite3, loaded when a SQLite database is opened: it is an optional dependency (a
 * native module), so a PostgreSQL-only host may install Jobdeck without it. Synchronous, like
 * the driver itself: opening a store on SQLite needs no await.
 */
export function sqliteDriver(): SqliteConstructor {
  if (driver) return driver;
  try {
    driver = withStatementCache(createRequire(import.meta.url)('better-sqlite3') as SqliteConstructor);
  } catch (error) {
    const missing =
      (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && /'better-sqlite3'/.test(String(error));
    if (!missing) throw error;
    throw new ConfigurationError(
      'SQLite needs the better-sqlite3 package, which is not installed (it is an optional dependency of ' +
        'Jobdeck). Install it with "npm install better-sqlite3", or use a postgres:// database.',
    );
  }
  return driver;
}

/** Statements kept per connection; the least recently used one goes first. */
const CACHED_STATEMENTS = 200;

/**
 * The driver with `prepare` answered from a per-connection cache by SQL text. Kysely prepares
 * every query it runs, and compiling SQLite's bigger statements (the claim, with its sub-select
 * and RETURNING *) costs more than running them on a short batch. A statement being iterated
 * (busy) is never handed out twice: the caller gets a fresh one. `pragma()` does not go through
 * `prepare`, so no cached statement is ever switched to pluck or raw mode.
 */
function withStatementCache(Base: SqliteConstructor): SqliteConstructor {
  function open(...args: ConstructorParameters<SqliteConstructor>): BetterSqlite3.Database {
    const db = new Base(...args);
    const prepare = db.prepare.bind(db) as (source: string) => BetterSqlite3.Statement;
    const statements = new Map<string, BetterSqlite3.Statement>();
    db.prepare = ((source: string) => {
      const cached = statements.get(source);
      if (cached && !cached.busy) {
        // Re-inserted: a Map keeps insertion order, so its first key is the least recently used.
        statements.delete(source);
        statements.set(source, cached);
        return cached;
      }
      const statement = prepare(source);
      if (!cached) {
        statements.set(source, statement);
        if (statements.size > CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      return statement;
    }) as typeof db.prepare;
    return db;
  }
  // Called with `new` by the opener: a constructor that returns an object yields that object.
  return open as unknown as SqliteConstructor;
}
