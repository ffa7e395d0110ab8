import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import type pg from 'pg';
import { pgDriver } from './pg-driver.js';
import { ConfigurationError, UnavailableError } from '../domain/errors.js';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { postgresTraits, sqliteTraits, type DialectTraits } from './dialect.js';
import { jobdeckPgTypes } from './host-connection.js';
import { HostPool } from './host-pool.js';
import { schemaDialect } from './schema-dialect.js';
import { migrationsFor } from './migrations/index.js';
import { notifyChannel, PgNotifier, type Notifier } from './notifier.js';
import { SqliteNotifier } from './sqlite-notifier.js';
import { PollingPgNotifier } from './polling-notifier.js';
import { sqliteDriver } from './sqlite-driver.js';
import { postgresLayout, sqliteLayout, type TableLayout } from './table-layout.js';
import type { Database as Schema } from './schema.js';

// Opening a database: the driver, the pool, and how changes are announced on it (see open-store.ts).

/** The host program's own `pg.Pool`, shared with Jobdeck (see host-pool.ts). */
export interface HostPoolDatabase {
  pool: pg.Pool;
  /** The schema of Jobdeck's tables (created if missing); default `jobdeck`, as for a URL. */
  schema?: string | undefined;
}

/** An open database, before it is a Store: what migrating it and building the Store need. */
export interface Connection {
  /** Unqualified: for migrations (which run with their schema as search_path) and layout checks. */
  db: Kysely<Schema>;
  traits: DialectTraits;
  notifier: Notifier;
  migrations: Record<string, Migration>;
  release: () => Promise<void>;
  pgPool?: pg.Pool;
  /** PostgreSQL: whether named prepared statements may be used (not behind a transaction pooler). */
  namedStatements?: boolean;
  layout(): Promise<TableLayout>;
}

/**
 * One SQLite connection per file per process, shared by every store on that file: better-sqlite3
 * waits for locks synchronously, so a second connection of the same process that waited on the
 * first's open transaction would block the event loop the first needs to finish it.
 */
const sqliteConnections = new Map<string, { connection: Connection; users: number }>();

export function openSqlite(file: string): Connection {
  const shared = file === ':memory:' ? undefined : sqliteConnections.get(file);
  if (shared) {
    shared.users += 1;
    return shared.connection;
  }
  const connection = openSqliteConnection(file);
  if (file === ':memory:') return connection;
  const entry = { connection, users: 1 };
  const close = connection.release;
  connection.release = async () => {
    entry.users -= 1;
    if (entry.users > 0) return;
    sqliteConnections.delete(file);
    await close();
  };
  sqliteConnections.set(file, entry);
  return connection;
}

function openSqliteConnection(file: string): Connection {
  if (file !== ':memory:' && !fs.existsSync(path.dirname(file))) {
    throw new UnavailableError(`Cannot open sqlite:${file}: the folder ${path.dirname(file)} does not exist.`);
  }
  const Driver = sqliteDriver();
  let handle: Database.Database;
  try {
    handle = new Driver(file, { timeout: 10_000 });
  } catch (error) {
    throw new UnavailableError(`Cannot open sqlite:${file}: ${(error as Error).message}`);
  }
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: handle }) });
  const notifier = new SqliteNotifier(handle);
  return {
    db,
    traits: sqliteTraits,
    notifier,
    migrations: migrationsFor('sqlite'),
    layout: () => sqliteLayout(db as Kysely<unknown>),
    release: async () => {
      await notifier.close();
      await db.destroy();
    },
  };
}

export function openHostPool(database: HostPoolDatabase): Connection {
  if (database.schema !== undefined && !/^[a-z_][a-z0-9_]*$/i.test(database.schema)) {
    throw new ConfigurationError(`Schema "${database.schema}" is not a plain identifier (letters, digits and "_").`);
  }
  const pool = new HostPool(database.pool, database.schema) as unknown as pg.Pool;
  let layout: TableLayout | undefined;
  const db = new Kysely<Schema>({
    dialect: schemaDialect(new PostgresDialect({ pool }), () => layout?.schema ?? 'public'),
  });
  const channel = () => notifyChannel(layout?.schema ?? database.schema);
  const notifier = new PgNotifier(pool, (pool as unknown as HostPool).clientConfig, channel);
  return {
    db,
    traits: postgresTraits,
    notifier,
    migrations: migrationsFor('postgres'),
    pgPool: pool,
    namedStatements: true,
    layout: async () => (layout ??= await postgresLayout(db as Kysely<unknown>, database.schema)),
    release: async () => {
      await notifier.close();
      await db.destroy();
    },
  };
}

export function openPostgres(
  target: Extract<DatabaseTarget, { dialect: 'postgres' }>,
  poolSize: number,
  listenUrl: string | undefined,
): Connection {
  // No session state: behind a transaction pooler a SET (or a startup `options`) would reach
  // whichever server connection the pooler picked; queries name Jobdeck's schema instead.
  const clientConfig: pg.ClientConfig = {
    connectionString: target.connectionString,
    types: jobdeckPgTypes,
    connectionTimeoutMillis: 5000,
  };
  const pool = new (pgDriver().Pool)({ ...clientConfig, max: poolSize });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // A client in use between two queries (a transaction, a held connection) that loses its
  // connection emits 'error' with no pool listener attached: without this the process would
  // crash on a database restart. Its next query fails instead, and the pool discards it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const pooled = target.pooler === 'transaction';
  let layout: TableLayout | undefined;
  // The migrator's introspection looks at the schema the layout names (read before migrating).
  const db = new Kysely<Schema>({
    dialect: schemaDialect(new PostgresDialect({ pool }), () => layout?.schema ?? 'public'),
  });
  const channel = () => notifyChannel(layout?.schema ?? target.schema);
  const notifier =
    pooled && !listenUrl
      ? new PollingPgNotifier(pool, channel)
      : new PgNotifier(
          pool,
          listenUrl ? { ...clientConfig, connectionString: parseListenUrl(listenUrl) } : clientConfig,
          channel,
        );
  return {
    db,
    traits: postgresTraits,
    notifier,
    migrations: migrationsFor('postgres'),
    pgPool: pool,
    namedStatements: !pooled,
    layout: async () => (layout ??= await postgresLayout(db as Kysely<unknown>, target.schema)),
    release: async () => {
      await notifier.close();
      await db.destroy();
    },
  };
}

/** The direct URL to LISTEN on; `schema` and `pooler` parameters, if copied along, are dropped. */
function parseListenUrl(url: string): string {
  const target = parseDatabaseUrl(url);
  if (target.dialect !== 'postgres') throw new UnavailableError('The listen URL must be a postgres:// URL.');
  return target.connectionString;
}
