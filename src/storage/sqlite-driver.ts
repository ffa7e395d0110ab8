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
    driver = createRequire(import.meta.url)('better-sqlite3') as SqliteConstructor;
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
