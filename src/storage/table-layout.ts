import { sql, type Kysely } from 'kysely';

/** Where Jobdeck's tables and its migration records live in a database. */
export interface TableLayout {
  /** PostgreSQL schema of Jobdeck's tables; undefined on SQLite (a file of its own). */
  schema: string | undefined;
  migrationTable: string;
  migrationLockTable: string;
  /** Set when an earlier version's layout was found and is kept, saying so (for the log). */
  notice?: string;
}

/** Jobdeck's own schema on PostgreSQL when the URL names none: no clash with a host's `jobs`. */
const DEFAULT_SCHEMA = 'jobdeck';

/** Migration records under Jobdeck's own names, so a host's Kysely migrator never sees them. */
const CURRENT = { migrationTable: 'jobdeck_migration', migrationLockTable: 'jobdeck_migration_lock' };

/** Kysely's default names, which Jobdeck 0.1 used: databases it set up keep them. */
const LEGACY = { migrationTable: 'kysely_migration', migrationLockTable: 'kysely_migration_lock' };

const legacyNotice = (where: string) =>
  `Kept the table layout of Jobdeck 0.1 (${where}, migrations recorded in kysely_migration); ` +
  'see docs/deployment.md, "Upgrades".';

/**
 * PostgreSQL: the requested schema (or `jobdeck`) with `jobdeck_migration`, unless Jobdeck's tables
 * are already recorded in `kysely_migration` there — or, with no schema requested, in `public`,
 * where Jobdeck 0.1 put them. Such a database keeps working where it is; nothing moves.
 */
export async function postgresLayout(db: Kysely<unknown>, requested: string | undefined): Promise<TableLayout> {
  const schema = requested ?? DEFAULT_SCHEMA;
  const found = (inSchema: string, table: string) =>
    sql<boolean>`to_regclass(format('%I.%I', ${inSchema}::text, ${table}::text)) is not null`;
  const { rows } = await sql<{ current: boolean; legacy: boolean; legacy_public: boolean }>`
    select ${found(schema, CURRENT.migrationTable)} as current,
           ${found(schema, LEGACY.migrationTable)} and ${found(schema, 'run_logs')} as legacy,
           ${found('public', LEGACY.migrationTable)} and ${found('public', 'run_logs')} as legacy_public`.execute(db);
  const state = rows[0]!;
  if (state.current) return { schema, ...CURRENT };
  if (state.legacy) return { schema, ...LEGACY, notice: legacyNotice(`schema ${schema}`) };
  if (!requested && state.legacy_public) return { schema: 'public', ...LEGACY, notice: legacyNotice('schema public') };
  return { schema, ...CURRENT };
}

/** SQLite: `jobdeck_migration`, unless the file already records Jobdeck's migrations in `kysely_migration`. */
export async function sqliteLayout(db: Kysely<unknown>): Promise<TableLayout> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table'
      and name in (${CURRENT.migrationTable}, ${LEGACY.migrationTable}, 'run_logs')`.execute(db);
  const names = new Set(rows.map((row) => row.name));
  if (!names.has(CURRENT.migrationTable) && names.has(LEGACY.migrationTable) && names.has('run_logs')) {
    return { schema: undefined, ...LEGACY, notice: legacyNotice('this file') };
  }
  return { schema: undefined, ...CURRENT };
}
