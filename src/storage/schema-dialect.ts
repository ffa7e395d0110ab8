import {
  PostgresAdapter,
  sql,
  type MigrationLockOptions,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Dialect,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

/**
 * Kysely's PostgreSQL introspector reads the tables of every schema in the database and calls
 * pg_get_serial_sequence() on each column. When another tenant drops its schema meanwhile (other
 * Jobdeck instances on one database, parallel tests), that call fails with "schema does not
 * exist" and our migration fails with it. The migrator only asks whether its own tables exist,
 * so this introspector looks at Jobdeck's schema alone — named, not taken from the search_path,
 * which is not set behind a transaction pooler.
 */
class SchemaIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<SchemaMetadata>`
      select nspname as name from pg_namespace where nspname = ${this.schema}`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${this.schema} and c.relkind in ('r', 'p', 'v', 'm')`.execute(this.db);
    return rows.map((row) => ({ name: row.name, schema: row.schema, isView: row.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/**
 * Kysely's migration lock is a session advisory lock taken and released outside the migration's
 * transaction: behind a transaction pooler the three statements reach different server connections,
 * the unlock misses, and every later migration of the database waits forever. This one opens the
 * transaction itself and takes a transaction-scoped lock in it (one per schema, so tenants of a
 * database migrate side by side); the migrator runs with its own transactions off, and the
 * release commits (a failed migration has rolled back, see open-store.ts).
 */
class TransactionLockAdapter extends PostgresAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>, options: MigrationLockOptions): Promise<void> {
    await sql`begin`.execute(db);
    const key = `${options.lockTableSchema ?? ''}.${options.lockTable}`;
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`commit`.execute(db);
  }
}

/**
 * The given PostgreSQL dialect with introspection limited to one schema (asked for when used) and
 * the migration lock in the migration's transaction (open the migrator with `disableTransactions`).
 */
export function schemaDialect(dialect: Dialect, schema: () => string): Dialect {
  return {
    createDriver: () => dialect.createDriver(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => new TransactionLockAdapter(),
    createIntrospector: (db) => new SchemaIntrospector(db, schema()),
  };
}
