import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import { ConfigurationError, UnavailableError } from '../domain/errors.js';
import { describeTarget, parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { postgresTraits, sqliteTraits, type DialectTraits } from './dialect.js';
import { KyselyStore } from './kysely-store.js';
import { jobdeckPgTypes } from './host-connection.js';
import { HostPool } from './host-pool.js';
import { currentSchemaDialect } from './current-schema-dialect.js';
import { postgresMigrations } from './migrations/postgres.js';
import { sqliteMigrations } from './migrations/sqlite.js';
import { PgNotifier, SqliteNotifier, type Notifier } from './notifier.js';
import type { Database as Schema } from './schema.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Pool size on PostgreSQL (default 10). */
  poolSize?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** The host program's own `pg.Pool`, shared with Jobdeck (see host-pool.ts). */
export interface HostPoolDatabase {
  pool: pg.Pool;
  /** The schema of Jobdeck's tables (created if missing); default: the pool's current schema. */
  schema?: string | undefined;
}

interface Connection {
  db: Kysely<Schema>;
  traits: DialectTraits;
  notifier: Notifier;
  migrations: Record<string, Migration>;
  schema: string | undefined;
  release: () => Promise<void>;
  pgPool?: pg.Pool;
}

/**
 * One SQLite connection per file per process, shared by every store on that file: better-sqlite3
 * waits for locks synchronously, so a second connection of the same process that waited on the
 * first's open transaction would block the event loop the first needs to finish it.
 */
const sqliteConnections = new Map<string, { connection: Connection; users: number }>();

function openSqlite(file: string): Connection {
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
  let handle: Database.Database;
  try {
    handle = new Database(file, { timeout: 10_000 });
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
    migrations: sqliteMigrations,
    schema: undefined,
    release: async () => {
      await notifier.close();
      await db.destroy();
    },
  };
}

function openHostPool(database: HostPoolDatabase): Connection {
  if (database.schema !== undefined && !/^[a-z_][a-z0-9_]*$/i.test(database.schema)) {
    throw new ConfigurationError(`Schema "${database.schema}" is not a plain identifier (letters, digits and "_").`);
  }
  const pool = new HostPool(database.pool, database.schema) as unknown as pg.Pool;
  const db = new Kysely<Schema>({ dialect: currentSchemaDialect(new PostgresDialect({ pool })) });
  const notifier = new PgNotifier(pool, (pool as unknown as HostPool).clientConfig);
  return {
    db,
    traits: postgresTraits,
    notifier,
    migrations: postgresMigrations,
    schema: database.schema,
    pgPool: pool,
    release: async () => {
      await notifier.close();
      await db.destroy();
    },
  };
}

function openPostgres(target: Extract<DatabaseTarget, { dialect: 'postgres' }>, poolSize: number): Connection {
  const clientConfig: pg.ClientConfig = {
    connectionString: target.connectionString,
    types: jobdeckPgTypes,
    connectionTimeoutMillis: 5000,
    ...(target.schema && { options: `-c search_path=${target.schema}` }),
  };
  const pool = new pg.Pool({ ...clientConfig, max: poolSize });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // A client in use between two queries (a transaction, a held connection) that loses its
  // connection emits 'error' with no pool listener attached: without this the process would
  // crash on a database restart. Its next query fails instead, and the pool discards it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Schema>({ dialect: currentSchemaDialect(new PostgresDialect({ pool })) });
  const notifier = new PgNotifier(pool, clientConfig);
  return {
    db,
    traits: postgresTraits,
    notifier,
    migrations: postgresMigrations,
    schema: target.schema,
    pgPool: pool,
    release: async () => {
      await notifier.close();
      await db.destroy();
    },
  };
}

async function migrate(connection: Connection): Promise<void> {
  if (connection.schema) {
    // Two processes creating the schema at once: the loser gets a unique violation, and the
    // schema exists, which is all it wanted.
    await sql`create schema if not exists ${sql.id(connection.schema)}`
      .execute(connection.db)
      .catch((error: { code?: string }) => {
        if (error.code !== '23505') throw error;
      });
  }
  const migrator = new Migrator({
    db: connection.db,
    provider: { getMigrations: async () => connection.migrations },
    ...(connection.schema && { migrationTableSchema: connection.schema }),
  });
  // Kysely takes no cross-process lock on SQLite: when several processes open a new file at once,
  // one wins and the others fail on its tables. Their next try sees the migrations recorded.
  for (let attempt = 1; ; attempt += 1) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    if (connection.traits.name !== 'sqlite' || attempt >= 10) throw error;
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
  }
}

/** Opens the database a URL names, checks that it answers, and applies migrations. */
export async function openStore(url: string | HostPoolDatabase, options: OpenStoreOptions = {}): Promise<Store> {
  const target = typeof url === 'string' ? parseDatabaseUrl(url) : undefined;
  const location = target
    ? describeTarget(target)
    : `the host's pg pool${url instanceof Object && url.schema ? ` (schema ${url.schema})` : ''}`;
  const connection = !target
    ? openHostPool(url as HostPoolDatabase)
    : target.dialect === 'sqlite'
      ? openSqlite(target.file)
      : openPostgres(target, options.poolSize ?? 10);
  try {
    await sql`select 1`.execute(connection.db);
    if (options.migrate ?? true) await migrate(connection);
  } catch (error) {
    await connection.release().catch(() => undefined);
    if (error instanceof UnavailableError) throw error;
    throw new UnavailableError(`Cannot use the database at ${location}: ${describeCause(error)}`);
  }
  return new KyselyStore({
    ...connection,
    location,
    now: options.now ?? Date.now,
  });
}

function describeCause(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describeCause(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
