import { createRequire } from 'node:module';
import type Pg from 'pg';

let loaded: typeof Pg | undefined;

/**
 * pg, loaded when a PostgreSQL database is first opened: a process on SQLite never needs it, and
 * it is several MiB resident. Synchronous (pg is CommonJS), so opening a store needs no await.
 */
export function pgDriver(): typeof Pg {
  return (loaded ??= createRequire(import.meta.url)('pg') as typeof Pg);
}
