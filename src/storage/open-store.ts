import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import { ConfigurationError, UnavailableError } from '../domain/errors.js';
import { describeTarget, parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { postgresTraits, sqliteTraits, type DialectTraits } from './dialect.js';
import { KyselyStore } from './kysely-store.js';
import { jobdeckPgTypes } from './host-connection.js';
import { HostPool } from './host-pool.js';
import { schemaDialect } from './schema-dialect.js';
import { migrationsFor } from './migrations/index.js';
import { PgNotifier, type Notifier } from './notifier.js';
import { SqliteNotifier } from './sqlite-notifier.js';
import { PollingPgNotifier } from './polling-notifier.js';
import { sqliteDriver } from './sqlite-driver.js';
import { postgresLayout, sqliteLayout, type TableLayout } from './table-layout.js';
import type { Database as Schema } from './schema.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Pool size on PostgreSQL (default 10). */
  poolSize?: number;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * PostgreSQL behind a transaction pooler: a direct URL (not through the pooler) to LISTEN on for
   * change announcements (default JOBDECK_LISTEN_URL). Without one, changes are polled for.
   */
  listenUrl?: string;
  /** Told what the caller should log once (e.g. an earlier version's table layout was kept). */
  onNotice?: (message: string) => void;
}

/** The host program's own `pg.Pool`, shared with Jobdeck (see host-pool.ts). */
export interface HostPoolDatabase {
  pool: pg.Pool;
  /** The schema of Jobdeck's tables (created if missing); default `jobdeck`, as for a URL. */
  schema?: string | undefined;
}

interface Connection {
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

function openHostPool(database: HostPoolDatabase): Connection {
  if (database.schema !== undefined && !/^[a-z_][a-z0-9_]*$/i.test(database.schema)) {
    throw new ConfigurationError(`Schema "${database.schema}" is not a plain identifier (letters, digits and "_").`);
  }
  const pool = new HostPool(database.pool, database.schema) as unknown as pg.Pool;
  let layout: TableLayout | undefined;
  const db = new Kysely<Schema>({
    dialect: schemaDialect(new PostgresDialect({ pool }), () => layout?.schema ?? 'public'),
  });
  const notifier = new PgNotifier(pool, (pool as unknown as HostPool).clientConfig);
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

function openPostgres(
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
  const pool = new pg.Pool({ ...clientConfig, max: poolSize });
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
  const notifier =
    pooled && !listenUrl
      ? new PollingPgNotifier(pool)
      : new PgNotifier(
          pool,
          listenUrl ? { ...clientConfig, connectionString: parseListenUrl(listenUrl) } : clientConfig,
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

async function migrate(connection: Connection, layout: TableLayout): Promise<void> {
  const { schema } = layout;
  if (schema) {
    // Two processes creating the schema at once: the loser gets a unique violation, and the
    // schema exists, which is all it wanted.
    await sql`create schema if not exists ${sql.id(schema)}`
      .execute(connection.db)
      .catch((error: { code?: string }) => {
        if (error.code !== '23505') throw error;
      });
  }
  // Migrations name tables unqualified: each runs in the migration transaction with Jobdeck's
  // schema as search_path, set for that transaction only (so it holds behind a pooler too).
  const migrations = schema
    ? Object.fromEntries(
        Object.entries(connection.migrations).map(([name, migration]) => [
          name,
          {
            up: async (db: Kysely<unknown>) => {
              try {
                await sql`select set_config('search_path', quote_ident(${schema}), true)`.execute(db);
                await migration.up(db);
              } catch (error) {
                // The whole batch is one transaction (see schema-dialect.ts): undo all of it.
                await sql`rollback`.execute(db).catch(() => undefined);
                throw error;
              }
            },
          },
        ]),
      )
    : connection.migrations;
  const migrator = new Migrator({
    db: connection.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: layout.migrationTable,
    migrationLockTableName: layout.migrationLockTable,
    // PostgreSQL: the migration lock opens and commits the one transaction (see schema-dialect.ts).
    ...(schema && { migrationTableSchema: schema, disableTransactions: true }),
  });
  // Kysely takes no cross-process lock on SQLite: when several processes open a new file at once,
  // one wins and the others fail on its tables. Their next try sees the migrations recorded.
  for (let attempt = 1; ; attempt += 1) {
    const { error } = await migrator.migrateToLatest();
    if (!error) break;
    if (connection.traits.name !== 'sqlite' || attempt >= 10) throw error;
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
  }
  if (schema) await pinTriggerSearchPath(connection.db, schema);
}

/**
 * The trigger function of migration 0005 names run_logs unqualified, and runs with the search_path
 * of whoever deletes runs: pinned to Jobdeck's schema, it finds its table on any connection.
 * Done here rather than in 0005 so databases migrated before are pinned too.
 */
async function pinTriggerSearchPath(db: Kysely<Schema>, schema: string): Promise<void> {
  const pinned = async () => {
    const { rows } = await sql<{ pinned: boolean }>`
      select p.proconfig is not null as pinned from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = ${schema} and p.proname = 'run_logs_delete_with_runs'`.execute(db);
    return rows[0]?.pinned ?? true;
  };
  if (await pinned()) return;
  const name = sql.id(schema, 'run_logs_delete_with_runs');
  // Two processes pinning at once: the loser's "tuple concurrently updated" is no failure.
  await sql`alter function ${name}() set search_path = ${sql.id(schema)}`.execute(db).catch(async (error) => {
    if (!(await pinned())) throw error;
  });
}

/** Opens the database a URL names, checks that it answers, and applies migrations. */
export async function openStore(url: string | HostPoolDatabase, options: OpenStoreOptions = {}): Promise<Store> {
  const target = typeof url === 'string' ? parseDatabaseUrl(url) : undefined;
  const hostPool = (schema: string | undefined) => `the host's pg pool${schema ? ` (schema ${schema})` : ''}`;
  let location = target ? describeTarget(target) : hostPool((url as HostPoolDatabase).schema);
  const listenUrl = options.listenUrl ?? process.env.JOBDECK_LISTEN_URL;
  const connection = !target
    ? openHostPool(url as HostPoolDatabase)
    : target.dialect === 'sqlite'
      ? openSqlite(target.file)
      : openPostgres(target, options.poolSize ?? 10, listenUrl || undefined);
  let layout: TableLayout;
  try {
    await sql`select 1`.execute(connection.db);
    layout = await connection.layout();
    if (!target) location = hostPool(layout.schema);
    else if (target.dialect === 'postgres') location = describeTarget({ ...target, schema: layout.schema });
    if (layout.notice) options.onNotice?.(`${layout.notice} Database: ${location}.`);
    if (options.migrate ?? true) await migrate(connection, layout);
  } catch (error) {
    await connection.release().catch(() => undefined);
    if (error instanceof UnavailableError) throw error;
    throw new UnavailableError(`Cannot use the database at ${location}: ${describeCause(error)}`);
  }
  return new KyselyStore({
    ...connection,
    // Every query names Jobdeck's schema: nothing depends on a connection's search_path.
    db: layout.schema ? connection.db.withSchema(layout.schema) : connection.db,
    schema: layout.schema,
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
