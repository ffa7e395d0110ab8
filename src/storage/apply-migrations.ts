import { Migrator, sql, type Kysely } from 'kysely';
import type { Connection } from './store-connection.js';
import type { TableLayout } from './table-layout.js';
import type { Database as Schema } from './schema.js';
import { compareNames } from '../domain/name-order.js';

/** Applies pending migrations in the layout's schema (created if missing). */
export async function migrate(connection: Connection, layout: TableLayout): Promise<void> {
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
    // Kysely's default is localeCompare: the same order for these names, without ICU's data.
    nameComparator: compareNames,
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
